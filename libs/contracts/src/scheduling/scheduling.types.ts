import type { PageQuery } from '../common/pagination';

/** Money is integer minor units (kobo, cents) with an ISO 4217 currency. Never floats. */
export interface Money {
  amountMinor: number;
  currency: string;
}

export interface GeoPoint {
  lat: number;
  lng: number;
}

export enum ConsultationMode {
  IN_CLINIC = 'IN_CLINIC',
  ONLINE = 'ONLINE',
}

/** What an availability rule offers (seed 001 doctor_slots). */
export enum SlotMode {
  IN_CLINIC = 'IN_CLINIC',
  ONLINE = 'ONLINE',
  BOTH = 'BOTH',
}

export interface SpecialtyView {
  id: string;
  code: string;
  name: string;
  description: string | null;
  active: boolean;
}

/** Opening hours of one weekday (0 = Sunday ... 6 = Saturday) in the clinic's time zone. */
export interface OpeningHours {
  weekday: number;
  open: string; // HH:MM
  close: string; // HH:MM
}

export interface Address {
  line1: string;
  line2?: string | null;
  city: string;
  state?: string | null;
  country: string;
  postcode?: string | null;
}

export interface ClinicView {
  id: string;
  name: string;
  organisationId: string | null;
  address: Address;
  geo: GeoPoint;
  phone: string | null;
  email: string | null;
  timeZone: string;
  /** Days missing from the list are closed. */
  operatingHours: OpeningHours[];
  facilities: string[];
  active: boolean;
}

export interface DoctorClinicFee {
  clinicId: string;
  fee: Money;
}

/** Seed 001 doctors: the public profile patients search and book. */
export interface DoctorProfileView {
  id: string;
  userId: string | null;
  organisationId: string | null;
  firstName: string;
  lastName: string;
  title: string | null;
  bio: string | null;
  qualifications: string[];
  specializations: string[];
  specialtyCode: string | null;
  languages: string[];
  registrationNumber: string | null;
  yearsOfExperience: number;
  rating: { average: number; count: number };
  clinics: DoctorClinicFee[];
  baseFee: Money;
  cashless: boolean;
  insuranceAccepted: string[];
  requiresConfirmation: boolean;
  allowDirectBooking: boolean;
  availableOnline: boolean;
  availableOffline: boolean;
  /** For online-only availability (no clinic): the doctor's own time zone. */
  timeZone: string;
  active: boolean;
}

export interface AvailabilityRuleView {
  id: string;
  doctorId: string;
  /** Null for online-only rules (then the doctor's time zone applies). */
  clinicId: string | null;
  weekday: number;
  startTime: string; // HH:MM local
  endTime: string; // HH:MM local
  slotMinutes: number;
  maxPatients: number;
  fee: Money | null;
  mode: SlotMode;
  validFrom: string | null; // YYYY-MM-DD
  validTo: string | null;
  active: boolean;
}

export enum ExceptionKind {
  /** No slots in the period (or the whole day). */
  BLOCKED = 'BLOCKED',
  /** Extra hours on a date, as a one-off rule. */
  EXTRA = 'EXTRA',
}

export interface AvailabilityExceptionView {
  id: string;
  doctorId: string;
  clinicId: string | null;
  date: string; // YYYY-MM-DD local
  kind: ExceptionKind;
  startTime: string | null;
  endTime: string | null;
  slotMinutes: number | null;
  maxPatients: number | null;
  mode: SlotMode | null;
  reason: string | null;
}

/** A concrete bookable time: `id` is stable (doctor + UTC start), so it can be booked by id. */
export interface SlotView {
  id: string;
  doctorId: string;
  clinicId: string | null;
  mode: SlotMode;
  start: string; // ISO UTC
  end: string;
  timeZone: string;
  localDate: string;
  localStart: string; // HH:MM
  localEnd: string;
  fee: Money;
  capacity: number;
  booked: number;
  available: number;
}

export enum AppointmentStatus {
  PENDING_PAYMENT = 'PENDING_PAYMENT',
  PENDING_CONFIRMATION = 'PENDING_CONFIRMATION',
  CONFIRMED = 'CONFIRMED',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
  DECLINED = 'DECLINED',
  NO_SHOW = 'NO_SHOW',
  EXPIRED = 'EXPIRED',
}

/** States that hold a seat. */
export const ACTIVE_APPOINTMENT_STATUSES: AppointmentStatus[] = [
  AppointmentStatus.PENDING_PAYMENT,
  AppointmentStatus.PENDING_CONFIRMATION,
  AppointmentStatus.CONFIRMED,
  AppointmentStatus.IN_PROGRESS,
];

export enum CallPreference {
  VOICE = 'VOICE',
  VIDEO = 'VIDEO',
  BOTH = 'BOTH',
}

export enum PaymentStatus {
  PENDING = 'PENDING',
  PAID = 'PAID',
  NOT_REQUIRED = 'NOT_REQUIRED',
  REFUNDED = 'REFUNDED',
  FAILED = 'FAILED',
  /** Added in 1.3: the booking ended before its fee was captured; a held fee was released. */
  VOIDED = 'VOIDED',
}

export enum CancelledBy {
  PATIENT = 'PATIENT',
  DOCTOR = 'DOCTOR',
  CLINIC = 'CLINIC',
  SYSTEM = 'SYSTEM',
}

export interface AppointmentView {
  id: string;
  /** Human-readable, e.g. APT20250928001. */
  number: string;
  patientId: string;
  dependentId: string | null;
  doctorId: string;
  clinicId: string | null;
  mode: ConsultationMode;
  slotId: string;
  start: string;
  end: string;
  timeZone: string;
  status: AppointmentStatus;
  reason: string | null;
  symptoms: string | null;
  contactNumber: string | null;
  callPreference: CallPreference | null;
  /** `room-{appointmentId}` for online appointments (seed 000). */
  roomId: string | null;
  payment: {
    status: PaymentStatus;
    amount: Money;
    coveredByInsurance: boolean;
    reference: string | null;
    /** Added in 1.1. */
    method: 'WALLET' | 'CARD';
  };
  holdExpiresAt: string | null;
  /**
   * While PENDING_CONFIRMATION: when the request is declined if the doctor has not answered
   * (the held fee is then released). Null otherwise. Added in 1.2.
   */
  confirmBy: string | null;
  cancellation: { by: CancelledBy; reason: string; at: string } | null;
  /** A prescription was issued for it (teleconsultation's prescription.issued). Added in 1.5. */
  hasPrescription: boolean;
  /** The first prescription issued for it. Added in 1.5. */
  prescriptionId: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface BookAppointmentRequest {
  /** From the `Idempotency-Key` header: a retry with the same key returns the first booking. */
  idempotencyKey?: string;
  slotId: string;
  mode: ConsultationMode;
  clinicId?: string;
  dependentId?: string;
  reason?: string;
  symptoms?: string;
  contactNumber?: string;
  callPreference?: CallPreference;
  /** WALLET (default): the fee is held on the wallet. CARD: paid through a provider checkout. */
  paymentMethod?: 'WALLET' | 'CARD';
}

export interface AppointmentQuery extends PageQuery {
  status?: AppointmentStatus;
  from?: string;
  to?: string;
  doctorId?: string;
  patientId?: string;
}

export interface TransitionRequest {
  id: string;
  reason?: string;
}

export interface RescheduleRequest {
  id: string;
  slotId: string;
}

export interface SlotQuery {
  doctorId: string;
  from: string; // YYYY-MM-DD
  to: string;
  mode?: SlotMode;
  clinicId?: string;
}

/** The optional aspects a patient may rate besides the overall rating (seeds 002/003), each 1-5. */
export const REVIEW_FACETS = ['punctuality', 'communication', 'facilities', 'staff', 'value'] as const;
export type ReviewFacet = (typeof REVIEW_FACETS)[number];
export type ReviewFacets = Partial<Record<ReviewFacet, number>>;

/** A patient's review of a completed appointment, as its author and admins see it. */
export interface ReviewView {
  id: string;
  appointmentId: string;
  doctorId: string;
  patientId: string;
  /** 1-5. */
  overall: number;
  facets: ReviewFacets;
  text: string | null;
  /** Listed publicly and counted in the doctor's rating (admins may unpublish). */
  published: boolean;
  submittedAt: string;
  updatedAt: string;
}

/** A review in a doctor's public list: who wrote it and for which appointment is not shown. */
export type PublicReviewView = Omit<ReviewView, 'patientId' | 'appointmentId' | 'published'>;

export interface SubmitReviewRequest {
  appointmentId: string;
  overall: number;
  facets?: ReviewFacets;
  text?: string;
}

export interface DoctorReviewsQuery extends PageQuery {
  doctorId: string;
}

export interface SetReviewPublishedRequest {
  id: string;
  published: boolean;
}
