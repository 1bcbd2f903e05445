import { Injectable } from '@nestjs/common';
import {
  NotificationChannel,
  toPage,
  type DeadLetterQuery,
  type DeadLetterView,
  type Page,
  type QueueStatsView,
} from '@telehealth/contracts';
import { InjectQueue, type JobQueue } from '@telehealth/jobs';
import { NotificationsConfig } from '../../config/notifications.config';
import { NotificationQueues, ratesOf, type ChannelJob, type DeadLetterJob, type QueuedChannel } from '../../queues';

/**
 * The channel queues and the dead-letter queue. A channel job's id is its delivery id, so
 * enqueueing a message twice (a redelivered event, a replay racing a retry) queues it once.
 */
@Injectable()
export class DeliveryQueues {
  private readonly channels: Record<QueuedChannel, JobQueue<ChannelJob>>;

  constructor(
    private readonly config: NotificationsConfig,
    @InjectQueue(NotificationQueues.email) email: JobQueue<ChannelJob>,
    @InjectQueue(NotificationQueues.sms) sms: JobQueue<ChannelJob>,
    @InjectQueue(NotificationQueues.push) push: JobQueue<ChannelJob>,
    @InjectQueue(NotificationQueues.deadLetter) private readonly deadLetters: JobQueue<DeadLetterJob>,
  ) {
    this.channels = {
      [NotificationChannel.EMAIL]: email,
      [NotificationChannel.SMS]: sms,
      [NotificationChannel.PUSH]: push,
    };
  }

  /** Retries with exponential backoff; the job leaves Redis once done (the delivery log keeps the record). */
  async enqueue(job: ChannelJob, notBefore?: Date | null): Promise<void> {
    await this.channels[job.channel].add(job.deliveryId, job, { at: notBefore });
  }

  /** Keeps a message whose every attempt failed, for an operator (no worker reads this queue). */
  async deadLetter(entry: DeadLetterJob): Promise<void> {
    await this.deadLetters.add(entry.job.deliveryId, entry);
  }

  async listDeadLetters(q: DeadLetterQuery): Promise<Page<DeadLetterView>> {
    // Newest first; a channel filter reads the whole (operator-sized) list.
    const all = q.channel
      ? (await this.deadLetters.list(['waiting'])).filter((j) => j.data.job.channel === q.channel)
      : await this.deadLetters.list(['waiting'], (q.page - 1) * q.limit, q.page * q.limit - 1);
    const total = q.channel ? all.length : ((await this.deadLetters.counts('waiting')).waiting ?? 0);
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
    const dead = await this.deadLetters.get(id);
    if (!dead) return null;
    const job = dead.data.job;
    const queue = this.channels[job.channel];
    // The failed original may still be in its queue for a moment: it would swallow the re-add.
    const original = await queue.get(job.deliveryId);
    if (original && (await original.isFailed())) await original.remove();
    await queue.add(job.deliveryId, job);
    await dead.remove();
    return job;
  }

  async stats(): Promise<QueueStatsView[]> {
    const rates = ratesOf(this.config);
    type Counted = Pick<JobQueue<unknown>, 'name' | 'counts'>;
    const queues: [Counted, number | null][] = [
      ...(Object.keys(this.channels) as QueuedChannel[]).map((c): [Counted, number] => [this.channels[c], rates[c]]),
      [this.deadLetters, null],
    ];
    return Promise.all(
      queues.map(async ([queue, rate]) => {
        const c = await queue.counts('waiting', 'delayed', 'active', 'failed', 'prioritized');
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
}
