import { Injectable } from '@nestjs/common';
import { JobSweep, OnJob, type Job } from '@telehealth/jobs';
import { SchedulingQueues, type AppointmentTimerJob } from '../../queues';
import { ExpireHold } from './usecases/expire-hold/expire-hold.usecase';
import { ResumeAppointmentTimers } from './usecases/resume-appointment-timers/resume-appointment-timers.usecase';

/** Expires unpaid holds; on start, every unpaid hold gets its job again. */
@Injectable()
export class HoldExpiryWorker {
  constructor(
    private readonly expireHold: ExpireHold,
    private readonly resumeTimers: ResumeAppointmentTimers,
  ) {}

  @OnJob(SchedulingQueues.holdExpiry)
  run(job: Job<AppointmentTimerJob>): Promise<void> {
    return this.expireHold.execute(job.data.appointmentId);
  }

  /** One lost between the write and the job add would otherwise keep its seat forever. */
  @JobSweep(SchedulingQueues.holdExpiry)
  sweep(): Promise<number> {
    return this.resumeTimers.execute('hold-expiry');
  }
}
