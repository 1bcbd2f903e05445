/** Every BullMQ queue of the scheduling service, and the payload of its jobs. */
export enum SchedulingQueue {
  HOLD_EXPIRY = 'scheduling-hold-expiry',
}

export interface HoldExpiryJob {
  appointmentId: string;
}
