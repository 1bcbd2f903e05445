/** Every BullMQ queue of the scheduling service, and the payload of its jobs. */
export enum SchedulingQueue {
  HOLD_EXPIRY = 'scheduling-hold-expiry',
  CONFIRMATION_DEADLINE = 'scheduling-confirmation-deadline',
}

export interface HoldExpiryJob {
  appointmentId: string;
}

export interface ConfirmationDeadlineJob {
  appointmentId: string;
}
