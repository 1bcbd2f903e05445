import { Injectable } from '@nestjs/common';
import { SchedulingConfig } from '../../config/scheduling.config';
import { SchedulingQueue } from '../../queues';
import { AppointmentTimerQueue } from './appointment-timer.queue';

export const holdJobId = (appointmentId: string) => `hold-${appointmentId}`;

/** Unpaid holds end by a delayed job: withdrawn when paid or cancelled. */
@Injectable()
export class HoldExpiryQueue extends AppointmentTimerQueue {
  constructor(config: SchedulingConfig) {
    super(config.REDIS_URL, SchedulingQueue.HOLD_EXPIRY, 'expire', holdJobId);
  }
}
