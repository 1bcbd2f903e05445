import { Injectable, Logger } from '@nestjs/common';
import { NotificationKind } from '@telehealth/contracts';
import { OnJob, type Job } from '@telehealth/jobs';
import { NotificationQueues, type ReminderJob } from '../../queues';
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
export class ReminderWorker {
  private readonly logger = new Logger(ReminderWorker.name);

  constructor(
    private readonly states: AppointmentStates,
    private readonly dispatcher: Dispatcher,
    private readonly doctors: DoctorDirectory,
  ) {}

  @OnJob(NotificationQueues.reminders)
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
}
