import { Injectable, Logger } from '@nestjs/common';
import { NotificationKind } from '@telehealth/contracts';
import { OnJob, type Job } from '@telehealth/jobs';
import { NotificationsConfig, consultationLink } from '../../config/notifications.config';
import { NotificationQueues, type ConsultationReminderJob } from '../../queues';
import { Dispatcher } from '../dispatch/dispatcher';
import { DoctorDirectory } from '../recipients/recipients';
import { consultationVars } from '../templates/consultation-vars';
import { formatDuration } from '../templates/format';
import { ConsultationStates, isScheduled } from './consultation-state';
import type { ReminderOutcome } from './reminder-worker';

/**
 * Sends a due consultation reminder (with the join link) after checking, at that moment, that the
 * session is still scheduled for the start the reminder was made for: a cancelled, moved or
 * already joined session gets none.
 */
@Injectable()
export class ConsultationReminderWorker {
  private readonly logger = new Logger(ConsultationReminderWorker.name);

  constructor(
    private readonly config: NotificationsConfig,
    private readonly states: ConsultationStates,
    private readonly dispatcher: Dispatcher,
    private readonly doctors: DoctorDirectory,
  ) {}

  @OnJob(NotificationQueues.consultationReminders)
  async remind(job: Pick<Job<ConsultationReminderJob>, 'data'>, now = new Date()): Promise<ReminderOutcome> {
    const { consultationId, offsetMinutes, start } = job.data;
    const state = await this.states.get(consultationId);
    if (!isScheduled(state) || state.scheduledStart !== start || Date.parse(start) <= now.getTime()) {
      this.logger.log(
        `consultation reminder ${consultationId} not sent: ${state?.status ?? 'unknown'} at ${state?.scheduledStart ?? '-'}`,
      );
      return 'stale';
    }
    const doctor = await this.doctors.find(state.doctorId);
    const facts = {
      number: state.number,
      callType: state.callType,
      scheduledStart: start,
      doctorName: doctor?.displayName ?? null,
      joinLink: consultationLink(this.config, consultationId),
    };
    await this.dispatcher.send({
      kind: NotificationKind.CONSULTATION_REMINDER,
      userId: state.patientId,
      source: {
        id: `consultation-reminder:${consultationId}:${start}:${offsetMinutes}`,
        type: 'notifications.reminder',
      },
      data: { consultationId, ...(state.appointmentId && { appointmentId: state.appointmentId }) },
      vars: (r) => ({ ...consultationVars(facts, r), startsIn: formatDuration(offsetMinutes * 60_000, r.locale) }),
    });
    return 'sent';
  }
}
