import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { sleep } from './wait';

/** An email as a real SMTP server received it. */
export interface ReceivedMail {
  /** Envelope recipients (RCPT TO). */
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string | null;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  receivedAt: number;
}

// ---------------------------------------------------------------- a small MIME reader

function decodeWords(value: string): string {
  return value.replace(
    /=\?([^?]+)\?([QqBb])\?([^?]*)\?=\s*(?==\?)?/g,
    (_, _charset: string, enc: string, data: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : decodeQuotedPrintable(data.replace(/_/g, ' ')),
  );
}

function decodeQuotedPrintable(s: string): string {
  const bytes: number[] = [];
  const text = s.replace(/=\r?\n/g, '');
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(text[i], 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

function splitPart(raw: string): { headers: Record<string, string>; body: string } {
  const at = raw.search(/\r?\n\r?\n/);
  const head = at < 0 ? raw : raw.slice(0, at);
  const body = at < 0 ? '' : raw.slice(at).replace(/^\r?\n\r?\n/, '');
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = decodeWords(line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function decodeBody(body: string, encoding: string | undefined): string {
  switch ((encoding ?? '7bit').toLowerCase()) {
    case 'quoted-printable':
      return decodeQuotedPrintable(body);
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    default:
      return body;
  }
}

/** Text and HTML bodies of a message, through multipart/* nesting. */
function bodies(part: { headers: Record<string, string>; body: string }): { text: string | null; html: string | null } {
  const type = part.headers['content-type'] ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (/^multipart\//i.test(type) && boundary) {
    let text: string | null = null;
    let html: string | null = null;
    for (const chunk of part.body.split(`--${boundary}`).slice(1)) {
      if (chunk.startsWith('--')) break;
      const inner = bodies(splitPart(chunk.replace(/^\r?\n/, '')));
      text ??= inner.text;
      html ??= inner.html;
    }
    return { text, html };
  }
  const decoded = decodeBody(part.body, part.headers['content-transfer-encoding']).replace(/\r\n/g, '\n').trimEnd();
  return /^text\/html/i.test(type) ? { text: null, html: decoded } : { text: decoded, html: null };
}

export function parseMail(raw: string, envelopeTo: string[] = []): ReceivedMail {
  const top = splitPart(raw);
  const { text, html } = bodies(top);
  return {
    to: envelopeTo,
    from: top.headers.from ?? '',
    subject: top.headers.subject ?? '',
    text: text ?? '',
    html,
    headers: top.headers,
    receivedAt: Date.now(),
  };
}

// ---------------------------------------------------------------- the server

/**
 * A real SMTP server on loopback that keeps what it receives (and, with `dir`, writes each
 * message there as JSON, for another process to read with {@link readMailDir}).
 */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  private server?: SMTPServer;
  /** When set, every message is refused with this SMTP code (simulates a failing server). */
  rejectWith: number | null = null;

  private constructor(
    public port: number,
    private readonly dir?: string,
  ) {}

  static async start(opts: { port?: number; dir?: string } = {}): Promise<SmtpSink> {
    const sink = new SmtpSink(opts.port ?? 0, opts.dir);
    if (opts.dir) mkdirSync(opts.dir, { recursive: true });
    await sink.listen();
    return sink;
  }

  /** (Re)opens the server on its port. */
  async listen(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      closeTimeout: 100,
      onData: (stream, session, done) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          if (this.rejectWith) {
            const err = new Error('Refused by the test server') as Error & { responseCode: number };
            err.responseCode = this.rejectWith;
            return done(err);
          }
          const mail = parseMail(
            Buffer.concat(chunks).toString('utf8'),
            session.envelope.rcptTo.map((r) => r.address),
          );
          this.received.push(mail);
          if (this.dir) {
            writeFileSync(
              path.join(this.dir, `${mail.receivedAt}-${Math.random().toString(36).slice(2, 8)}.json`),
              JSON.stringify(mail),
            );
          }
          done();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    server.on('error', () => undefined);
    this.port = (server.server.address() as { port: number }).port;
    this.server = server;
  }

  /** Stops accepting connections (clients see "connection refused" until listen() again). */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  to(address: string): ReceivedMail[] {
    return this.received.filter((m) => m.to.includes(address));
  }

  async waitFor(pred: (m: ReceivedMail) => boolean, what: string, timeoutMs = 20_000): Promise<ReceivedMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = this.received.find(pred);
      if (hit) return hit;
      if (Date.now() > deadline)
        throw new Error(`no email ${what} within ${timeoutMs}ms (${this.received.length} others received)`);
      await sleep(50);
    }
  }
}

/** Messages an {@link SmtpSink} with `dir` wrote, oldest first. */
export function readMailDir(dir: string): ReceivedMail[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json'));
  } catch {
    return [];
  }
  return names.sort().map((n) => JSON.parse(readFileSync(path.join(dir, n), 'utf8')) as ReceivedMail);
}

/** Waits until a message in `dir` matches. */
export async function waitForMailIn(
  dir: string,
  pred: (m: ReceivedMail) => boolean,
  what: string,
  timeoutMs = 30_000,
): Promise<ReceivedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const hit = readMailDir(dir).find(pred);
    if (hit) return hit;
    if (Date.now() > deadline) throw new Error(`no email ${what} within ${timeoutMs}ms`);
    await sleep(100);
  }
}
