import { randomUUID } from 'node:crypto';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { AckPolicy, DeliverPolicy, nanos, type ConsumerMessages, type JsMsg } from 'nats';
import {
  toPage,
  type EventContract,
  type EventEnvelope,
  type Page,
  type PageQuery,
  type ParkedEventView,
  type ReplayResult,
} from '@telehealth/contracts';
import { DomainError } from '../errors/domain-error';
import { isDuplicateKey } from '../errors/duplicate-key';
import { EVENTING_OPTIONS, type EventingOptions } from '../messaging.options';
import { NatsClient } from '../nats/nats-client';
import { findPage } from '../persistence/find-page';
import { INBOX_MODEL, PARKED_MODEL, type InboxEntry, type ParkedEvent } from './inbox.schema';
import { Lanes } from './lanes';
import { ON_EVENT, type OnEventMetadata } from './on-event.decorator';
import { ensureStream } from './streams';

type Handler = (event: EventEnvelope) => Promise<unknown>;
type Outcome = { kind: 'applied' } | { kind: 'duplicate' } | { kind: 'busy' } | { kind: 'failed'; error: string };

/**
 * How long one attempt may hold an event without a sign of life before another delivery may take
 * it over (JetStream's ack wait and the inbox lease alike). Short, so an event in the hands of a
 * process that died is taken over within seconds; a slow handler renews it every third of it.
 */
const DEFAULT_LEASE_MS = 10_000;
/** Renewed for at most this long: a handler still running then is presumed stuck. */
const MAX_HOLD_MS = 5 * 60_000;

/**
 * Runs every `@OnEvent` handler of the app behind a durable JetStream consumer (one per
 * service and event type, shared by the service's replicas). Applies each event id once per
 * consumer (the inbox), retries failures with exponential backoff, and parks an event after
 * `maxDeliver` failed attempts where an operator can list and replay it.
 */
@Injectable()
export class EventConsumerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(EventConsumerHost.name);
  private readonly handlers = new Map<string, { contract: EventContract<unknown>; fn: Handler }>();
  private readonly subscriptions: ConsumerMessages[] = [];
  /** One per consumer: ends when its subscription stops and the message in hand is settled. */
  private readonly loops: Promise<void>[] = [];
  private stopping = false;
  private readonly leaseMs: number;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly nats: NatsClient,
    @InjectModel(INBOX_MODEL) private readonly inbox: Model<InboxEntry>,
    @InjectModel(PARKED_MODEL) private readonly parked: Model<ParkedEvent>,
    @Inject(EVENTING_OPTIONS) private readonly options: EventingOptions,
  ) {
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      for (const method of this.scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
        const fn = instance[method] as Handler;
        const meta = this.reflector.get<OnEventMetadata | undefined>(ON_EVENT, fn);
        if (!meta) continue;
        const name = this.consumerName(meta.contract);
        if (this.handlers.has(name))
          throw new Error(`Two handlers for ${meta.contract.type} in ${this.options.service}`);
        this.handlers.set(name, { contract: meta.contract, fn: fn.bind(instance) });
      }
    }
    for (const [name, { contract }] of this.handlers) await this.subscribe(name, contract);
  }

  consumerName(contract: EventContract<unknown>): string {
    return `${this.options.consumerGroup ?? this.options.service}--${contract.type.replace(/\./g, '_')}`;
  }

  private async subscribe(name: string, contract: EventContract<unknown>): Promise<void> {
    const jsm = this.nats.manager;
    const stream = await ensureStream(jsm, contract.producer);
    const info = await jsm.consumers.info(stream, name).catch(() => null);
    if (!info) {
      await jsm.consumers.add(stream, {
        durable_name: name,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        filter_subject: contract.subject,
        ack_wait: nanos(this.leaseMs),
        // Safety net only: we park (and terminate) after options.maxDeliver ourselves.
        max_deliver: this.options.maxDeliver + 1,
      });
    } else if (info.config.ack_wait !== nanos(this.leaseMs)) {
      // A consumer created by an earlier release (a longer lease): bring it in line.
      await jsm.consumers.update(stream, name, { ack_wait: nanos(this.leaseMs) });
    }
    const consumer = await this.nats.jetstream.consumers.get(stream, name);
    const messages = await consumer.consume({ max_messages: 32 });
    this.subscriptions.push(messages);
    const lanes = new Lanes(this.options.concurrency);
    const loop = (async () => {
      for await (const m of messages) {
        // Shutting down: hand back what was buffered, at once, to another replica or the next start.
        if (this.stopping) {
          m.nak();
          continue;
        }
        const envelope = parseEnvelope(m);
        if (!envelope) {
          this.logger.error(`${name}: dropping a message that is not an event envelope (seq ${m.seq})`);
          m.term();
          continue;
        }
        // Side by side across aggregates, in arrival order within one.
        await lanes.submit(envelope.aggregateId, () =>
          // A failure here (the database, while parking) must not stop the consumer: retry the message.
          this.onMessage(name, m, envelope).catch((err: Error) => {
            this.logger.error(`${name}: could not process seq ${m.seq}, will retry: ${err.message}`);
            m.nak(this.options.retryBaseMs);
          }),
        );
      }
      await lanes.drain();
    })().catch((err: Error) => this.logger.error(`consumer ${name} stopped: ${err.message}`));
    this.loops.push(loop);
    this.logger.log(`consuming ${contract.subject} as ${name}`);
  }

  private async onMessage(consumer: string, m: JsMsg, envelope: EventEnvelope): Promise<void> {
    const outcome = await this.apply(consumer, envelope, m).catch((err: Error): Outcome => ({
      kind: 'failed',
      error: err.message,
    }));
    if (outcome.kind === 'applied' || outcome.kind === 'duplicate') return m.ack();
    if (outcome.kind === 'busy') return m.nak(this.leaseMs / 4);
    const attempts = m.info.redeliveryCount;
    if (attempts >= this.options.maxDeliver) {
      await this.park(consumer, envelope, attempts, outcome.error);
      this.logger.error(`${consumer}: parked event ${envelope.id} after ${attempts} attempts: ${outcome.error}`);
      return m.term();
    }
    m.nak(this.options.retryBaseMs * 2 ** (attempts - 1));
  }

  /**
   * Claims the event in the inbox, runs the handler, records the outcome. While the handler runs,
   * the claim (and the delivery, when there is one) is renewed, so only a stopped process loses it.
   */
  async apply(consumer: string, envelope: EventEnvelope, delivery?: JsMsg): Promise<Outcome> {
    const handler = this.handlers.get(consumer);
    if (!handler) throw new Error(`No handler for consumer ${consumer}`);
    const key = `${consumer}:${envelope.id}`;
    const claim = await this.claim(key, consumer, envelope);
    if (claim !== 'claimed') return { kind: claim };
    const heldUntil = Date.now() + MAX_HOLD_MS;
    const renewal = setInterval(() => {
      // A handler stuck past any reasonable time stops renewing: another delivery takes the event over.
      if (Date.now() > heldUntil) {
        this.logger.error(`${consumer}: event ${envelope.id} held for ${MAX_HOLD_MS / 60_000} min: lease released`);
        return clearInterval(renewal);
      }
      delivery?.working();
      this.inbox
        .updateOne({ _id: key, status: 'processing' }, { $set: { leaseUntil: new Date(Date.now() + this.leaseMs) } })
        .catch((err: Error) =>
          this.logger.warn(`${consumer}: could not renew the lease of ${envelope.id}: ${err.message}`),
        );
    }, this.leaseMs / 3);
    try {
      await handler.fn(envelope);
    } catch (err) {
      const error = err instanceof DomainError ? `${err.code}: ${err.message}` : (err as Error).message;
      await this.inbox.updateOne({ _id: key }, { $set: { leaseUntil: new Date(0), lastError: error } });
      this.logger.warn(`${consumer}: event ${envelope.id} failed: ${error}`);
      return { kind: 'failed', error };
    } finally {
      clearInterval(renewal);
    }
    await this.inbox.updateOne({ _id: key }, { $set: { status: 'done', doneAt: new Date() } });
    return { kind: 'applied' };
  }

  private async claim(key: string, consumer: string, e: EventEnvelope): Promise<'claimed' | 'duplicate' | 'busy'> {
    const now = new Date();
    const leaseUntil = new Date(now.getTime() + this.leaseMs);
    try {
      await this.inbox.create({
        _id: key,
        consumer,
        eventId: e.id,
        eventType: e.type,
        status: 'processing',
        leaseUntil,
        attempts: 1,
      });
      return 'claimed';
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
    const retaken = await this.inbox.findOneAndUpdate(
      { _id: key, status: 'processing', leaseUntil: { $lt: now } },
      { $set: { leaseUntil }, $inc: { attempts: 1 } },
    );
    if (retaken) return 'claimed';
    const existing = await this.inbox.findById(key).lean();
    return existing?.status === 'done' ? 'duplicate' : 'busy';
  }

  private async park(consumer: string, e: EventEnvelope, attempts: number, lastError: string): Promise<void> {
    await this.parked.updateOne(
      { consumer, eventId: e.id },
      {
        $setOnInsert: { _id: randomUUID(), consumer, eventId: e.id, eventType: e.type, envelope: JSON.stringify(e) },
        $set: { attempts, lastError, parkedAt: new Date(), replayedAt: null },
      },
      { upsert: true },
    );
  }

  async listParked(q: PageQuery): Promise<Page<ParkedEventView>> {
    // _id breaks ties: events parked in the same millisecond keep one order across pages.
    const { items, total } = await findPage(this.parked, {}, { parkedAt: -1, _id: 1 }, q);
    return toPage(items.map(toParkedView), total, q);
  }

  /** Applies a parked event again through the same inbox, so replaying twice applies once. */
  async replayParked(id: string): Promise<ReplayResult> {
    const doc = await this.parked.findById(id).lean();
    if (!doc) throw DomainError.notFound('Parked event');
    const outcome = await this.apply(doc.consumer, JSON.parse(doc.envelope) as EventEnvelope);
    switch (outcome.kind) {
      case 'failed':
        await this.parked.updateOne({ _id: id }, { $set: { lastError: outcome.error }, $inc: { attempts: 1 } });
        return { id, applied: false, outcome: 'FAILED', error: outcome.error };
      case 'busy':
        return { id, applied: false, outcome: 'BUSY', error: 'Another attempt holds this event; retry shortly' };
      case 'duplicate':
        return { id, applied: false, outcome: 'ALREADY_APPLIED' };
      case 'applied':
        await this.parked.updateOne({ _id: id }, { $set: { replayedAt: new Date() } });
        return { id, applied: true, outcome: 'APPLIED' };
    }
  }

  /**
   * Stops taking events and waits for the ones in hand, before any connection closes (that is
   * the onApplicationShutdown phase): a handler cut off half-way would fail and run again.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    for (const s of this.subscriptions) s.stop();
    await Promise.all(this.loops);
  }
}

function parseEnvelope(m: JsMsg): EventEnvelope | null {
  try {
    const e = JSON.parse(m.string()) as EventEnvelope;
    return e && typeof e === 'object' && typeof e.id === 'string' ? e : null;
  } catch {
    return null;
  }
}

function toParkedView(d: ParkedEvent): ParkedEventView {
  return {
    id: d._id,
    consumer: d.consumer,
    eventId: d.eventId,
    eventType: d.eventType,
    attempts: d.attempts,
    lastError: d.lastError,
    parkedAt: d.parkedAt.toISOString(),
    replayedAt: d.replayedAt?.toISOString(),
    envelope: JSON.parse(d.envelope) as EventEnvelope,
  };
}
