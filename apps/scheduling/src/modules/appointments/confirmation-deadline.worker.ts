import { Injectable } from '@nestjs/common';
import { AppointmentTimerWorker } from './appointment-timer.worker';
import { AppointmentsService } from './appointments.service';
import { ConfirmationDeadlineQueue } from './confirmation-deadline.queue';

/** Declines requests left unanswered; on start, every waiting request gets its job again. */
@Injectable()
export class ConfirmationDeadlineWorker extends AppointmentTimerWorker {
  constructor(
    private readonly appointments: AppointmentsService,
    queue: ConfirmationDeadlineQueue,
  ) {
    super(queue, 'confirmation deadline');
  }

  protected run(appointmentId: string): Promise<void> {
    return this.appointments.declineUnanswered(appointmentId);
  }

  protected sweep(): Promise<number> {
    return this.appointments.scheduleConfirmationDeadlines();
  }
}
