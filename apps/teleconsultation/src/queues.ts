import { defineQueue } from '@telehealth/jobs';

/**
 * A session timer: the no-show check after the start, or the end of a call left running after
 * the grace period. It carries the scheduled start it was made for: a session moved since then
 * ignores it (its new timers have other ids).
 */
export interface ConsultationTimerJob {
  consultationId: string;
  kind: 'no-show' | 'overrun';
  scheduledStart: string;
}

/** An on-demand request's deadline: unaccepted by then, it expires. */
export interface RequestExpiryJob {
  requestId: string;
}

/** Every BullMQ queue of the teleconsultation service, with the payload of its jobs. */
export const TeleconsultationQueues = {
  /** Job id `<kind>-<consultationId>-<scheduled start, ms>`. */
  timers: defineQueue<ConsultationTimerJob>('teleconsultation-timers'),
  /** Job id `request-expiry-<requestId>`. */
  requestExpiry: defineQueue<RequestExpiryJob>('teleconsultation-request-expiry'),
} as const;
