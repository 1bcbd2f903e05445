import { NotificationChannel, type NotificationKind } from '@telehealth/contracts';

/** Every BullMQ queue of the notifications service. */
export enum NotificationQueue {
  EMAIL = 'notifications-email',
  SMS = 'notifications-sms',
  PUSH = 'notifications-push',
  /** Delayed jobs, one per confirmed appointment and offset. */
  REMINDERS = 'notifications-reminders',
  /** Messages whose every attempt failed; no worker: operators list and replay them. */
  DEAD_LETTER = 'notifications-dead-letter',
}

/** The channels sent through a queue (in-app messages are written straight to the inbox). */
export type QueuedChannel = NotificationChannel.EMAIL | NotificationChannel.SMS | NotificationChannel.PUSH;
export const QUEUE_OF: Record<QueuedChannel, NotificationQueue> = {
  [NotificationChannel.EMAIL]: NotificationQueue.EMAIL,
  [NotificationChannel.SMS]: NotificationQueue.SMS,
  [NotificationChannel.PUSH]: NotificationQueue.PUSH,
};

/** What every channel job carries: the delivery it belongs to (its job id too). */
interface DeliveryJobBase {
  deliveryId: string;
  userId: string;
  kind: NotificationKind;
}

export interface EmailJob extends DeliveryJobBase {
  channel: NotificationChannel.EMAIL;
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface SmsJob extends DeliveryJobBase {
  channel: NotificationChannel.SMS;
  to: string;
  text: string;
}

export interface PushJob extends DeliveryJobBase {
  channel: NotificationChannel.PUSH;
  title: string;
  body: string;
  data: Record<string, string>;
}

export type ChannelJob = EmailJob | SmsJob | PushJob;

export interface ReminderJob {
  appointmentId: string;
  /** Minutes before the start. */
  offsetMinutes: number;
  /** The start the reminder was scheduled for: a moved appointment makes it stale. */
  start: string;
}

export interface DeadLetterJob {
  job: ChannelJob;
  failedReason: string;
  attempts: number;
  failedAt: string;
}

/** Job id of a reminder: one per appointment and offset, so scheduling twice is harmless. */
export const reminderJobId = (appointmentId: string, offsetMinutes: number): string =>
  `reminder-${appointmentId}-${offsetMinutes}`;
