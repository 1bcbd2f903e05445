import type { NotificationKind } from '@telehealth/contracts';

export interface EmailTemplate {
  subject: string;
  /** Plain text; the HTML part is made from it by the layout. */
  text: string;
}
export interface TextTemplate {
  text: string;
}
export interface TitledTemplate {
  title: string;
  body: string;
}

/** One kind's templates: one per channel it is sent on. */
export interface KindTemplates {
  email?: EmailTemplate;
  sms?: TextTemplate;
  push?: TitledTemplate;
  inApp?: TitledTemplate;
}

/**
 * Words the variable builders put into messages (enum values, fallbacks), translated with the
 * templates so a whole message is in one language.
 */
export interface Terms {
  mode: { ONLINE: string; IN_CLINIC: string };
  cancelledBy: { PATIENT: string; DOCTOR: string; CLINIC: string; SYSTEM: string };
  /** What became of a booking request, after the doctor's name: declined, or left unanswered. */
  declined: { DOCTOR: string; CLINIC: string; SYSTEM: string };
  paymentFailure: { INSUFFICIENT_FUNDS: string; DECLINED: string; EXPIRED: string; ERROR: string };
  paymentMethod: { WALLET: string; CARD: string; INSURANCE: string; CASH: string };
  /** A consultation's call type, as an adjective ("your video consultation"). */
  callType: { VIDEO: string; AUDIO: string };
  /** Who did not join a missed consultation, told to the patient ... */
  absentToPatient: { PATIENT: string; DOCTOR: string; BOTH: string };
  /** ... and to the doctor. */
  absentToDoctor: { PATIENT: string; DOCTOR: string; BOTH: string };
  yourDoctor: string;
  aPatient: string;
  /** Who wrote from a provider organisation's side of a thread. */
  yourCareProvider: string;
  noReasonGiven: string;
  footer: string;
}

/** Everything one language needs. A locale may leave kinds out: English is the fallback. */
export interface LocaleTemplates {
  locale: string;
  terms: Terms;
  kinds: Partial<Record<NotificationKind, KindTemplates>>;
}

/** The fallback locale must have every kind. */
export interface CompleteLocaleTemplates extends LocaleTemplates {
  kinds: Record<NotificationKind, KindTemplates>;
}
