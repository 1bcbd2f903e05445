import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Worker, type Job } from 'bullmq';
import { NotificationKind } from '@telehealth/contracts';
import { NotificationsConfig } from '../../config/notifications.config';
import { NotificationQueue, type ReminderJob } from '../../queues';
import { DeliveryQueues } from '../delivery/delivery-queues';
import { Dispatcher } from '../dispatch/dispatcher';
import { DoctorDirectory } from '../recipients/recipients';
import { formatDuration, formatWhen } from '../templates/format';
import { termsFor } from '../templates/render';
import { AppointmentStates, isConfirmed } from './appointment-state';

export type ReminderOutcome = 'sent' | 'stale';

/**
 * Sends a due reminder after checking, at that moment, that the appointment is still confirmed
 * for the start the reminder was made for (a cancelled or moved appointment gets none).
 */
@Injectable()
export class ReminderWorker implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(ReminderWorker.name);
  private worker?: Worker<ReminderJob>;
  private connection?: ReturnType<DeliveryQueues['connection']['duplicate']>;

  constructor(
    private readonly config: NotificationsConfig,
    private readonly queues: DeliveryQueues,
    private readonly states: AppointmentStates,
    private readonly dispatcher: Dispatcher,
    private readonly doctors: DoctorDirectory,
  ) {}

  async remind(job: Pick<Job<ReminderJob>, 'data'>, now = new Date()): Promise<ReminderOutcome> {
    const { appointmentId, offsetMinutes, start } = job.data;
    const state = await this.states.get(appointmentId);
    if (!isConfirmed(state) || state.start !== start || Date.parse(start) <= now.getTime()) {
      this.logger.log(
        `reminder ${appointmentId} (${offsetMinutes} min) not sent: ${state?.status ?? 'unknown'} at ${state?.start ?? '-'}`,
      );
      return 'stale';
    }
    const doctor = await this.doctors.find(state.doctorId);
    await this.dispatcher.send({
      kind: NotificationKind.APPOINTMENT_REMINDER,
      userId: state.patientId,
      source: { id: `reminder:${appointmentId}:${start}:${offsetMinutes}`, type: 'notifications.reminder' },
      data: { appointmentId },
      vars: (r) => {
        const terms = termsFor(r.locale);
        return {
          firstName: r.firstName,
          doctorName: doctor?.displayName ?? terms.yourDoctor,
          when: formatWhen(start, r.timeZone, r.locale),
          number: state.number,
          startsIn: formatDuration(offsetMinutes * 60_000, r.locale),
          mode: terms.mode[state.mode as keyof typeof terms.mode] ?? state.mode,
        };
      },
    });
    return 'sent';
  }

  onApplicationBootstrap(): void {
    this.connection = this.queues.connection.duplicate({ maxRetriesPerRequest: null });
    this.worker = new Worker<ReminderJob>(NotificationQueue.REMINDERS, (job) => this.remind(job), {
      connection: this.connection,
      prefix: this.config.QUEUE_PREFIX,
      concurrency: 4,
    });
    this.worker.on('failed', (job, err) => this.logger.warn(`reminder ${job?.id} failed: ${err.message}`));
    this.worker.on('error', (err) => this.logger.error(`reminder worker: ${err.message}`));
  }

  /** Finishes the jobs in hand while the database is still connected. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection?.quit().catch(() => undefined);
  }
}
