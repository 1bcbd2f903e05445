import { defineEvent } from '../common/contract';
import type {
  AppointmentStatus,
  CallPreference,
  CancelledBy,
  ConsultationMode,
  Money,
  OpeningHours,
  ReviewFacets,
  SlotMode,
} from './scheduling.types';

/** What every appointment event carries: enough to notify, bill and schedule without a lookup. */
export interface AppointmentEventBase {
  appointmentId: string;
  number: string;
  patientId: string;
  dependentId: string | null;
  doctorId: string;
  clinicId: string | null;
  mode: ConsultationMode;
  start: string;
  end: string;
  timeZone: string;
  status: AppointmentStatus;
  fee: Money;
  /** How an online patient prefers to talk (VOICE: an audio-only consultation). Added in 1.4. */
  callPreference?: CallPreference | null;
  /**
   * The provider organisation of the appointment's doctor (null: an independent doctor), whose
   * staff see the booking. Added in 1.4.
   */
  organisationId?: string | null;
}

export interface AppointmentHeldV1 extends AppointmentEventBase {
  holdExpiresAt: string;
  /** How the patient chose to pay (added in 1.1; absent means WALLET). */
  paymentMethod?: 'WALLET' | 'CARD';
}
export type AppointmentConfirmedV1 = AppointmentEventBase;
export interface AppointmentCancelledV1 extends AppointmentEventBase {
  cancelledBy: CancelledBy;
  reason: string;
  /**
   * The status it was cancelled from (added in 1.2; absent: unknown). Tells a subscriber that
   * handles events out of order whether the appointment had been confirmed, and so paid.
   */
  previousStatus?: AppointmentStatus;
}
export interface AppointmentRescheduledV1 extends AppointmentEventBase {
  previousStart: string;
  previousEnd: string;
  previousSlotId: string;
}
export interface AppointmentDeclinedV1 extends AppointmentEventBase {
  /**
   * Added in 1.2 (absent: the doctor). `SYSTEM`: nobody answered the request by its deadline
   * (`reason` says so); `CLINIC`: the clinic's staff or an admin.
   */
  declinedBy?: CancelledBy;
  reason?: string;
}
export type AppointmentStartedV1 = AppointmentEventBase;
export type AppointmentCompletedV1 = AppointmentEventBase;
export type AppointmentNoShowV1 = AppointmentEventBase;
export type AppointmentHoldExpiredV1 = AppointmentEventBase;

/** A doctor's public profile was created (a draft for a new DOCTOR account, or by an upsert) or edited. */
export interface DoctorProfileChangedV1 {
  doctorProfileId: string;
  userId: string | null;
  organisationId: string | null;
  change: 'CREATED' | 'UPDATED';
  /** Public field names that changed (every field on CREATED); never their previous values. */
  changedFields: string[];
  firstName: string;
  lastName: string;
  specialtyCode: string | null;
  baseFee: Money;
  availableOnline: boolean;
  availableOffline: boolean;
  /** Whether the profile is listed and bookable. */
  active: boolean;
}

/** A clinic was added or edited (added in 1.3). */
export interface ClinicChangedV1 {
  clinicId: string;
  organisationId: string | null;
  change: 'CREATED' | 'UPDATED';
  /** Field names set by this change (every field on CREATED); never their previous values. */
  changedFields: string[];
  name: string;
  city: string;
  country: string;
  timeZone: string;
  operatingHours: OpeningHours[];
  /** Listed and usable for availability and bookings. */
  active: boolean;
}

/** A specialty was added or edited by an admin (added in 1.3). */
export interface SpecialtyChangedV1 {
  specialtyId: string;
  change: 'CREATED' | 'UPDATED';
  changedFields: string[];
  code: string;
  name: string;
  active: boolean;
}

/** A doctor's weekly availability rule was added, edited or removed (added in 1.3). */
export interface AvailabilityRuleChangedV1 {
  ruleId: string;
  doctorId: string;
  change: 'CREATED' | 'UPDATED' | 'REMOVED';
  changedFields: string[];
  clinicId: string | null;
  weekday: number;
  startTime: string;
  endTime: string;
  slotMinutes: number;
  maxPatients: number;
  /** Null: the doctor's fee at the clinic, or their base fee. */
  fee: Money | null;
  mode: SlotMode;
  validFrom: string | null;
  validTo: string | null;
  /** False once removed. */
  active: boolean;
}

/** A patient reviewed a completed appointment (published at once; counted in the doctor's rating). */
export interface ReviewSubmittedV1 {
  reviewId: string;
  appointmentId: string;
  doctorId: string;
  patientId: string;
  overall: number;
  facets: ReviewFacets;
  submittedAt: string;
}

/** An admin unpublished (hid) or republished a review. */
export interface ReviewVisibilityChangedV1 {
  reviewId: string;
  appointmentId: string;
  doctorId: string;
  published: boolean;
  changedBy: string;
  changedAt: string;
}

export const SchedulingEvents = {
  appointmentHeld: defineEvent<AppointmentHeldV1>(
    'scheduling',
    'appointment.held',
    1,
    'A seat is held for a booking that waits for payment (or was free and is confirmed next).',
  ),
  appointmentConfirmed: defineEvent<AppointmentConfirmedV1>(
    'scheduling',
    'appointment.confirmed',
    1,
    'The appointment is paid (or free) and, where needed, accepted by the doctor.',
  ),
  appointmentDeclined: defineEvent<AppointmentDeclinedV1>(
    'scheduling',
    'appointment.declined',
    1,
    'The doctor declined a booking request; its seat is free again.',
  ),
  appointmentCancelled: defineEvent<AppointmentCancelledV1>(
    'scheduling',
    'appointment.cancelled',
    1,
    'Cancelled by the patient, doctor, clinic or system; its seat is free again.',
  ),
  appointmentRescheduled: defineEvent<AppointmentRescheduledV1>(
    'scheduling',
    'appointment.rescheduled',
    1,
    'Moved to another slot; the previous seat is free again.',
  ),
  appointmentStarted: defineEvent<AppointmentStartedV1>(
    'scheduling',
    'appointment.started',
    1,
    'The consultation began.',
  ),
  appointmentCompleted: defineEvent<AppointmentCompletedV1>(
    'scheduling',
    'appointment.completed',
    1,
    'The consultation ended.',
  ),
  appointmentNoShow: defineEvent<AppointmentNoShowV1>(
    'scheduling',
    'appointment.no-show',
    1,
    'The patient did not attend.',
  ),
  appointmentHoldExpired: defineEvent<AppointmentHoldExpiredV1>(
    'scheduling',
    'appointment.hold-expired',
    1,
    'Not paid in time: the booking lapsed and its seat is free again.',
  ),
  doctorProfileChanged: defineEvent<DoctorProfileChangedV1>(
    'scheduling',
    'doctor.profile-changed',
    1,
    "A doctor's public profile was created or edited (search listings, fees, booking settings).",
  ),
  clinicChanged: defineEvent<ClinicChangedV1>(
    'scheduling',
    'clinic.changed',
    1,
    'A clinic was added or edited (name, address, time zone, opening hours, listed or not).',
  ),
  specialtyChanged: defineEvent<SpecialtyChangedV1>(
    'scheduling',
    'specialty.changed',
    1,
    'A specialty was added, renamed, retired or brought back.',
  ),
  availabilityRuleChanged: defineEvent<AvailabilityRuleChangedV1>(
    'scheduling',
    'availability-rule.changed',
    1,
    "A doctor's weekly availability rule was added, edited or removed: their slots changed.",
  ),
  reviewSubmitted: defineEvent<ReviewSubmittedV1>(
    'scheduling',
    'review.submitted',
    1,
    "A patient reviewed a completed appointment; the doctor's rating is recomputed.",
  ),
  reviewVisibilityChanged: defineEvent<ReviewVisibilityChangedV1>(
    'scheduling',
    'review.visibility-changed',
    1,
    "An admin unpublished or republished a review; the doctor's rating is recomputed.",
  ),
} as const;
