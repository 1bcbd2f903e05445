import { Injectable } from '@nestjs/common';
import { AppointmentTimerWorker } from './appointment-timer.worker';
import { ConfirmationDeadlineQueue } from './confirmation-deadline.queue';
import { DeclineUnanswered } from './usecases/decline-unanswered/decline-unanswered.usecase';
import { ResumeAppointmentTimers } from './usecases/resume-appointment-timers/resume-appointment-timers.usecase';

/** Declines requests left unanswered; on start, every waiting request gets its job again. */
@Injectable()
export class ConfirmationDeadlineWorker extends AppointmentTimerWorker {
  constructor(
    private readonly declineUnanswered: DeclineUnanswered,
    private readonly resumeTimers: ResumeAppointmentTimers,
    queue: ConfirmationDeadlineQueue,
  ) {
    super(queue, 'confirmation deadline');
  }

  protected run(appointmentId: string): Promise<void> {
    return this.declineUnanswered.execute(appointmentId);
  }

  protected sweep(): Promise<number> {
    return this.resumeTimers.execute('confirmation-deadline');
  }
}
