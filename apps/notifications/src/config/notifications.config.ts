import { IsBoolean, IsIn, IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { Secret, ServiceConfig, WithJobsConfig } from '@telehealth/config';

/** Redis and QUEUE_PREFIX (WithJobsConfig): channel queues, reminders and dead letters survive a restart. */
export class NotificationsConfig extends WithJobsConfig(ServiceConfig) {
  override MONGO_DB = 'telehealth_notifications';
  override HEALTH_PORT = 3106;

  /** `smtp`: real SMTP (nodemailer). `log`: write each email to the log instead (no server needed). */
  @IsIn(['smtp', 'log'])
  EMAIL_TRANSPORT = 'smtp';

  /** SMTP server. The default is the local mail sink `npm start` runs (see README). */
  @IsString()
  @MaxLength(253)
  SMTP_HOST = '127.0.0.1';

  @IsInt()
  @Min(1)
  @Max(65535)
  SMTP_PORT = 1025;

  /** true: TLS from the first byte (port 465). false: plain, upgraded with STARTTLS when offered. */
  @IsBoolean()
  SMTP_SECURE = false;

  /** SMTP login; empty: no authentication. */
  @IsString()
  SMTP_USER = '';

  @Secret()
  @IsString()
  SMTP_PASSWORD = '';

  /** Pooled SMTP connections per process. */
  @IsInt()
  @Min(1)
  @Max(50)
  SMTP_POOL_SIZE = 5;

  @IsString()
  @MaxLength(200)
  EMAIL_FROM = 'Telehealth <no-reply@telehealth.local>';

  /** Base URL of the client app, for links in messages (password reset, consultation join links). */
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'must be an http(s) URL' })
  APP_URL = 'http://localhost:5173';

  /** SMS and push providers: `sandbox` records deliveries in the database (no real sending). */
  @IsIn(['sandbox'])
  SMS_PROVIDER = 'sandbox';

  @IsIn(['sandbox'])
  PUSH_PROVIDER = 'sandbox';

  /** Attempts per message before it goes to the dead-letter queue. */
  @IsInt()
  @Min(1)
  @Max(50)
  DELIVERY_ATTEMPTS = 6;

  /** First retry delay; doubles on each further attempt (2 s, 4 s, 8 s, ...). */
  @IsInt()
  @Min(10)
  DELIVERY_BACKOFF_MS = 2_000;

  /** Most messages per second each channel's worker sends (BullMQ limiter). */
  @IsInt()
  @Min(1)
  EMAIL_RATE_PER_SECOND = 50;

  @IsInt()
  @Min(1)
  SMS_RATE_PER_SECOND = 10;

  @IsInt()
  @Min(1)
  PUSH_RATE_PER_SECOND = 100;

  /** Jobs a channel worker runs at once. */
  @IsInt()
  @Min(1)
  @Max(100)
  WORKER_CONCURRENCY = 8;

  /**
   * An event older than this is not announced any more (recorded as skipped, STALE_EVENT): a
   * consumer created on a stream with history, or one that was down for days, sends no stale news.
   */
  @IsInt()
  @Min(1)
  STALE_EVENT_HOURS = 24;

  /** Reminders before each confirmed appointment, in minutes before its start (comma-separated). */
  @Matches(/^\d{1,5}(,\d{1,5})*$/, { message: 'must be minutes, comma-separated, e.g. 1440,60' })
  REMINDER_OFFSETS_MINUTES = '1440,60';
}

/** The reminder offsets, largest first, without duplicates or zero. */
export function reminderOffsets(config: NotificationsConfig): number[] {
  return [...new Set(config.REMINDER_OFFSETS_MINUTES.split(',').map(Number))]
    .filter((m) => m > 0)
    .sort((a, b) => b - a);
}

/** Where a patient reads a prescription in the client app. */
export const prescriptionLink = (config: NotificationsConfig, prescriptionId: string): string =>
  `${config.APP_URL}/prescriptions/${encodeURIComponent(prescriptionId)}`;

/** Where a participant joins an online consultation in the client app. */
/** Where a thread is read in the app. */
export const threadLink = (config: NotificationsConfig, threadId: string): string =>
  `${config.APP_URL}/messages/${encodeURIComponent(threadId)}`;

export const consultationLink = (config: NotificationsConfig, consultationId: string): string =>
  `${config.APP_URL}/consultations/${encodeURIComponent(consultationId)}`;
