import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { SchedulingConfig } from '../../config/scheduling.config';
import { SchedulingQueue, type ConfirmationDeadlineJob } from '../../queues';

export const confirmationJobId = (appointmentId: string) => `confirm-by-${appointmentId}`;

/**
 * Booking requests left unanswered end by a delayed job in Redis, as holds do: a restart loses
 * none, and the job id is derived from the appointment, so scheduling twice is harmless.
 */
@Injectable()
export class ConfirmationDeadlineQueue implements OnApplicationShutdown {
  readonly connection: IORedis;
  private readonly queue: Queue<ConfirmationDeadlineJob>;

  constructor(config: SchedulingConfig) {
    this.connection = new IORedis(config.REDIS_URL, { maxRetriesPerRequest: null });
    this.queue = new Queue<ConfirmationDeadlineJob>(SchedulingQueue.CONFIRMATION_DEADLINE, {
      connection: this.connection,
    });
  }

  async schedule(appointmentId: string, at: Date): Promise<void> {
    await this.queue.add(
      'decline-unanswered',
      { appointmentId },
      {
        jobId: confirmationJobId(appointmentId),
        delay: Math.max(0, at.getTime() - Date.now()),
        attempts: 5,
        backoff: { type: 'exponential', delay: 1_000 },
        removeOnComplete: true,
        removeOnFail: 1_000,
      },
    );
  }

  /** Like schedule, and a job whose every attempt failed (kept under its id) runs again. */
  async ensure(appointmentId: string, at: Date): Promise<void> {
    const job = await this.queue.getJob(confirmationJobId(appointmentId));
    if (job && (await job.isFailed())) await job.retry();
    else if (!job) await this.schedule(appointmentId, at);
  }

  /** Withdraws the deadline (answered, cancelled). A job already running finds the state changed and stops. */
  async cancel(appointmentId: string): Promise<void> {
    const job = await this.queue.getJob(confirmationJobId(appointmentId));
    await job?.remove().catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
    await this.connection.quit().catch(() => undefined);
  }
}
