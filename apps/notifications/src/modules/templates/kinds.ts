import {
  NotificationCategory,
  NotificationChannel,
  NotificationKind,
  TRANSACTIONAL_CATEGORIES,
  type OrganisationPreferences,
} from '@telehealth/contracts';

const { EMAIL, SMS, PUSH, IN_APP } = NotificationChannel;

export interface KindSpec {
  category: NotificationCategory;
  /** The channels this kind is sent on (each has a template in every locale). */
  channels: NotificationChannel[];
  /** Urgent messages ignore quiet hours (time-bound: codes, reminders, changes to plans). */
  urgent: boolean;
  /** For messages to a doctor of a provider organisation: the organisation setting that gates them (seed 002). */
  organisationGate?: keyof OrganisationPreferences;
}

/** What each kind of message is, and where it goes. */
export const KIND_SPECS: Record<NotificationKind, KindSpec> = {
  [NotificationKind.WELCOME]: { category: NotificationCategory.ACCOUNT, channels: [EMAIL, IN_APP], urgent: false },
  [NotificationKind.EMAIL_VERIFICATION]: { category: NotificationCategory.SECURITY, channels: [EMAIL], urgent: true },
  [NotificationKind.PASSWORD_RESET]: { category: NotificationCategory.SECURITY, channels: [EMAIL], urgent: true },
  [NotificationKind.PASSWORD_CHANGED]: {
    category: NotificationCategory.SECURITY,
    channels: [EMAIL, IN_APP],
    urgent: true,
  },
  [NotificationKind.APPOINTMENT_HELD]: {
    category: NotificationCategory.APPOINTMENTS,
    channels: [EMAIL, PUSH, IN_APP],
    urgent: true,
  },
  [NotificationKind.APPOINTMENT_CONFIRMED]: {
    category: NotificationCategory.APPOINTMENTS,
    channels: [EMAIL, SMS, PUSH, IN_APP],
    urgent: false,
  },
  [NotificationKind.APPOINTMENT_DECLINED]: {
    category: NotificationCategory.APPOINTMENTS,
    channels: [EMAIL, PUSH, IN_APP],
    urgent: true,
  },
  [NotificationKind.APPOINTMENT_CANCELLED]: {
    category: NotificationCategory.APPOINTMENTS,
    channels: [EMAIL, SMS, PUSH, IN_APP],
    urgent: true,
  },
  [NotificationKind.APPOINTMENT_RESCHEDULED]: {
    category: NotificationCategory.APPOINTMENTS,
    channels: [EMAIL, SMS, PUSH, IN_APP],
    urgent: true,
  },
  [NotificationKind.APPOINTMENT_HOLD_EXPIRED]: {
    category: NotificationCategory.APPOINTMENTS,
    channels: [EMAIL, IN_APP],
    urgent: false,
  },
  [NotificationKind.APPOINTMENT_REMINDER]: {
    category: NotificationCategory.REMINDERS,
    channels: [EMAIL, SMS, PUSH, IN_APP],
    urgent: true,
  },
  [NotificationKind.PAYMENT_RECEIPT]: {
    category: NotificationCategory.PAYMENTS,
    channels: [EMAIL, IN_APP],
    urgent: false,
  },
  [NotificationKind.PAYMENT_FAILED]: {
    category: NotificationCategory.PAYMENTS,
    channels: [EMAIL, PUSH, IN_APP],
    urgent: true,
  },
  [NotificationKind.REFUND_ISSUED]: {
    category: NotificationCategory.PAYMENTS,
    channels: [EMAIL, IN_APP],
    urgent: false,
  },
  [NotificationKind.WALLET_TOPPED_UP]: {
    category: NotificationCategory.PAYMENTS,
    channels: [EMAIL, IN_APP],
    urgent: false,
  },
  [NotificationKind.TOP_UP_FAILED]: {
    category: NotificationCategory.PAYMENTS,
    channels: [EMAIL, IN_APP],
    urgent: false,
  },
  [NotificationKind.DOCTOR_BOOKING_CONFIRMED]: {
    category: NotificationCategory.APPOINTMENTS,
    channels: [EMAIL, IN_APP],
    urgent: false,
    organisationGate: 'schedule',
  },
  [NotificationKind.DOCTOR_BOOKING_CANCELLED]: {
    category: NotificationCategory.APPOINTMENTS,
    channels: [EMAIL, IN_APP],
    urgent: true,
    organisationGate: 'schedule',
  },
  [NotificationKind.REVIEW_RECEIVED]: {
    category: NotificationCategory.REVIEWS,
    channels: [EMAIL, IN_APP],
    urgent: false,
    organisationGate: 'review',
  },
  // Online consultations (teleconsultation's events). Those in the call's own minutes (the other
  // side is waiting, you are admitted) are urgent and go where they are seen at once.
  [NotificationKind.CONSULTATION_SCHEDULED]: {
    category: NotificationCategory.APPOINTMENTS,
    channels: [EMAIL, PUSH, IN_APP],
    urgent: false,
  },
  [NotificationKind.CONSULTATION_REMINDER]: {
    category: NotificationCategory.REMINDERS,
    channels: [EMAIL, SMS, PUSH, IN_APP],
    urgent: true,
  },
  [NotificationKind.CONSULTATION_DOCTOR_WAITING]: {
    category: NotificationCategory.APPOINTMENTS,
    channels: [SMS, PUSH, IN_APP],
    urgent: true,
  },
  [NotificationKind.CONSULTATION_ADMITTED]: {
    category: NotificationCategory.APPOINTMENTS,
    channels: [PUSH, IN_APP],
    urgent: true,
  },
  [NotificationKind.CONSULTATION_ENDED]: {
    category: NotificationCategory.APPOINTMENTS,
    channels: [EMAIL, IN_APP],
    urgent: false,
  },
  [NotificationKind.CONSULTATION_MISSED]: {
    category: NotificationCategory.APPOINTMENTS,
    channels: [EMAIL, PUSH, IN_APP],
    urgent: false,
  },
  /** Not gated by the organisation: a patient in the lobby waits for this doctor now. */
  [NotificationKind.DOCTOR_PATIENT_WAITING]: {
    category: NotificationCategory.APPOINTMENTS,
    channels: [EMAIL, PUSH, IN_APP],
    urgent: true,
  },
  [NotificationKind.DOCTOR_CONSULTATION_MISSED]: {
    category: NotificationCategory.APPOINTMENTS,
    channels: [EMAIL, IN_APP],
    urgent: false,
    organisationGate: 'schedule',
  },
  /** A new secure message, to the other side of the thread: never its text; waits out quiet hours. */
  [NotificationKind.THREAD_MESSAGE]: {
    category: NotificationCategory.MESSAGES,
    channels: [EMAIL, PUSH, IN_APP],
    urgent: false,
  },
  // Prescriptions (teleconsultation's events): what it is, never what it prescribes.
  [NotificationKind.PRESCRIPTION_ISSUED]: {
    category: NotificationCategory.APPOINTMENTS,
    channels: [EMAIL, PUSH, IN_APP],
    urgent: false,
  },
  [NotificationKind.PRESCRIPTION_CANCELLED]: {
    category: NotificationCategory.APPOINTMENTS,
    channels: [EMAIL, PUSH, IN_APP],
    urgent: false,
  },
};

export const isTransactional = (kind: NotificationKind): boolean =>
  TRANSACTIONAL_CATEGORIES.includes(KIND_SPECS[kind].category);
