import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { StreamConnection } from '../stream-connection';
import { STREAMED_STREAMS, decodeCursor } from '../stream-cursor';
import type { StreamEvent } from '../stream-routing';

const [SCHED, WALLET] = STREAMED_STREAMS;

/** A socket-like response: keeps what was written; `full` makes writes report a full buffer. */
class FakeResponse extends EventEmitter {
  chunks: string[] = [];
  writableLength = 0;
  full = false;
  ended = false;
  destroyed = false;
  write(chunk: string): boolean {
    this.chunks.push(chunk);
    if (this.full) this.writableLength += chunk.length;
    return !this.full;
  }
  end(chunk?: string): void {
    if (chunk) this.chunks.push(chunk);
    this.ended = true;
  }
  destroy(): void {
    this.destroyed = true;
  }
  /** The SSE messages written: [event, id, data]. */
  messages(): [string, string | undefined, Record<string, unknown>][] {
    return this.chunks
      .filter((c) => c.includes('data: '))
      .map((c) => {
        const id = /^id: (.*)$/m.exec(c)?.[1];
        const event = /^event: (.*)$/m.exec(c)?.[1] ?? 'message';
        return [event, id, JSON.parse(/^data: (.*)$/m.exec(c)![1]) as Record<string, unknown>];
      });
  }
}

const event = (n: number): StreamEvent => ({
  type: 'scheduling.appointment.held.v1',
  id: `evt-${n}`,
  occurredAt: '2026-12-02T10:00:00.000Z',
  aggregateId: `apt-${n}`,
});
const positions = (sched: number, wallet = 0) =>
  Object.fromEntries(
    STREAMED_STREAMS.map((s) => [s, 0]).concat([
      [SCHED, sched],
      [WALLET, wallet],
    ]),
  );

function connection(limits = { maxBufferedBytes: 100_000, slowClientMs: 60_000 }) {
  const res = new FakeResponse();
  const conn = new StreamConnection('c1', 'u1', undefined, res as unknown as ServerResponse, limits, positions(10));
  const reasons: string[] = [];
  conn.onClose((r) => reasons.push(r));
  return { res, conn, reasons };
}

describe('StreamConnection', () => {
  it('holds live events while resuming, then sends each once, after the replayed ones, with its position in the id', () => {
    const { res, conn } = connection();
    conn.offer(SCHED, 12, event(12), positions(12, 3)); // arrives live during the replay
    conn.replayed(SCHED, 11, event(11));
    conn.replayed(SCHED, 12, event(12)); // the replay also read it
    conn.caughtUp(SCHED, 12);
    conn.goLive();
    conn.offer(SCHED, 13, event(13), positions(13, 3));
    const sent = res.messages();
    expect(sent.map(([e, , d]) => [e, d.id])).toEqual([
      ['message', 'evt-11'],
      ['message', 'evt-12'],
      ['ready', undefined],
      ['message', 'evt-13'],
    ]);
    expect(sent.map(([, id]) => decodeCursor(id)?.positions[SCHED])).toEqual([11, 12, 12, 13]);
    expect(decodeCursor(sent[3][1])?.positions[WALLET]).toBe(3);
  });

  it('drops a client whose socket buffer would pass the bound, with a final dropped message', () => {
    const { res, conn, reasons } = connection({ maxBufferedBytes: 16_384, slowClientMs: 60_000 });
    conn.goLive();
    res.full = true;
    for (let n = 11; n < 1_000 && conn.isOpen; n++) conn.offer(SCHED, n, event(n), positions(n));
    expect(conn.isOpen).toBe(false);
    expect(reasons).toEqual(['SLOW_CLIENT']);
    expect(res.ended).toBe(true);
    expect(res.messages().at(-1)).toEqual(['dropped', undefined, { reason: 'SLOW_CLIENT' }]);
    expect(res.writableLength).toBeLessThanOrEqual(16_384);
  });

  it('drops a client whose buffer stays full past the slow-client bound; a drain clears it', () => {
    const drained = connection({ maxBufferedBytes: 100_000, slowClientMs: 0 });
    drained.conn.goLive();
    drained.res.full = true;
    drained.conn.offer(SCHED, 11, event(11), positions(11));
    drained.res.emit('drain');
    expect(drained.conn.heartbeat()).toBe(true);

    const { res, conn, reasons } = connection({ maxBufferedBytes: 100_000, slowClientMs: 0 });
    conn.goLive();
    res.full = true;
    conn.offer(SCHED, 11, event(11), positions(11));
    expect(conn.heartbeat()).toBe(false);
    expect(reasons).toEqual(['SLOW_CLIENT']);
    expect(res.messages().at(-1)?.[0]).toBe('dropped');
  });

  it('closes once with its reason; a client that went away is just forgotten', () => {
    const { res, conn, reasons } = connection();
    conn.close('TOKEN_REVOKED');
    conn.close('TOKEN_EXPIRED');
    res.emit('close');
    expect(reasons).toEqual(['TOKEN_REVOKED']);
    expect(res.messages()).toEqual([['closed', undefined, { reason: 'TOKEN_REVOKED' }]]);

    const gone = connection();
    gone.res.emit('close');
    expect(gone.reasons).toEqual(['CLIENT_GONE']);
  });
});
