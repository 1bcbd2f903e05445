import { NotificationChannel, type NotificationKind } from '@telehealth/contracts';
import { defineQueue, type QueueContract, type QueueRegistration } from '@telehealth/jobs';
import type { NotificationsConfig } from './config/notifications.config';

/** The channels sent through a queue (in-app messages are written straight to the inbox). */
export type QueuedChannel = NotificationChannel.EMAIL | NotificationChannel.SMS | NotificationChannel.PUSH;

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

export interface ConsultationReminderJob {
  consultationId: string;
  /** Minutes before the start. */
  offsetMinutes: number;
  /** The scheduled start the reminder was made for: a moved session makes it stale. */
  start: string;
}

export interface DeadLetterJob {
  job: ChannelJob;
  failedReason: string;
  attempts: number;
  failedAt: string;
}

/** Every BullMQ queue of the notifications service, with the payload of its jobs. */
export const NotificationQueues = {
  /** One per channel; a job's id is its delivery id. */
  email: defineQueue<ChannelJob>('notifications-email'),
  sms: defineQueue<ChannelJob>('notifications-sms'),
  push: defineQueue<ChannelJob>('notifications-push'),
  /** Delayed jobs, one per confirmed appointment and offset (see reminderJobId). */
  reminders: defineQueue<ReminderJob>('notifications-reminders'),
  /** Delayed jobs, one per scheduled online consultation (see consultationReminderJobId). */
  consultationReminders: defineQueue<ConsultationReminderJob>('notifications-consultation-reminders'),
  /** Messages whose every attempt failed; no worker: operators list and replay them. */
  deadLetter: defineQueue<DeadLetterJob>('notifications-dead-letter'),
} as const;

export const QUEUE_OF: Record<QueuedChannel, QueueContract<ChannelJob>> = {
  [NotificationChannel.EMAIL]: NotificationQueues.email,
  [NotificationChannel.SMS]: NotificationQueues.sms,
  [NotificationChannel.PUSH]: NotificationQueues.push,
};

/** Each channel's rate limit (messages per second, BullMQ limiter across replicas). */
export const ratesOf = (config: NotificationsConfig): Record<QueuedChannel, number> => ({
  [NotificationChannel.EMAIL]: config.EMAIL_RATE_PER_SECOND,
  [NotificationChannel.SMS]: config.SMS_RATE_PER_SECOND,
  [NotificationChannel.PUSH]: config.PUSH_RATE_PER_SECOND,
});

/**
 * The delivery module's queues as it registers them: channel jobs retried with exponential
 * backoff and gone from Redis once done (the delivery log keeps the record); dead letters with
 * no worker.
 */
export function channelQueues(config: NotificationsConfig): QueueRegistration[] {
  const rates = ratesOf(config);
  const channels = (Object.keys(QUEUE_OF) as QueuedChannel[]).map((channel): QueueRegistration<ChannelJob> => ({
    queue: QUEUE_OF[channel],
    jobs: { attempts: config.DELIVERY_ATTEMPTS, backoffMs: config.DELIVERY_BACKOFF_MS },
    worker: { concurrency: config.WORKER_CONCURRENCY, limiter: { max: rates[channel], duration: 1_000 } },
  }));
  return [...channels, { queue: NotificationQueues.deadLetter, worker: false }];
}

/** The reminders module's queues: retried a few times, kept a while after failing. */
export const REMINDER_QUEUES: QueueRegistration[] = [
  {
    queue: NotificationQueues.reminders,
    jobs: { attempts: 5, backoffMs: 2_000, removeOnComplete: true, removeOnFail: 1_000 },
    worker: { concurrency: 4 },
  },
  {
    queue: NotificationQueues.consultationReminders,
    jobs: { attempts: 5, backoffMs: 2_000, removeOnComplete: true, removeOnFail: 1_000 },
    worker: { concurrency: 4 },
  },
];

/** Job id of a reminder: one per appointment and offset, so scheduling twice is harmless. */
export const reminderJobId = (appointmentId: string, offsetMinutes: number): string =>
  `reminder-${appointmentId}-${offsetMinutes}`;

/** Minutes before an online consultation's start at which the patient gets its join link. */
export const CONSULTATION_REMINDER_MINUTES = 5;

/** Job id of a consultation reminder: one per consultation and offset, so scheduling twice is harmless. */
export const consultationReminderJobId = (consultationId: string, offsetMinutes: number): string =>
  `consultation-reminder-${consultationId}-${offsetMinutes}`;
