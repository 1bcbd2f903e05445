import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import type { Connection, FilterQuery, Model } from 'mongoose';
import { NatsClient } from '../nats/nats-client';
import { EVENTING_OPTIONS, type EventingOptions } from '../messaging.options';
import { isDuplicateKey } from '../errors/duplicate-key';
import { ensureStream } from './streams';
import type { OutboxEntry, OutboxFields } from './outbox';
import { CURSOR_MODEL, PUBLISHED_MODEL, type OutboxCursor, type PublishedMarker } from './outbox-progress.schema';

const BATCH = 200;
/** Writers stamp `outboxAt` before their write lands; look back this far for late commits. */
const SKEW_MS = 2_000;
/** How often, and how far back, the sweep looks for writes that landed later than SKEW. */
const SWEEP_EVERY_MS = 60_000;
const SWEEP_WINDOW_MS = 10 * 60_000;
/** Markers older than this are dropped: the cursor is long past them. */
const MARKER_RETENTION_MS = 7 * 86_400_000;

type OutboxDoc = { _id: unknown; outbox: OutboxEntry[]; outboxAt: Date };

/**
 * Publishes the events waiting in aggregate documents' embedded outboxes to JetStream, with
 * the event id as Nats-Msg-Id. An event counts as published only once JetStream acked it and
 * its marker is stored; a crash in between re-publishes, and JetStream (or the consumer's
 * inbox) drops the duplicate. Order is kept per aggregate. Every model whose schema has
 * `outbox` (see addOutbox) is drained: nothing to register.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private models: Model<OutboxFields>[] = [];
  private readonly cursors = new Map<string, number>();
  /** Recently published ids: spares a marker look-up for documents re-read inside the skew. */
  private readonly recent = new Map<string, number>();
  private running = false;
  private wake?: () => void;
  private loop?: Promise<void>;
  private lastPrune = 0;
  private lastSweep = Date.now();
  /** Events this instance has published (for tests and metrics). */
  published = 0;

  constructor(
    @InjectConnection() private readonly connection: Connection,
    @InjectModel(PUBLISHED_MODEL) private readonly markers: Model<PublishedMarker>,
    @InjectModel(CURSOR_MODEL) private readonly cursorStore: Model<OutboxCursor>,
    private readonly nats: NatsClient,
    @Inject(EVENTING_OPTIONS) private readonly options: EventingOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await ensureStream(this.nats.manager, this.options.service);
    this.models = Object.values(this.connection.models).filter((m) => m.schema.path('outbox')) as Model<OutboxFields>[];
    for (const c of await this.cursorStore.find({}).lean()) this.cursors.set(c._id, c.upTo.getTime());
    this.running = true;
    this.loop = this.run();
  }

  /**
   * Drain soon instead of at the next poll (called right after a write). Deferred with
   * setImmediate so code that runs synchronously after the write still comes first.
   */
  kick(): void {
    setImmediate(() => this.wake?.());
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        await this.drainOnce();
        await this.prune();
      } catch (err) {
        this.logger.warn(`outbox relay pass failed, retrying: ${(err as Error).message}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.options.outboxPollMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }

  /** One pass over every outbox-bearing collection from its cursor; returns how many it published. */
  async drainOnce(): Promise<number> {
    let count = 0;
    for (const model of this.models)
      count += await this.pass(model, this.cursors.get(model.collection.collectionName) ?? 0, true);
    return count;
  }

  /**
   * Re-reads the last SWEEP_WINDOW without moving cursors: catches a write that landed more
   * than SKEW after it was stamped (a slow database), which the cursor passes had left behind.
   */
  async sweep(): Promise<number> {
    let count = 0;
    for (const model of this.models) count += await this.pass(model, Date.now() - SWEEP_WINDOW_MS, false);
    return count;
  }

  /**
   * Reads documents stamped from `from` on, in pages by (outboxAt, _id) so any number stamped
   * in one millisecond are all read, and publishes their entries stamped from `from` on (older
   * entries of the same document were handled by earlier passes: never re-published, even once
   * their markers have expired). With `advance`, moves the cursor: to the last document read
   * after a full page, else to `now - SKEW` so writes stamped just before they landed are seen.
   */
  private async pass(model: Model<OutboxFields>, from: number, advance: boolean): Promise<number> {
    const name = model.collection.collectionName;
    let count = 0;
    let after: OutboxDoc | undefined;
    do {
      const filter: FilterQuery<OutboxFields> = after
        ? { $or: [{ outboxAt: { $gt: after.outboxAt } }, { outboxAt: after.outboxAt, _id: { $gt: after._id } }] }
        : { outboxAt: { $gte: new Date(from) } };
      const docs = await model
        .find(filter, { outbox: 1, outboxAt: 1 })
        .sort({ outboxAt: 1, _id: 1 })
        .limit(BATCH)
        .lean<OutboxDoc[]>();
      count += await this.publishEntries(docs.flatMap((d) => d.outbox.filter((e) => !e.at || e.at.getTime() >= from)));
      after = docs.length === BATCH ? docs[docs.length - 1] : undefined;
      if (!advance) continue;
      const current = this.cursors.get(name) ?? 0;
      // Never past the last document read: others stamped in its millisecond may follow.
      const next = Math.max(current, after ? after.outboxAt.getTime() : Date.now() - SKEW_MS);
      if (next !== current) {
        this.cursors.set(name, next);
        await this.cursorStore.updateOne({ _id: name }, { $set: { upTo: new Date(next) } }, { upsert: true });
      }
    } while (after);
    return count;
  }

  /** Publishes, in order, the entries not yet marked as published. */
  private async publishEntries(entries: OutboxEntry[]): Promise<number> {
    const unknown = entries.map((e) => e.id).filter((id) => !this.recent.has(id));
    const done = new Set(
      unknown.length ? (await this.markers.find({ _id: { $in: unknown } }, { _id: 1 }).lean()).map((m) => m._id) : [],
    );
    let published = 0;
    for (const entry of entries) {
      if (this.recent.has(entry.id) || done.has(entry.id)) continue;
      await this.nats.jetstream.publish(entry.subject, Buffer.from(entry.envelope), { msgID: entry.id });
      await this.markers.create({ _id: entry.id, publishedAt: new Date() }).catch((err: unknown) => {
        if (!isDuplicateKey(err)) throw err;
      });
      this.recent.set(entry.id, Date.now());
      published++;
      this.published++;
    }
    return published;
  }

  private async prune(): Promise<void> {
    const now = Date.now();
    if (now - this.lastSweep >= SWEEP_EVERY_MS) {
      this.lastSweep = now;
      const late = await this.sweep();
      if (late) this.logger.warn(`sweep published ${late} event(s) whose writes landed late`);
    }
    for (const [id, at] of this.recent) if (at < now - 4 * SKEW_MS) this.recent.delete(id);
    if (now - this.lastPrune < 3_600_000) return;
    this.lastPrune = now;
    await this.markers.deleteMany({ publishedAt: { $lt: new Date(now - MARKER_RETENTION_MS) } });
  }

  /** Stops before the connections close (onApplicationShutdown); what is left is published on the next start. */
  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }
}
