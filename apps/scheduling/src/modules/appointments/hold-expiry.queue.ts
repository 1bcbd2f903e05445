import { Injectable } from '@nestjs/common';
import { InjectQueue, type JobQueue } from '@telehealth/jobs';
import { SchedulingQueues, type AppointmentTimerJob } from '../../queues';
import { AppointmentTimerQueue } from './appointment-timer.queue';

export const holdJobId = (appointmentId: string) => `hold-${appointmentId}`;

/** Unpaid holds end by a delayed job: withdrawn when paid or cancelled. */
@Injectable()
export class HoldExpiryQueue extends AppointmentTimerQueue {
  constructor(@InjectQueue(SchedulingQueues.holdExpiry) queue: JobQueue<AppointmentTimerJob>) {
    super(queue, holdJobId);
  }
}
