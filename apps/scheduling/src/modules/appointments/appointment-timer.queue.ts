import type { JobDefaults, JobQueue } from '@telehealth/jobs';
import type { AppointmentTimerJob } from '../../queues';

/** A timer retries a few times (the database may blink); its job leaves Redis once done. */
export const APPOINTMENT_TIMER_JOBS: JobDefaults = {
  attempts: 5,
  backoffMs: 1_000,
  removeOnComplete: true,
  removeOnFail: 1_000,
};

/**
 * One delayed job per appointment that ends it at a time (an unpaid hold, an unanswered
 * request). The jobs live in Redis, so a restart loses none; the job id is derived from the
 * appointment, so scheduling twice is harmless.
 */
export abstract class AppointmentTimerQueue {
  protected constructor(
    private readonly queue: JobQueue<AppointmentTimerJob>,
    private readonly jobIdOf: (appointmentId: string) => string,
  ) {}

  schedule(appointmentId: string, at: Date): Promise<void> {
    return this.queue.add(this.jobIdOf(appointmentId), { appointmentId }, { at });
  }

  /** Schedules unless the job exists; one whose every attempt failed (kept under its id) runs again. */
  async ensure(appointmentId: string, at: Date): Promise<void> {
    await this.queue.ensure(this.jobIdOf(appointmentId), { appointmentId }, { at });
  }

  /** Withdraws the timer. A job already running finds the state changed and stops. */
  async cancel(appointmentId: string): Promise<void> {
    await this.queue.remove(this.jobIdOf(appointmentId));
  }
}
