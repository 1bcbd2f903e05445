import type { ServerResponse } from 'node:http';
import type { Subscriber } from './event-hub';
import { encodeCursor, type Positions } from './stream-cursor';
import type { StreamEvent } from './stream-routing';

/** Why the server ended a stream (the data of the final `closed` or `dropped` message). */
export type CloseReason =
  'TOKEN_EXPIRED' | 'TOKEN_REVOKED' | 'SLOW_CLIENT' | 'SERVER_SHUTDOWN' | 'RESUME_OVERFLOW' | 'STREAM_ERROR';

export interface ConnectionLimits {
  maxBufferedBytes: number;
  slowClientMs: number;
}

/** Live events that may wait while a resuming client is caught up; beyond this it is dropped. */
const MAX_PENDING_WHILE_RESUMING = 10_000;

/**
 * One client's Server-Sent Events stream. Until `goLive`, the events offered by the hub wait
 * (the client is being caught up from JetStream); then each is written with an id carrying the
 * stream positions it was sent at. Writes never buffer without bound: a socket whose buffer
 * passes `maxBufferedBytes`, or stays full for `slowClientMs`, is ended with `event: dropped`.
 */
export class StreamConnection implements Subscriber {
  private live = false;
  private pending: { stream: string; seq: number; message: StreamEvent; positions: Positions }[] = [];
  /** Per stream, the last sequence this client has been brought past. */
  private readonly current: Positions;
  private fullSince?: number;
  private ended = false;
  private readonly onEnd: ((reason: CloseReason | 'CLIENT_GONE') => void)[] = [];

  constructor(
    readonly id: string,
    readonly userId: string,
    readonly doctorId: string | undefined,
    private readonly res: ServerResponse,
    private readonly limits: ConnectionLimits,
    start: Positions,
    /** The organisations of a PROVIDER_STAFF caller (whose appointment events it receives). */
    readonly organisationIds: readonly string[] = [],
  ) {
    this.current = { ...start };
    res.on('drain', () => (this.fullSince = undefined));
    res.on('close', () => this.finish('CLIENT_GONE'));
  }

  get isOpen(): boolean {
    return !this.ended;
  }

  /** Called once, with why the stream ended. */
  onClose(fn: (reason: CloseReason | 'CLIENT_GONE') => void): void {
    this.onEnd.push(fn);
  }

  /** The cursor a reconnecting client would resume from now. */
  cursor(): string {
    return encodeCursor({ issuedAt: Date.now(), positions: this.current });
  }

  offer(stream: string, seq: number, message: StreamEvent, positions: Positions): void {
    if (this.ended) return;
    if (!this.live) {
      if (this.pending.length >= MAX_PENDING_WHILE_RESUMING) return this.drop('RESUME_OVERFLOW');
      this.pending.push({ stream, seq, message, positions });
      return;
    }
    if (seq <= (this.current[stream] ?? 0)) return; // already sent while resuming
    for (const [s, p] of Object.entries(positions)) this.current[s] = Math.max(this.current[s] ?? 0, p);
    this.current[stream] = Math.max(this.current[stream] ?? 0, seq);
    this.write(frame(this.cursor(), undefined, message));
  }

  /** An event read back from JetStream while resuming (in stream order). */
  replayed(stream: string, seq: number, message: StreamEvent): void {
    this.current[stream] = seq;
    this.write(frame(this.cursor(), undefined, message));
  }

  /** The replay of a stream reached `seq`. */
  caughtUp(stream: string, seq: number): void {
    this.current[stream] = Math.max(this.current[stream] ?? 0, seq);
  }

  /** Sends what waited during the replay, then every event as it comes; `ready` tells the client. */
  goLive(): void {
    this.live = true;
    const waiting = this.pending;
    this.pending = [];
    for (const p of waiting) this.offer(p.stream, p.seq, p.message, p.positions);
    this.control('ready', { at: new Date().toISOString() });
  }

  control(event: 'ready' | 'resync', data: Record<string, unknown>): void {
    this.write(frame(this.cursor(), event, data));
  }

  /** A comment line: keeps proxies from closing an idle stream. False when the client is too slow. */
  heartbeat(): boolean {
    if (this.fullSince !== undefined && Date.now() - this.fullSince >= this.limits.slowClientMs) {
      this.drop('SLOW_CLIENT');
      return false;
    }
    this.write(': heartbeat\n\n');
    return !this.ended;
  }

  /** Ends the stream with a final `closed` message saying why (the client may reconnect with a new token). */
  close(reason: CloseReason): void {
    if (this.ended) return;
    this.res.end(frame(undefined, 'closed', { reason }));
    this.finish(reason);
  }

  /** Ends the stream of a client that cannot keep up, with a final `dropped` message. */
  drop(reason: CloseReason): void {
    if (this.ended) return;
    this.res.end(frame(undefined, 'dropped', { reason }));
    // A client that reads nothing never takes the final bytes: do not wait for it.
    setTimeout(() => this.res.destroy(), 1_000).unref();
    this.finish(reason);
  }

  private write(chunk: string): void {
    if (this.ended) return;
    if (this.res.writableLength + chunk.length > this.limits.maxBufferedBytes) return this.drop('SLOW_CLIENT');
    if (!this.res.write(chunk)) this.fullSince ??= Date.now();
  }

  private finish(reason: CloseReason | 'CLIENT_GONE'): void {
    if (this.ended) return;
    this.ended = true;
    this.pending = [];
    for (const fn of this.onEnd) fn(reason);
  }
}

/** One SSE message: `id:` (when given), `event:` (control messages only), one `data:` line of JSON. */
export function frame(id: string | undefined, event: string | undefined, data: unknown): string {
  return `${id ? `id: ${id}\n` : ''}${event ? `event: ${event}\n` : ''}data: ${JSON.stringify(data)}\n\n`;
}
