import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Worker } from 'bullmq';
import { SchedulingQueue, type HoldExpiryJob } from '../../queues';
import { AppointmentsService } from './appointments.service';
import { HoldExpiryQueue } from './hold-expiry.queue';

/**
 * Runs hold expiries: only calls the use case. On start it also gives every unpaid hold its job
 * again, in case one was lost between the write and the job add.
 */
@Injectable()
export class HoldExpiryWorker implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(HoldExpiryWorker.name);
  private worker?: Worker<HoldExpiryJob>;
  private connection?: ReturnType<HoldExpiryQueue['connection']['duplicate']>;

  constructor(
    private readonly appointments: AppointmentsService,
    private readonly queue: HoldExpiryQueue,
  ) {}

  onApplicationBootstrap(): void {
    this.connection = this.queue.connection.duplicate({ maxRetriesPerRequest: null });
    this.worker = new Worker<HoldExpiryJob>(
      SchedulingQueue.HOLD_EXPIRY,
      (job) => this.appointments.expireHold(job.data.appointmentId),
      {
        connection: this.connection,
      },
    );
    this.worker.on('failed', (job, err) => this.logger.warn(`hold expiry ${job?.id} failed: ${err.message}`));
    // Not awaited: start-up does not wait on a sweep of every unpaid hold.
    void this.appointments
      .scheduleHoldExpiries()
      .then((n) => n && this.logger.log(`${n} unpaid hold(s) have their expiry`))
      .catch((err: Error) => this.logger.error(`hold expiry sweep failed: ${err.message}`));
  }

  /** Finishes the job in hand while the database is still connected. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection?.quit().catch(() => undefined);
  }
}
