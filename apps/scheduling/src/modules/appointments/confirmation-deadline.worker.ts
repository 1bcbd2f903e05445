import { Injectable } from '@nestjs/common';
import { JobSweep, OnJob, type Job } from '@telehealth/jobs';
import { SchedulingQueues, type AppointmentTimerJob } from '../../queues';
import { AppointmentsService } from './appointments.service';

/** Declines requests left unanswered; on start, every waiting request gets its job again. */
@Injectable()
export class ConfirmationDeadlineWorker {
  constructor(private readonly appointments: AppointmentsService) {}

  @OnJob(SchedulingQueues.confirmationDeadline)
  run(job: Job<AppointmentTimerJob>): Promise<void> {
    return this.appointments.declineUnanswered(job.data.appointmentId);
  }

  @JobSweep(SchedulingQueues.confirmationDeadline)
  sweep(): Promise<number> {
    return this.appointments.scheduleConfirmationDeadlines();
  }
}
