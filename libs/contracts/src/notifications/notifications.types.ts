import type { PageQuery } from '../common/pagination';

/** Where a notification goes. */
export enum NotificationChannel {
  EMAIL = 'EMAIL',
  SMS = 'SMS',
  PUSH = 'PUSH',
  IN_APP = 'IN_APP',
}
export const NOTIFICATION_CHANNELS = Object.values(NotificationChannel);

/**
 * What a notification is about: a user switches categories on and off per channel.
 * SECURITY and PAYMENTS are transactional (verification, password reset, receipts): they are
 * always sent and cannot be switched off.
 */
export enum NotificationCategory {
  SECURITY = 'SECURITY',
  ACCOUNT = 'ACCOUNT',
  APPOINTMENTS = 'APPOINTMENTS',
  REMINDERS = 'REMINDERS',
  PAYMENTS = 'PAYMENTS',
  REVIEWS = 'REVIEWS',
  /** New secure messages (teleconsultation threads). */
  MESSAGES = 'MESSAGES',
}
export const TRANSACTIONAL_CATEGORIES: readonly NotificationCategory[] = [
  NotificationCategory.SECURITY,
  NotificationCategory.PAYMENTS,
];

/** Every kind of message the platform sends (one template per kind and channel). */
export enum NotificationKind {
  WELCOME = 'WELCOME',
  EMAIL_VERIFICATION = 'EMAIL_VERIFICATION',
  PASSWORD_RESET = 'PASSWORD_RESET',
  PASSWORD_CHANGED = 'PASSWORD_CHANGED',
  APPOINTMENT_HELD = 'APPOINTMENT_HELD',
  APPOINTMENT_CONFIRMED = 'APPOINTMENT_CONFIRMED',
  APPOINTMENT_DECLINED = 'APPOINTMENT_DECLINED',
  APPOINTMENT_CANCELLED = 'APPOINTMENT_CANCELLED',
  APPOINTMENT_RESCHEDULED = 'APPOINTMENT_RESCHEDULED',
  APPOINTMENT_HOLD_EXPIRED = 'APPOINTMENT_HOLD_EXPIRED',
  APPOINTMENT_REMINDER = 'APPOINTMENT_REMINDER',
  PAYMENT_RECEIPT = 'PAYMENT_RECEIPT',
  PAYMENT_FAILED = 'PAYMENT_FAILED',
  REFUND_ISSUED = 'REFUND_ISSUED',
  WALLET_TOPPED_UP = 'WALLET_TOPPED_UP',
  TOP_UP_FAILED = 'TOP_UP_FAILED',
  DOCTOR_BOOKING_CONFIRMED = 'DOCTOR_BOOKING_CONFIRMED',
  DOCTOR_BOOKING_CANCELLED = 'DOCTOR_BOOKING_CANCELLED',
  REVIEW_RECEIVED = 'REVIEW_RECEIVED',
  CONSULTATION_SCHEDULED = 'CONSULTATION_SCHEDULED',
  CONSULTATION_REMINDER = 'CONSULTATION_REMINDER',
  CONSULTATION_DOCTOR_WAITING = 'CONSULTATION_DOCTOR_WAITING',
  CONSULTATION_ADMITTED = 'CONSULTATION_ADMITTED',
  CONSULTATION_ENDED = 'CONSULTATION_ENDED',
  CONSULTATION_MISSED = 'CONSULTATION_MISSED',
  DOCTOR_PATIENT_WAITING = 'DOCTOR_PATIENT_WAITING',
  DOCTOR_CONSULTATION_MISSED = 'DOCTOR_CONSULTATION_MISSED',
  THREAD_MESSAGE = 'THREAD_MESSAGE',
  PRESCRIPTION_ISSUED = 'PRESCRIPTION_ISSUED',
  PRESCRIPTION_CANCELLED = 'PRESCRIPTION_CANCELLED',
}

/** On/off per channel. */
export interface ChannelSwitches {
  email: boolean;
  sms: boolean;
  push: boolean;
  inApp: boolean;
}

/** Category keys of the preference document (`categories.appointments.email`). */
export type CategoryKey = 'security' | 'account' | 'appointments' | 'reminders' | 'payments' | 'reviews' | 'messages';

/** Local times `HH:MM` in the user's profile time zone; may span midnight (22:00-07:00). */
export interface QuietHours {
  start: string;
  end: string;
}

export interface NotificationPreferencesView {
  userId: string;
  /** Master switch per channel (transactional messages ignore it). */
  channels: ChannelSwitches;
  /** Per category and channel. */
  categories: Record<CategoryKey, ChannelSwitches>;
  /** Non-urgent email, SMS and push inside these hours wait until they end; null: none. */
  quietHours: QuietHours | null;
  /** Categories that are always sent (switching them off is refused). */
  transactionalCategories: CategoryKey[];
  updatedAt: string | null;
}

export interface UpdatePreferencesRequest {
  channels?: Partial<ChannelSwitches>;
  categories?: Partial<Record<CategoryKey, Partial<ChannelSwitches>>>;
  quietHours?: QuietHours | null;
}

/** Seed 002 notification_preferences: what a provider organisation is told about. */
export interface OrganisationPreferences {
  /** New inquiries and quotes. */
  quote: boolean;
  /** Booking confirmations and cancellations of its doctors. */
  schedule: boolean;
  /** Treatment starts. */
  treatmentStart: boolean;
  /** Aftercare events. */
  aftercare: boolean;
  /** New reviews of its doctors. */
  review: boolean;
}

export interface OrganisationPreferencesView extends OrganisationPreferences {
  organisationId: string;
  updatedAt: string | null;
}

export type UpdateOrganisationPreferencesRequest = Partial<OrganisationPreferences> & { organisationId: string };

/** One message in a user's in-app inbox. */
export interface NotificationView {
  id: string;
  kind: NotificationKind;
  category: NotificationCategory;
  title: string;
  body: string;
  /** Ids the client can link to (appointmentId, paymentId, ...). */
  data: Record<string, string>;
  createdAt: string;
  readAt: string | null;
}

export interface InboxQuery extends PageQuery {
  unreadOnly?: boolean;
}

export enum DeliveryStatus {
  /** Waiting in its channel's queue. */
  QUEUED = 'QUEUED',
  /** Held back by the recipient's quiet hours until `scheduledFor`. */
  DEFERRED = 'DEFERRED',
  /** An attempt failed; it will be retried (see `lastError`). */
  RETRYING = 'RETRYING',
  SENT = 'SENT',
  /** Every attempt failed: in the dead-letter queue, where an operator can replay it. */
  FAILED = 'FAILED',
  /** Deliberately not sent (see `reason`: preference off, no address, recipient deleted...). */
  SKIPPED = 'SKIPPED',
}

export interface DeliveryHistoryEntry {
  at: string;
  status: DeliveryStatus;
  reason: string | null;
}

/** The delivery log: one record per message (event x channel x recipient). */
export interface DeliveryView {
  id: string;
  userId: string;
  channel: NotificationChannel;
  kind: NotificationKind;
  category: NotificationCategory;
  /** Email address, or a masked phone number; null for push and in-app. */
  to: string | null;
  status: DeliveryStatus;
  /** Why it was skipped, or the last failure. */
  reason: string | null;
  attempts: number;
  sourceEventId: string;
  sourceEventType: string;
  scheduledFor: string | null;
  providerMessageId: string | null;
  history: DeliveryHistoryEntry[];
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
}

export interface DeliveryQuery extends PageQuery {
  userId?: string;
  channel?: NotificationChannel;
  status?: DeliveryStatus;
  kind?: NotificationKind;
  sourceEventId?: string;
}

/** A message whose every attempt failed, waiting for an operator. */
export interface DeadLetterView {
  /** The delivery id. */
  id: string;
  channel: NotificationChannel;
  userId: string;
  kind: NotificationKind;
  failedReason: string;
  attempts: number;
  failedAt: string;
}

export interface DeadLetterQuery extends PageQuery {
  channel?: NotificationChannel;
}

export interface ReplayDeadLetterResult {
  id: string;
  /** True when this call put the message back on its channel's queue. */
  requeued: boolean;
}

export interface QueueStatsView {
  queue: string;
  waiting: number;
  delayed: number;
  active: number;
  failed: number;
  /** Per-second rate limit of its worker, where it has one. */
  ratePerSecond: number | null;
}
