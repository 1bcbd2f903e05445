// A local SMTP server that keeps every email it receives: `npm start` runs one so the platform's
// emails (verification codes, reset links, receipts) can be read without a real mail server.
// Each message is written to <dir>/<time>-<n>.eml (open it with any mail client) and announced
// on one line. Standalone: node tools/dev/mail-sink.mjs [--port 1025] [--dir .infra/mail]
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SMTPServer } from 'smtp-server';

/** RFC 2047 encoded words (=?UTF-8?Q?...?= / B) in a header, decoded. */
function decodeHeader(value) {
  return value.replace(/=\?[^?]+\?([QqBb])\?([^?]*)\?=\s*/g, (_, enc, data) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(data, 'base64').toString('utf8')
      : Buffer.from(
          data.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, h) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
  );
}

export async function startMailSink({ port = 1025, dir, log = (line) => process.stdout.write(`${line}\n`) }) {
  mkdirSync(dir, { recursive: true });
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, done) {
      const chunks = [];
      stream.on('data', (c) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const head = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
        const subject = decodeHeader(/^subject:\s*(.*)$/im.exec(head)?.[1] ?? '(no subject)');
        const to = session.envelope.rcptTo.map((r) => r.address).join(', ');
        const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${++count}.eml`);
        writeFileSync(file, raw);
        log(`[mail] to ${to}: ${subject}  (${path.relative(process.cwd(), file)})`);
        done();
      });
    },
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(undefined));
  });
  server.on('error', (err) => log(`[mail] ${err.message}`));
  const { port: listening } = /** @type {import('node:net').AddressInfo} */ (server.server.address());
  return { port: listening, close: () => new Promise((r) => server.close(() => r(undefined))) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '1025' }, dir: { type: 'string', default: '.infra/mail' } },
  });
  const sink = await startMailSink({ port: Number(values.port), dir: values.dir });
  process.stdout.write(`[mail] SMTP sink on 127.0.0.1:${sink.port}, messages in ${values.dir}\n`);
}
