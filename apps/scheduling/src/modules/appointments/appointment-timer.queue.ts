import type { OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import type { AppointmentTimerJob, SchedulingQueue } from '../../queues';

/**
 * One delayed BullMQ job per appointment that ends it at a time (an unpaid hold, an unanswered
 * request). The jobs live in Redis, so a restart loses none; the job id is derived from the
 * appointment, so scheduling twice is harmless.
 */
export abstract class AppointmentTimerQueue implements OnApplicationShutdown {
  readonly connection: IORedis;
  private readonly queue: Queue<AppointmentTimerJob>;

  protected constructor(
    redisUrl: string,
    readonly name: SchedulingQueue,
    private readonly jobName: string,
    private readonly jobIdOf: (appointmentId: string) => string,
  ) {
    this.connection = new IORedis(redisUrl, { maxRetriesPerRequest: null });
    this.queue = new Queue<AppointmentTimerJob>(name, { connection: this.connection });
  }

  async schedule(appointmentId: string, at: Date): Promise<void> {
    await this.queue.add(
      this.jobName,
      { appointmentId },
      {
        jobId: this.jobIdOf(appointmentId),
        delay: Math.max(0, at.getTime() - Date.now()),
        attempts: 5,
        backoff: { type: 'exponential', delay: 1_000 },
        removeOnComplete: true,
        removeOnFail: 1_000,
      },
    );
  }

  /** Schedules unless the job exists; one whose every attempt failed (kept under its id) runs again. */
  async ensure(appointmentId: string, at: Date): Promise<void> {
    const job = await this.queue.getJob(this.jobIdOf(appointmentId));
    if (job && (await job.isFailed())) await job.retry();
    else if (!job) await this.schedule(appointmentId, at);
  }

  /** Withdraws the timer. A job already running finds the state changed and stops. */
  async cancel(appointmentId: string): Promise<void> {
    const job = await this.queue.getJob(this.jobIdOf(appointmentId));
    await job?.remove().catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
    await this.connection.quit().catch(() => undefined);
  }
}
