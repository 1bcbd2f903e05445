import { Injectable, Logger } from '@nestjs/common';
import { InjectQueue, type JobQueue } from '@telehealth/jobs';
import {
  CONSULTATION_REMINDER_MINUTES,
  NotificationQueues,
  consultationReminderJobId,
  type ConsultationReminderJob,
} from '../../queues';
import { ConsultationStates, isScheduled } from './consultation-state';

/**
 * Keeps an online consultation's reminder (CONSULTATION_REMINDER_MINUTES before its start, with
 * the join link) in step with the session's state, as ReminderScheduler does for appointments:
 * one delayed job while it is scheduled and the time is ahead, moved when it moves, removed
 * otherwise. Its id is derived from the consultation.
 */
@Injectable()
export class ConsultationReminderScheduler {
  private readonly logger = new Logger(ConsultationReminderScheduler.name);
  readonly offset = CONSULTATION_REMINDER_MINUTES;

  constructor(
    @InjectQueue(NotificationQueues.consultationReminders) private readonly queue: JobQueue<ConsultationReminderJob>,
    private readonly states: ConsultationStates,
  ) {}

  /** Brings the reminder of a consultation in line with its current state. Idempotent. */
  async sync(consultationId: string, now = new Date()): Promise<void> {
    const state = await this.states.get(consultationId);
    const jobId = consultationReminderJobId(consultationId, this.offset);
    const existing = await this.queue.get(jobId);
    const fireAt = state ? Date.parse(state.scheduledStart) - this.offset * 60_000 : NaN;
    // A job already made for this start stays even once overdue: it is still to be sent, late,
    // and the worker checks the start.
    if (existing && isScheduled(state) && existing.data.start === state.scheduledStart) return;
    const wanted = isScheduled(state) && fireAt > now.getTime();
    if (existing) {
      // A running job re-checks the state itself; failing to remove it is harmless.
      await existing.remove().catch((err: Error) => this.logger.debug(`reminder ${jobId}: ${err.message}`));
    }
    if (!wanted) return;
    await this.queue.add(
      jobId,
      { consultationId, offsetMinutes: this.offset, start: state.scheduledStart },
      { delayMs: fireAt - now.getTime() },
    );
  }
}
