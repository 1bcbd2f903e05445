import { Injectable } from '@nestjs/common';
import { InjectQueue, type JobQueue } from '@telehealth/jobs';
import { SchedulingQueues, type AppointmentTimerJob } from '../../queues';
import { AppointmentTimerQueue } from './appointment-timer.queue';

export const confirmationJobId = (appointmentId: string) => `confirm-by-${appointmentId}`;

/** Booking requests left unanswered end by a delayed job: withdrawn when answered or cancelled. */
@Injectable()
export class ConfirmationDeadlineQueue extends AppointmentTimerQueue {
  constructor(@InjectQueue(SchedulingQueues.confirmationDeadline) queue: JobQueue<AppointmentTimerJob>) {
    super(queue, confirmationJobId);
  }
}
