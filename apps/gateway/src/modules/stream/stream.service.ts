import { randomUUID } from 'node:crypto';
import { HttpException, HttpStatus, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Role } from '@telehealth/contracts';
import type { AuthenticatedCaller } from '../../common/auth/jwt.strategy';
import { TokenDenylist } from '../../common/auth/token-denylist';
import { GatewayConfig } from '../../config/gateway.config';
import { StreamConnectionLimit } from './connection-limit';
import { EventHub } from './event-hub';
import { StreamConnection } from './stream-connection';
import { STREAMED_STREAMS, decodeCursor, type Positions } from './stream-cursor';

/** How long a resuming client's catch-up from JetStream may take before it is told to resync. */
const REPLAY_TIMEOUT_MS = 10_000;

export type ResyncReason = 'UNREADABLE_ID' | 'OUTSIDE_WINDOW' | 'EVENTS_EXPIRED' | 'REPLAY_FAILED';

/**
 * Opens and keeps each client's event stream: the per-user limit, the catch-up after a
 * reconnection, heartbeats (on which the revoked-token list is checked), and the end of the
 * stream when the access token expires.
 */
@Injectable()
export class StreamService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(StreamService.name);
  private readonly open = new Set<StreamConnection>();

  constructor(
    private readonly hub: EventHub,
    private readonly limit: StreamConnectionLimit,
    private readonly denylist: TokenDenylist,
    private readonly config: GatewayConfig,
  ) {}

  private get leaseMs(): number {
    return this.config.STREAM_HEARTBEAT_SECONDS * 3_000;
  }

  async connect(caller: AuthenticatedCaller, lastEventId: string | undefined, reply: FastifyReply): Promise<void> {
    if (!this.hub.isReady())
      throw new HttpException(
        {
          message: 'The event stream is starting; retry shortly',
          reason: 'UPSTREAM_UNAVAILABLE',
          retryAfterSeconds: 2,
        },
        HttpStatus.SERVICE_UNAVAILABLE,
      );
    const connectionId = randomUUID();
    const max = this.config.STREAM_MAX_CONNECTIONS_PER_USER;
    if (!(await this.limit.acquire(caller.userId, connectionId, max, this.leaseMs)))
      throw new HttpException(
        {
          message: `At most ${max} open event streams per user; close one first`,
          reason: 'RATE_LIMITED',
          retryAfterSeconds: this.config.STREAM_HEARTBEAT_SECONDS,
        },
        HttpStatus.TOO_MANY_REQUESTS,
      );

    // From here the response is ours, written to the socket as events come (Fastify lets go of it).
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      ...(reply.getHeaders() as Record<string, string>),
      'x-request-id': String(reply.request.id),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write(`retry: 3000\n\n`);

    const resume = lastEventId !== undefined ? decodeCursor(lastEventId) : undefined;
    const conn = new StreamConnection(
      connectionId,
      caller.userId,
      caller.doctorProfileId,
      res,
      {
        maxBufferedBytes: this.config.STREAM_MAX_BUFFERED_BYTES,
        slowClientMs: this.config.STREAM_SLOW_CLIENT_SECONDS * 1_000,
      },
      {},
      caller.roles.includes(Role.PROVIDER_STAFF) ? caller.organisationIds : [],
    );
    this.open.add(conn);
    const heartbeat = setInterval(() => void this.beat(conn, caller), this.config.STREAM_HEARTBEAT_SECONDS * 1_000);
    const expiry =
      caller.exp !== undefined
        ? setTimeout(() => conn.close('TOKEN_EXPIRED'), Math.max(0, caller.exp * 1_000 - Date.now()))
        : undefined;
    conn.onClose(() => {
      clearInterval(heartbeat);
      if (expiry) clearTimeout(expiry);
      this.hub.detach(conn);
      this.open.delete(conn);
      void this.limit.release(caller.userId, connectionId).catch(() => undefined);
    });

    const start = this.hub.attach(conn);
    if (resume === undefined) {
      for (const s of STREAMED_STREAMS) conn.caughtUp(s, start[s]);
    } else {
      const why = await this.catchUp(conn, resume, start);
      if (why) {
        for (const s of STREAMED_STREAMS) conn.caughtUp(s, start[s]);
        conn.control('resync', { reason: why });
      }
    }
    conn.goLive();
  }

  /** Replays what the client missed since its cursor; the reason it cannot, if so. */
  private async catchUp(
    conn: StreamConnection,
    from: ReturnType<typeof decodeCursor>,
    upTo: Positions,
  ): Promise<ResyncReason | undefined> {
    if (!from) return 'UNREADABLE_ID';
    const age = Date.now() - from.issuedAt;
    if (age > this.config.STREAM_RESUME_WINDOW_SECONDS * 1_000 || age < -60_000) return 'OUTSIDE_WINDOW';
    let cancelled = false;
    try {
      for (const s of STREAMED_STREAMS) {
        const { first, last } = await this.hub.bounds(s);
        const after = from.positions[s];
        if (after === undefined) return 'UNREADABLE_ID'; // an id from before this stream was streamed
        if (after > last) return 'UNREADABLE_ID'; // not a position of this JetStream
        if (after + 1 < first) return 'EVENTS_EXPIRED';
      }
      for (const s of STREAMED_STREAMS) conn.caughtUp(s, from.positions[s]);
      for (const s of STREAMED_STREAMS) {
        await withTimeout(
          this.hub.replay(s, from.positions[s], upTo[s], conn, (seq, message) => {
            if (!cancelled) conn.replayed(s, seq, message);
          }),
          REPLAY_TIMEOUT_MS,
        );
        conn.caughtUp(s, upTo[s]);
        if (!conn.isOpen) return undefined;
      }
      return undefined;
    } catch (err) {
      cancelled = true;
      this.logger.warn(`resume of ${conn.id} failed: ${(err as Error).message}`);
      return 'REPLAY_FAILED';
    }
  }

  private async beat(conn: StreamConnection, caller: AuthenticatedCaller): Promise<void> {
    if (!conn.heartbeat()) return;
    try {
      if (caller.jti && (await this.denylist.isRevoked(caller.jti))) return conn.close('TOKEN_REVOKED');
      await this.limit.renew(caller.userId, conn.id, this.leaseMs);
    } catch (err) {
      this.logger.warn(`stream heartbeat of ${conn.id}: ${(err as Error).message}`);
    }
  }

  get connections(): number {
    return this.open.size;
  }

  /** Before the HTTP server closes: it would otherwise wait for every open stream to end. */
  beforeApplicationShutdown(): void {
    for (const conn of [...this.open]) conn.close('SERVER_SHUTDOWN');
  }
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
