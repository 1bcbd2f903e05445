import { Injectable, Logger } from '@nestjs/common';
import { InjectQueue, type JobQueue } from '@telehealth/jobs';
import { NotificationsConfig, reminderOffsets } from '../../config/notifications.config';
import { NotificationQueues, reminderJobId, type ReminderJob } from '../../queues';
import { AppointmentStates, isConfirmed } from './appointment-state';

/**
 * Keeps an appointment's reminders in step with its state: one delayed job per offset while it
 * is confirmed and the time is ahead, moved when it moves, removed otherwise. The jobs live in
 * Redis (a restart loses none) and their ids are derived from the appointment and offset.
 */
@Injectable()
export class ReminderScheduler {
  private readonly logger = new Logger(ReminderScheduler.name);
  readonly offsets: number[];

  constructor(
    config: NotificationsConfig,
    @InjectQueue(NotificationQueues.reminders) private readonly queue: JobQueue<ReminderJob>,
    private readonly states: AppointmentStates,
  ) {
    this.offsets = reminderOffsets(config);
  }

  /** Brings the reminders of an appointment in line with its current state. Idempotent. */
  async sync(appointmentId: string, now = new Date()): Promise<void> {
    const state = await this.states.get(appointmentId);
    for (const offset of this.offsets) {
      const jobId = reminderJobId(appointmentId, offset);
      const existing = await this.queue.get(jobId);
      const fireAt = state ? Date.parse(state.start) - offset * 60_000 : NaN;
      // A job already made for this start stays even once overdue (the worker was down, or this
      // is a redelivered event): it is still to be sent, late, and the worker checks the start.
      if (existing && isConfirmed(state) && existing.data.start === state.start) continue;
      const wanted = isConfirmed(state) && fireAt > now.getTime();
      if (existing) {
        // A running job re-checks the state itself; failing to remove it is harmless.
        await existing.remove().catch((err: Error) => this.logger.debug(`reminder ${jobId}: ${err.message}`));
      }
      if (!wanted) continue;
      await this.queue.add(
        jobId,
        { appointmentId, offsetMinutes: offset, start: state.start },
        { delayMs: fireAt - now.getTime() },
      );
    }
  }
}
