import {
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Worker } from 'bullmq';
import type { AppointmentTimerJob } from '../../queues';
import type { AppointmentTimerQueue } from './appointment-timer.queue';

/**
 * Runs an appointment timer's jobs (only calling the use case). On start it also gives every
 * appointment still waiting on the timer its job again, in case one was lost between the write
 * and the job add; that sweep is not awaited, so start-up does not wait on it.
 */
export abstract class AppointmentTimerWorker
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly logger = new Logger(this.constructor.name);
  private worker?: Worker<AppointmentTimerJob>;
  private connection?: ReturnType<AppointmentTimerQueue['connection']['duplicate']>;

  protected constructor(
    private readonly queue: AppointmentTimerQueue,
    /** What the timer is, for logs, e.g. "hold expiry". */
    private readonly what: string,
  ) {}

  /** Ends the appointment if it is still waiting on this timer. */
  protected abstract run(appointmentId: string): Promise<void>;

  /** Makes sure every waiting appointment has its job; returns how many there are. */
  protected abstract sweep(): Promise<number>;

  onApplicationBootstrap(): void {
    this.connection = this.queue.connection.duplicate({ maxRetriesPerRequest: null });
    this.worker = new Worker<AppointmentTimerJob>(this.queue.name, (job) => this.run(job.data.appointmentId), {
      connection: this.connection,
    });
    this.worker.on('failed', (job, err) => this.logger.warn(`${this.what} ${job?.id} failed: ${err.message}`));
    void this.sweep()
      .then((n) => n && this.logger.log(`${n} appointment(s) have their ${this.what} job`))
      .catch((err: Error) => this.logger.error(`${this.what} sweep failed: ${err.message}`));
  }

  /** Finishes the job in hand while the database is still connected. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection?.quit().catch(() => undefined);
  }
}
