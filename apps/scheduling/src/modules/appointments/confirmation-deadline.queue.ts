import { Injectable } from '@nestjs/common';
import { SchedulingConfig } from '../../config/scheduling.config';
import { SchedulingQueue } from '../../queues';
import { AppointmentTimerQueue } from './appointment-timer.queue';

export const confirmationJobId = (appointmentId: string) => `confirm-by-${appointmentId}`;

/** Booking requests left unanswered end by a delayed job: withdrawn when answered or cancelled. */
@Injectable()
export class ConfirmationDeadlineQueue extends AppointmentTimerQueue {
  constructor(config: SchedulingConfig) {
    super(config.REDIS_URL, SchedulingQueue.CONFIRMATION_DEADLINE, 'decline-unanswered', confirmationJobId);
  }
}
