import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { SchedulingConfig } from '../../config/scheduling.config';
import { SchedulingQueue, type HoldExpiryJob } from '../../queues';

export const holdJobId = (appointmentId: string) => `hold-${appointmentId}`;

/**
 * Unpaid holds end by a delayed job in Redis, so a restart of the service loses none; the job
 * id is derived from the appointment, so scheduling twice is harmless.
 */
@Injectable()
export class HoldExpiryQueue implements OnApplicationShutdown {
  readonly connection: IORedis;
  private readonly queue: Queue<HoldExpiryJob>;

  constructor(config: SchedulingConfig) {
    this.connection = new IORedis(config.REDIS_URL, { maxRetriesPerRequest: null });
    this.queue = new Queue<HoldExpiryJob>(SchedulingQueue.HOLD_EXPIRY, { connection: this.connection });
  }

  async schedule(appointmentId: string, at: Date): Promise<void> {
    await this.queue.add(
      'expire',
      { appointmentId },
      {
        jobId: holdJobId(appointmentId),
        delay: Math.max(0, at.getTime() - Date.now()),
        attempts: 5,
        backoff: { type: 'exponential', delay: 1_000 },
        removeOnComplete: true,
        removeOnFail: 1_000,
      },
    );
  }

  /** Schedules the expiry unless its job exists; one that used up its attempts runs again. */
  async ensure(appointmentId: string, at: Date): Promise<void> {
    const job = await this.queue.getJob(holdJobId(appointmentId));
    if (job && (await job.isFailed())) await job.retry();
    else if (!job) await this.schedule(appointmentId, at);
  }

  /** Withdraws the expiry (paid, cancelled). A job already running finds the state changed and stops. */
  async cancel(appointmentId: string): Promise<void> {
    const job = await this.queue.getJob(holdJobId(appointmentId));
    await job?.remove().catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
    await this.connection.quit().catch(() => undefined);
  }
}
