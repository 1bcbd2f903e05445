import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Queue, type JobsOptions } from 'bullmq';
import IORedis from 'ioredis';
import {
  NotificationChannel,
  toPage,
  type DeadLetterQuery,
  type DeadLetterView,
  type Page,
  type QueueStatsView,
} from '@telehealth/contracts';
import { NotificationsConfig } from '../../config/notifications.config';
import { NotificationQueue, QUEUE_OF, type ChannelJob, type DeadLetterJob, type QueuedChannel } from '../../queues';

/**
 * The channel queues and the dead-letter queue. A channel job's id is its delivery id, so
 * enqueueing a message twice (a redelivered event, a replay racing a retry) queues it once.
 */
@Injectable()
export class DeliveryQueues implements OnApplicationShutdown {
  readonly connection: IORedis;
  private readonly channels: Record<QueuedChannel, Queue<ChannelJob>>;
  private readonly deadLetters: Queue<DeadLetterJob>;

  constructor(private readonly config: NotificationsConfig) {
    this.connection = new IORedis(config.REDIS_URL, { maxRetriesPerRequest: null });
    const opts = { connection: this.connection, prefix: config.QUEUE_PREFIX };
    this.channels = {
      [NotificationChannel.EMAIL]: new Queue<ChannelJob>(NotificationQueue.EMAIL, opts),
      [NotificationChannel.SMS]: new Queue<ChannelJob>(NotificationQueue.SMS, opts),
      [NotificationChannel.PUSH]: new Queue<ChannelJob>(NotificationQueue.PUSH, opts),
    };
    this.deadLetters = new Queue<DeadLetterJob>(NotificationQueue.DEAD_LETTER, opts);
  }

  /** Retries with exponential backoff; the job leaves Redis once done (the delivery log keeps the record). */
  private jobOptions(job: ChannelJob, notBefore?: Date | null): JobsOptions {
    return {
      jobId: job.deliveryId,
      delay: notBefore ? Math.max(0, notBefore.getTime() - Date.now()) : 0,
      attempts: this.config.DELIVERY_ATTEMPTS,
      backoff: { type: 'exponential', delay: this.config.DELIVERY_BACKOFF_MS },
      removeOnComplete: true,
      removeOnFail: true,
    };
  }

  async enqueue(job: ChannelJob, notBefore?: Date | null): Promise<void> {
    await this.channels[job.channel].add(job.channel, job, this.jobOptions(job, notBefore));
  }

  /** Keeps a message whose every attempt failed, for an operator (no worker reads this queue). */
  async deadLetter(entry: DeadLetterJob): Promise<void> {
    await this.deadLetters.add(entry.job.channel, entry, {
      jobId: entry.job.deliveryId,
      removeOnComplete: true,
      removeOnFail: true,
    });
  }

  async listDeadLetters(q: DeadLetterQuery): Promise<Page<DeadLetterView>> {
    // Newest first; a channel filter reads the whole (operator-sized) list.
    const all = q.channel
      ? (await this.deadLetters.getJobs(['waiting'], 0, -1, false)).filter((j) => j.data.job.channel === q.channel)
      : await this.deadLetters.getJobs(['waiting'], (q.page - 1) * q.limit, q.page * q.limit - 1, false);
    const total = q.channel ? all.length : await this.deadLetters.getWaitingCount();
    const items = q.channel ? all.slice((q.page - 1) * q.limit, q.page * q.limit) : all;
    return toPage(
      items.map((j) => ({
        id: j.data.job.deliveryId,
        channel: j.data.job.channel,
        userId: j.data.job.userId,
        kind: j.data.job.kind,
        failedReason: j.data.failedReason,
        attempts: j.data.attempts,
        failedAt: j.data.failedAt,
      })),
      total,
      q,
    );
  }

  /**
   * Puts a dead letter back on its channel queue with fresh attempts. Returns the job, or
   * null when there is no such dead letter (replayed already, or never dead).
   */
  async takeDeadLetter(id: string): Promise<ChannelJob | null> {
    const dead = await this.deadLetters.getJob(id);
    if (!dead) return null;
    const job = dead.data.job;
    const queue = this.channels[job.channel];
    // The failed original may still be in its queue for a moment: it would swallow the re-add.
    const original = await queue.getJob(job.deliveryId);
    if (original && (await original.isFailed())) await original.remove();
    await queue.add(job.channel, job, this.jobOptions(job));
    await dead.remove();
    return job;
  }

  async stats(): Promise<QueueStatsView[]> {
    const rates: Record<QueuedChannel, number> = {
      [NotificationChannel.EMAIL]: this.config.EMAIL_RATE_PER_SECOND,
      [NotificationChannel.SMS]: this.config.SMS_RATE_PER_SECOND,
      [NotificationChannel.PUSH]: this.config.PUSH_RATE_PER_SECOND,
    };
    const queues: [Queue, number | null][] = [
      ...(Object.keys(this.channels) as QueuedChannel[]).map((c): [Queue, number] => [this.channels[c], rates[c]]),
      [this.deadLetters, null],
    ];
    return Promise.all(
      queues.map(async ([queue, rate]) => {
        const c = await queue.getJobCounts('waiting', 'delayed', 'active', 'failed', 'prioritized');
        return {
          queue: queue.name,
          waiting: (c.waiting ?? 0) + (c.prioritized ?? 0),
          delayed: c.delayed ?? 0,
          active: c.active ?? 0,
          failed: c.failed ?? 0,
          ratePerSecond: rate,
        };
      }),
    );
  }

  queueOf(channel: QueuedChannel): string {
    return QUEUE_OF[channel];
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...Object.values(this.channels), this.deadLetters].map((q) => q.close()));
    await this.connection.quit().catch(() => undefined);
  }
}
