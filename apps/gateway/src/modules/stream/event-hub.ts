import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DeliverPolicy, type ConsumerMessages, type JsMsg } from 'nats';
import type { EventEnvelope } from '@telehealth/contracts';
import { NatsClient } from '@telehealth/messaging';
import { STREAMED_STREAMS, type Positions } from './stream-cursor';
import { routeEvent, type Audience, type StreamEvent } from './stream-routing';

/** A client connection as the hub sees it: whom it belongs to, and where to hand its events. */
export interface Subscriber {
  readonly userId: string;
  readonly doctorId?: string;
  /** The organisations whose events it receives: set for PROVIDER_STAFF callers only. */
  readonly organisationIds?: readonly string[];
  /** One event that concerns it, the stream position it came from, and every stream's position then. */
  offer(stream: string, seq: number, message: StreamEvent, positions: Positions): void;
}

export const concerns = (s: Subscriber, audience: Audience): boolean =>
  audience.userIds.includes(s.userId) ||
  (!!s.doctorId && audience.doctorIds.includes(s.doctorId)) ||
  !!s.organisationIds?.some((o) => audience.organisationIds?.includes(o));

const RETRY_MS = 1_000;

/**
 * The replica's one reader of the event streams: an ordered (ephemeral) JetStream consumer per
 * stream, started at the stream's end, fanned out in memory to the connections each event
 * concerns. Also reads a stream's recent past for a client that resumes (Last-Event-ID).
 */
@Injectable()
export class EventHub implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EventHub.name);
  private readonly positions: Positions = {};
  private readonly byUser = new Map<string, Set<Subscriber>>();
  private readonly byDoctor = new Map<string, Set<Subscriber>>();
  private readonly byOrganisation = new Map<string, Set<Subscriber>>();
  private readonly subscriptions: ConsumerMessages[] = [];
  private stopping = false;

  constructor(private readonly nats: NatsClient) {}

  onApplicationBootstrap(): void {
    for (const stream of STREAMED_STREAMS) void this.follow(stream);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.subscriptions.map((s) => s.close().catch(() => undefined)));
  }

  /** Whether every stream is being read (until then, positions are unknown and clients wait). */
  isReady(): boolean {
    return STREAMED_STREAMS.every((s) => this.positions[s] !== undefined);
  }

  /** Where the hub is in each stream: every event up to these sequences has been fanned out. */
  snapshot(): Positions {
    return { ...this.positions };
  }

  get connections(): number {
    let n = 0;
    for (const set of this.byUser.values()) n += set.size;
    return n;
  }

  /**
   * Registers a connection and returns the positions it starts from: every later event that
   * concerns it is offered to it (synchronously with the snapshot, so none falls in between).
   */
  attach(s: Subscriber): Positions {
    add(this.byUser, s.userId, s);
    if (s.doctorId) add(this.byDoctor, s.doctorId, s);
    for (const o of s.organisationIds ?? []) add(this.byOrganisation, o, s);
    return this.snapshot();
  }

  detach(s: Subscriber): void {
    remove(this.byUser, s.userId, s);
    if (s.doctorId) remove(this.byDoctor, s.doctorId, s);
    for (const o of s.organisationIds ?? []) remove(this.byOrganisation, o, s);
  }

  /** The first and last sequence a stream still holds. */
  async bounds(stream: string): Promise<{ first: number; last: number }> {
    const info = await this.nats.manager.streams.info(stream);
    return { first: info.state.first_seq, last: info.state.last_seq };
  }

  /**
   * Reads a stream's events with sequences in (after, upTo], in order, handing each that
   * concerns `s` to `deliver`. Bounded: the caller checked the resume window.
   */
  async replay(
    stream: string,
    after: number,
    upTo: number,
    s: Subscriber,
    deliver: (seq: number, message: StreamEvent) => void,
  ): Promise<void> {
    if (upTo <= after) return;
    const consumer = await this.nats.jetstream.consumers.get(stream, {
      deliver_policy: DeliverPolicy.StartSequence,
      opt_start_seq: after + 1,
    });
    const messages = await consumer.consume({ max_messages: 256 });
    try {
      for await (const m of messages) {
        if (m.seq > upTo) break;
        const routed = this.route(m);
        if (routed && concerns(s, routed.audience)) deliver(m.seq, routed.message);
        if (m.seq >= upTo || m.info.pending === 0) break;
      }
    } finally {
      await messages.close().catch(() => undefined);
    }
  }

  private async follow(stream: string): Promise<void> {
    while (!this.stopping) {
      try {
        const { last } = await this.bounds(stream);
        const consumer = await this.nats.jetstream.consumers.get(stream, {
          deliver_policy: DeliverPolicy.StartSequence,
          opt_start_seq: last + 1,
        });
        const messages = await consumer.consume();
        this.subscriptions.push(messages);
        this.positions[stream] = last;
        this.logger.log(`relaying ${stream} to client streams from sequence ${last + 1}`);
        for await (const m of messages) this.fanOut(stream, m);
        if (this.stopping) return;
      } catch (err) {
        if (this.stopping) return;
        this.logger.warn(`cannot read ${stream} yet (${(err as Error).message}); retrying`);
      }
      delete this.positions[stream];
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }

  private fanOut(stream: string, m: JsMsg): void {
    this.positions[stream] = m.seq;
    const routed = this.route(m);
    if (!routed) return;
    const targets = new Set<Subscriber>();
    for (const id of routed.audience.userIds) for (const s of this.byUser.get(id) ?? []) targets.add(s);
    for (const id of routed.audience.doctorIds) for (const s of this.byDoctor.get(id) ?? []) targets.add(s);
    for (const id of routed.audience.organisationIds ?? [])
      for (const s of this.byOrganisation.get(id) ?? []) targets.add(s);
    if (!targets.size) return;
    const positions = this.snapshot();
    for (const s of targets) s.offer(stream, m.seq, routed.message, positions);
  }

  private route(m: JsMsg) {
    try {
      return routeEvent(m.json<EventEnvelope>());
    } catch (err) {
      this.logger.warn(`unreadable event at ${m.info.stream} #${m.seq}: ${(err as Error).message}`);
      return null;
    }
  }
}

function add<K>(map: Map<K, Set<Subscriber>>, key: K, s: Subscriber): void {
  const set = map.get(key) ?? new Set<Subscriber>();
  set.add(s);
  map.set(key, set);
}

function remove<K>(map: Map<K, Set<Subscriber>>, key: K, s: Subscriber): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(s);
  if (!set.size) map.delete(key);
}
