import { defineQueue } from '@telehealth/jobs';

/** Both queues are appointment timers: a job carries the appointment it ends. */
export interface AppointmentTimerJob {
  appointmentId: string;
}

/** Every BullMQ queue of the scheduling service, with the payload of its jobs. */
export const SchedulingQueues = {
  /** Unpaid holds: job id `hold-<appointmentId>`. */
  holdExpiry: defineQueue<AppointmentTimerJob>('scheduling-hold-expiry'),
  /** Booking requests left unanswered: job id `confirm-by-<appointmentId>`. */
  confirmationDeadline: defineQueue<AppointmentTimerJob>('scheduling-confirmation-deadline'),
} as const;
