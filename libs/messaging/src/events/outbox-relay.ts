import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection, Model } from 'mongoose';
import { NatsClient } from '../nats/nats-client';
import { EVENTING_OPTIONS, type EventingOptions } from '../messaging.options';
import { ensureStream } from './streams';
import type { OutboxFields } from './outbox';

const BATCH = 100;

/**
 * Publishes the events waiting in aggregate documents' embedded outboxes to JetStream.
 * An entry is removed only after JetStream acked it, with the event id as Nats-Msg-Id, so a
 * crash between publish and removal re-publishes and JetStream drops the duplicate. Removal
 * is `$pop` guarded by the entry id, so several relay instances never skip or reorder.
 * Every model whose schema has `outbox` (see addOutbox) is drained: nothing to register.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private models: Model<OutboxFields>[] = [];
  private running = false;
  private wake?: () => void;
  private loop?: Promise<void>;
  /** Events this instance has published (for tests and metrics). */
  published = 0;

  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly nats: NatsClient,
    @Inject(EVENTING_OPTIONS) private readonly options: EventingOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await ensureStream(this.nats.manager, this.options.service);
    this.models = Object.values(this.connection.models).filter((m) => m.schema.path('outbox')) as Model<OutboxFields>[];
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
        const moved = await this.drainOnce();
        if (moved > 0) continue;
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

  /** One pass over every outbox-bearing collection; returns how many events it published. */
  async drainOnce(): Promise<number> {
    let count = 0;
    for (const model of this.models) {
      const docs = await model
        .find({ outboxAt: { $gt: new Date(0) } }, { outbox: 1 })
        .sort({ outboxAt: 1 })
        .limit(BATCH)
        .lean();
      for (const doc of docs) count += await this.drainDocument(model, doc as unknown as { _id: unknown } & OutboxFields);
    }
    return count;
  }

  private async drainDocument(model: Model<OutboxFields>, doc: { _id: unknown } & OutboxFields): Promise<number> {
    let count = 0;
    for (const entry of doc.outbox ?? []) {
      await this.nats.jetstream.publish(entry.subject, Buffer.from(entry.envelope), { msgID: entry.id });
      const res = await model.updateOne({ _id: doc._id, 'outbox.0.id': entry.id }, { $pop: { outbox: -1 } }, { timestamps: false });
      if (res.modifiedCount === 0) return count; // another relay got here first
      count++;
      this.published++;
    }
    // Clear the work-list mark only if no writer appended meanwhile.
    await model.updateOne({ _id: doc._id, outbox: { $size: 0 } }, { $set: { outboxAt: null } }, { timestamps: false });
    return count;
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }
}
