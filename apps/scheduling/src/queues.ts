/** Every BullMQ queue of the scheduling service, and the payload of its jobs. */
export enum SchedulingQueue {
  HOLD_EXPIRY = 'scheduling-hold-expiry',
  CONFIRMATION_DEADLINE = 'scheduling-confirmation-deadline',
}

/** Both queues are appointment timers: a job carries the appointment it ends. */
export interface AppointmentTimerJob {
  appointmentId: string;
}
