import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Worker } from 'bullmq';
import { SchedulingQueue, type ConfirmationDeadlineJob } from '../../queues';
import { AppointmentsService } from './appointments.service';
import { ConfirmationDeadlineQueue } from './confirmation-deadline.queue';

/**
 * Runs confirmation deadlines: only calls the use case. On start it also gives every request
 * still waiting for its doctor a job, in case one was lost between the write and the job add.
 */
@Injectable()
export class ConfirmationDeadlineWorker
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly logger = new Logger(ConfirmationDeadlineWorker.name);
  private worker?: Worker<ConfirmationDeadlineJob>;
  private connection?: ReturnType<ConfirmationDeadlineQueue['connection']['duplicate']>;

  constructor(
    private readonly appointments: AppointmentsService,
    private readonly queue: ConfirmationDeadlineQueue,
  ) {}

  onApplicationBootstrap(): void {
    this.connection = this.queue.connection.duplicate({ maxRetriesPerRequest: null });
    this.worker = new Worker<ConfirmationDeadlineJob>(
      SchedulingQueue.CONFIRMATION_DEADLINE,
      (job) => this.appointments.declineUnanswered(job.data.appointmentId),
      { connection: this.connection },
    );
    this.worker.on('failed', (job, err) => this.logger.warn(`confirmation deadline ${job?.id} failed: ${err.message}`));
    // Not awaited: start-up does not wait on a sweep of every open request.
    void this.appointments
      .scheduleConfirmationDeadlines()
      .then((n) => n && this.logger.log(`${n} booking request(s) waiting for a doctor have their deadline`))
      .catch((err: Error) => this.logger.error(`confirmation deadline sweep failed: ${err.message}`));
  }

  /** Finishes the job in hand while the database is still connected. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection?.quit().catch(() => undefined);
  }
}
