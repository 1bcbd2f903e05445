import { Injectable } from '@nestjs/common';
import { JobSweep, OnJob, type Job } from '@telehealth/jobs';
import { SchedulingQueues, type AppointmentTimerJob } from '../../queues';
import { AppointmentsService } from './appointments.service';

/** Expires unpaid holds; on start, every unpaid hold gets its job again. */
@Injectable()
export class HoldExpiryWorker {
  constructor(private readonly appointments: AppointmentsService) {}

  @OnJob(SchedulingQueues.holdExpiry)
  run(job: Job<AppointmentTimerJob>): Promise<void> {
    return this.appointments.expireHold(job.data.appointmentId);
  }

  /** One lost between the write and the job add would otherwise keep its seat forever. */
  @JobSweep(SchedulingQueues.holdExpiry)
  sweep(): Promise<number> {
    return this.appointments.scheduleHoldExpiries();
  }
}
