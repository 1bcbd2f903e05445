import { Injectable } from '@nestjs/common';
import { JobSweep, OnJob, type Job } from '@telehealth/jobs';
import { SchedulingQueues, type AppointmentTimerJob } from '../../queues';
import { DeclineUnanswered } from './usecases/decline-unanswered/decline-unanswered.usecase';
import { ResumeAppointmentTimers } from './usecases/resume-appointment-timers/resume-appointment-timers.usecase';

/** Declines requests left unanswered; on start, every waiting request gets its job again. */
@Injectable()
export class ConfirmationDeadlineWorker {
  constructor(
    private readonly declineUnanswered: DeclineUnanswered,
    private readonly resumeTimers: ResumeAppointmentTimers,
  ) {}

  @OnJob(SchedulingQueues.confirmationDeadline)
  run(job: Job<AppointmentTimerJob>): Promise<void> {
    return this.declineUnanswered.execute(job.data.appointmentId);
  }

  @JobSweep(SchedulingQueues.confirmationDeadline)
  sweep(): Promise<number> {
    return this.resumeTimers.execute('confirmation-deadline');
  }
}
