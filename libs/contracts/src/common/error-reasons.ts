import { ErrorCode } from './errors';
import { AppointmentStatus } from '../scheduling/scheduling.types';
import { ConsultationStatus } from '../teleconsultation/teleconsultation.types';

/** `httpStatus` only where the gateway answers a status no error code maps to. */
type Entry = { code: ErrorCode; meaning: string; httpStatus?: number };
const { VALIDATION_FAILED, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, PAYLOAD_TOO_LARGE } = ErrorCode;
const { UNPROCESSABLE, RATE_LIMITED, UNAVAILABLE } = ErrorCode;

/** Reasons any route can answer: the gateway's own and the generic ones of every service. */
const GENERAL = {
  VALIDATION_FAILED: {
    code: VALIDATION_FAILED,
    meaning:
      'A field is missing, malformed or not acceptable (checked by the gateway or by the owning service); `details` names each field and problem.',
  },
  INVALID_INPUT: {
    code: VALIDATION_FAILED,
    meaning: 'Deprecated, no longer sent: field problems answer `VALIDATION_FAILED`. Kept so existing clients compile.',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: VALIDATION_FAILED, meaning: 'The body is not valid JSON.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: VALIDATION_FAILED,
    httpStatus: 415,
    meaning: 'The Content-Type is not supported (send application/json).',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: PAYLOAD_TOO_LARGE, meaning: 'The body is larger than the limit.' },
  INVALID_ACCESS_TOKEN: { code: UNAUTHENTICATED, meaning: 'The access token is missing, invalid, expired or revoked.' },
  UNAUTHENTICATED: { code: UNAUTHENTICATED, meaning: 'The caller is not signed in.' },
  FORBIDDEN: { code: FORBIDDEN, meaning: "The caller's role or relationship does not allow this." },
  NOT_FOUND: { code: NOT_FOUND, meaning: 'No such object, or not visible to the caller.' },
  RATE_LIMITED: { code: RATE_LIMITED, meaning: 'Too many requests; wait for Retry-After.' },
  UPSTREAM_TIMEOUT: { code: UNAVAILABLE, meaning: 'A service did not answer in time; retry after Retry-After.' },
  UPSTREAM_UNAVAILABLE: { code: UNAVAILABLE, meaning: 'A service is not reachable; retry after Retry-After.' },
  IDEMPOTENCY_KEY_REUSED: {
    code: UNPROCESSABLE,
    meaning: 'This Idempotency-Key was already used with a different request body.',
  },
  IN_PROGRESS: {
    code: CONFLICT,
    meaning: 'A request with this Idempotency-Key is still being processed; retry shortly.',
  },
  CONCURRENT_CHANGE: { code: CONFLICT, meaning: 'The object changed at the same moment; reload it and retry.' },
} satisfies Record<string, Entry>;

const IDENTITY = {
  EMAIL_TAKEN: { code: CONFLICT, meaning: 'An account with this email already exists.' },
  WEAK_PASSWORD: { code: VALIDATION_FAILED, meaning: 'The password does not meet the password policy.' },
  INVALID_CREDENTIALS: { code: UNAUTHENTICATED, meaning: 'Email or password is incorrect.' },
  ACCOUNT_LOCKED: { code: RATE_LIMITED, meaning: 'Too many failed logins; the account is locked until Retry-After.' },
  ACCOUNT_INACTIVE: { code: UNAUTHENTICATED, meaning: 'The account was deleted or disabled.' },
  INVALID_REFRESH_TOKEN: { code: UNAUTHENTICATED, meaning: 'The refresh token is malformed, expired or revoked.' },
  REFRESH_TOKEN_REUSED: {
    code: UNAUTHENTICATED,
    meaning: 'A used refresh token was presented again; the whole session was revoked.',
  },
  INVALID_CODE: { code: VALIDATION_FAILED, meaning: 'The email verification code is wrong or expired.' },
  INVALID_TOKEN: { code: VALIDATION_FAILED, meaning: 'The password reset token is invalid, used or expired.' },
  INTERNAL_ONLY: { code: FORBIDDEN, meaning: 'Only other services (or an admin) may call this.' },
  SELF_DEMOTION: { code: CONFLICT, meaning: 'An admin cannot remove their own ADMIN role.' },
  SELF_DELETION: { code: CONFLICT, meaning: 'An admin cannot delete their own account here.' },
  TOO_MANY_DEPENDENTS: { code: CONFLICT, meaning: 'The account already has the most dependents allowed.' },
} satisfies Record<string, Entry>;

const SCHEDULING = {
  SLOT_NOT_OFFERED: {
    code: VALIDATION_FAILED,
    meaning: 'The slot is not open for booking (taken down, too soon or too far ahead).',
  },
  SLOT_FULL: { code: CONFLICT, meaning: 'Every seat of the slot is booked.' },
  DAILY_CAP_REACHED: { code: CONFLICT, meaning: 'The doctor takes no more appointments that day.' },
  AVAILABILITY_CHANGED: {
    code: CONFLICT,
    meaning: "The doctor's availability changed while booking; reload the slots and retry.",
  },
  CUTOFF_PASSED: {
    code: UNPROCESSABLE,
    meaning: 'Too close to the start to cancel or reschedule online; contact the clinic.',
  },
  WOULD_STRAND_BOOKINGS: {
    code: CONFLICT,
    meaning: 'The change would leave booked appointments outside availability; `details` lists them.',
  },
  RULE_OVERLAP: { code: CONFLICT, meaning: 'The availability rule overlaps another of the same doctor.' },
  SPECIALTY_CODE_TAKEN: { code: CONFLICT, meaning: 'Another specialty has this code.' },
  NOT_YOUR_ORGANISATION: {
    code: FORBIDDEN,
    meaning: "Provider staff may act only for their own organisation's clinics.",
  },
  ALREADY_REVIEWED: { code: CONFLICT, meaning: 'This appointment already has a review.' },
  APPOINTMENT_NOT_COMPLETED: { code: CONFLICT, meaning: 'Only a completed appointment can be reviewed.' },
} satisfies Record<string, Entry>;

type LifecycleStatus = AppointmentStatus | ConsultationStatus;
const LIFECYCLE_STATUSES = [
  ...new Set<LifecycleStatus>([...Object.values(AppointmentStatus), ...Object.values(ConsultationStatus)]),
];

/** `ILLEGAL_TRANSITION_FROM_<status>`: the appointment's (or consultation's) status does not allow the action. */
const ILLEGAL_TRANSITIONS = Object.fromEntries(
  LIFECYCLE_STATUSES.map((s) => [
    `ILLEGAL_TRANSITION_FROM_${s}`,
    { code: CONFLICT, meaning: `The action is not allowed while the appointment (or consultation) is ${s}.` },
  ]),
) as Record<`ILLEGAL_TRANSITION_FROM_${LifecycleStatus}`, Entry>;

const WALLET = {
  INSUFFICIENT_FUNDS: { code: UNPROCESSABLE, meaning: 'The wallet’s available balance does not cover the amount.' },
  NOTHING_HELD: { code: CONFLICT, meaning: 'There is no such hold on the wallet to settle.' },
  WALLET_BUSY: { code: UNAVAILABLE, meaning: 'The wallet is taking many postings at once; retry after Retry-After.' },
  TOP_UP_SETTLED: { code: CONFLICT, meaning: 'The top-up has already succeeded, failed or expired.' },
  EMAIL_REQUIRED: { code: UNPROCESSABLE, meaning: 'The payment provider needs the payer’s email address.' },
  IDENTITY_UNAVAILABLE: { code: UNAVAILABLE, meaning: 'The payer’s details cannot be read right now; retry shortly.' },
  PROVIDER_DISABLED: { code: UNAVAILABLE, meaning: 'That payment provider is not enabled on this platform.' },
  PROVIDER_REJECTED: { code: UNPROCESSABLE, meaning: 'The payment provider refused the payment.' },
  PROVIDER_UNAVAILABLE: { code: UNAVAILABLE, meaning: 'The payment provider cannot be reached; retry shortly.' },
  WEBHOOK_SIGNATURE_INVALID: { code: VALIDATION_FAILED, meaning: 'The webhook signature is missing or wrong.' },
  WEBHOOK_BODY_INVALID: { code: VALIDATION_FAILED, meaning: 'The webhook body is not what the provider sends.' },
} satisfies Record<string, Entry>;

const TELECONSULTATION = {
  TOO_EARLY: { code: UNPROCESSABLE, meaning: 'The join window has not opened yet; the message says when it does.' },
  SESSION_ENDED: {
    code: CONFLICT,
    meaning: 'The consultation is over (completed, missed or cancelled) or its join window has closed.',
  },
  ALREADY_RATED: { code: CONFLICT, meaning: 'This side has already given feedback on the consultation.' },
  REQUEST_NOT_OPEN: {
    code: CONFLICT,
    meaning: 'The on-demand request was already taken by a doctor, expired, withdrawn, or is not paid yet.',
  },
  REASON_REQUIRED: {
    code: VALIDATION_FAILED,
    meaning: "An admin reading a patient's clinical data must state why (X-Access-Reason); the patient sees it.",
  },
  APPOINTMENT_NOT_ACTIVE: {
    code: CONFLICT,
    meaning:
      'The appointment was not confirmed, or was cancelled, declined or missed: nothing clinical is written for it.',
  },
  NOTE_EXISTS: { code: CONFLICT, meaning: 'The appointment already has a note; edit that one.' },
  NOTE_SIGNED: { code: CONFLICT, meaning: 'The note is signed and final; correct it with an addendum.' },
  NOTE_NOT_SIGNED: { code: CONFLICT, meaning: 'A draft note is edited, not amended; sign it first.' },
  NOTE_INCOMPLETE: { code: UNPROCESSABLE, meaning: 'A note needs an assessment or a diagnosis before it is signed.' },
  RECORDING_CONSENT_REQUIRED: {
    code: UNPROCESSABLE,
    meaning: 'The patient has not consented to call recording (consent CALL_RECORDING).',
  },
} satisfies Record<string, Entry>;

/** Files on object storage (libs/storage), wherever a service keeps them. */
const FILES = {
  FILE_TYPE_NOT_ALLOWED: {
    code: VALIDATION_FAILED,
    meaning: 'The declared type is not one the purpose accepts; `details` names `contentType` and lists the types.',
  },
  FILE_TOO_LARGE: {
    code: VALIDATION_FAILED,
    meaning: "The declared size is over the purpose's limit; `details` names `size` and gives the limit.",
  },
  FILE_NOT_UPLOADED: {
    code: CONFLICT,
    meaning: 'Nothing was uploaded to the upload URL yet: PUT the bytes there, then confirm.',
  },
  FILE_CONTENT_REJECTED: {
    code: UNPROCESSABLE,
    meaning:
      'The uploaded bytes are not of the declared type (sniffed from the bytes) or size; the object was deleted. Request a new upload.',
  },
  FILE_NOT_READY: { code: CONFLICT, meaning: 'The file is not confirmed (still uploading, or refused).' },
  FILE_IN_USE: { code: CONFLICT, meaning: 'The file is attached to something (a message, a record) and stays.' },
  FILE_PURPOSE_MISMATCH: {
    code: VALIDATION_FAILED,
    meaning: 'The file was uploaded for a purpose this use does not accept; `details` names the field.',
  },
} satisfies Record<string, Entry>;

const PRESCRIPTIONS = {
  PRESCRIPTION_SIGNED: {
    code: CONFLICT,
    meaning: 'The prescription is signed: it can no longer be edited or signed again.',
  },
  PRESCRIPTION_CANCELLED: { code: CONFLICT, meaning: 'The prescription was cancelled: it can no longer change.' },
  PRESCRIPTION_NOT_SIGNED: { code: CONFLICT, meaning: 'The prescription is a draft: sign it first (print, verify).' },
  PRESCRIPTION_KIND: {
    code: CONFLICT,
    meaning: 'The action does not apply to this kind of prescription (structured or uploaded).',
  },
} satisfies Record<string, Entry>;

const NOTIFICATIONS = {
  TRANSACTIONAL: { code: VALIDATION_FAILED, meaning: 'Security and payment messages cannot be switched off.' },
} satisfies Record<string, Entry>;

/**
 * Every machine-readable `reason` an error body can carry, with the error code (HTTP status) it
 * comes with and what it means. Clients branch on the reason; the message is for people. A service
 * raises only reasons listed here (DomainError's types say so), the OpenAPI document lists them in
 * the error body's schema, and docs/errors.md is checked against this table by a test. Adding a
 * reason is backwards compatible; renaming or removing one is not.
 */
export const ERROR_REASONS = {
  ...GENERAL,
  ...IDENTITY,
  ...SCHEDULING,
  ...ILLEGAL_TRANSITIONS,
  ...WALLET,
  ...TELECONSULTATION,
  ...FILES,
  ...PRESCRIPTIONS,
  ...NOTIFICATIONS,
};

export type ErrorReason = keyof typeof ERROR_REASONS;

export const isErrorReason = (value: unknown): value is ErrorReason =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_REASONS, value);
