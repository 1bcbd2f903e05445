import { defineRpc } from '../common/contract';
import type { Page, PageQuery } from '../common/pagination';
import type {
  AppointmentQuery,
  AppointmentView,
  AvailabilityExceptionView,
  AvailabilityRuleView,
  BookAppointmentRequest,
  ClinicView,
  DoctorProfileView,
  DoctorReviewsQuery,
  PublicReviewView,
  RescheduleRequest,
  ReviewView,
  SetReviewPublishedRequest,
  SlotQuery,
  SlotView,
  SpecialtyView,
  SubmitReviewRequest,
  TransitionRequest,
} from './scheduling.types';

type ById = { id: string };
type Ack = { ok: true };

export type CreateSpecialtyRequest = Omit<SpecialtyView, 'id' | 'active'>;
export type UpdateSpecialtyRequest = ById & Partial<Omit<SpecialtyView, 'id'>>;
export type CreateClinicRequest = Omit<ClinicView, 'id' | 'active'>;
export type UpdateClinicRequest = ById & Partial<Omit<ClinicView, 'id'>>;
export type UpsertDoctorProfileRequest = Partial<Omit<DoctorProfileView, 'id' | 'rating' | 'userId'>> & { id: string };
export type CreateRuleRequest = Omit<AvailabilityRuleView, 'id' | 'active'>;
/** `doctorId`, when given, is the doctor the record must belong to (404 otherwise). */
type OfDoctor = { doctorId?: string };
export type UpdateRuleRequest = ById & OfDoctor & Partial<Omit<AvailabilityRuleView, 'id' | 'doctorId'>>;
export type CreateExceptionRequest = Omit<AvailabilityExceptionView, 'id'>;

export interface DoctorSearchQuery extends PageQuery {
  specialty?: string;
  city?: string;
  near?: { lat: number; lng: number; radiusKm?: number };
  online?: boolean;
  offline?: boolean;
  language?: string;
  insurance?: string;
  minFee?: number;
  maxFee?: number;
  /** YYYY-MM-DD: only doctors with a free slot that day. */
  freeOn?: string;
  sort?: 'distance' | 'rating' | 'fee' | 'soonest';
}

/** A change to availability that would strand booked appointments is refused; these are they. */
export interface AffectedBookings {
  appointmentIds: string[];
}

export const SchedulingRpc = {
  createSpecialty: defineRpc<CreateSpecialtyRequest, SpecialtyView>(
    'scheduling',
    'specialties.create',
    1,
    'Admin adds a specialty.',
  ),
  updateSpecialty: defineRpc<UpdateSpecialtyRequest, SpecialtyView>(
    'scheduling',
    'specialties.update',
    1,
    'Admin edits a specialty.',
  ),
  listSpecialties: defineRpc<PageQuery, Page<SpecialtyView>>(
    'scheduling',
    'specialties.list',
    1,
    'Active specialties.',
  ),

  createClinic: defineRpc<CreateClinicRequest, ClinicView>(
    'scheduling',
    'clinics.create',
    1,
    'Admin or organisation staff add a clinic.',
  ),
  updateClinic: defineRpc<UpdateClinicRequest, ClinicView>('scheduling', 'clinics.update', 1, 'Edit a clinic.'),
  getClinic: defineRpc<ById, ClinicView>('scheduling', 'clinics.get', 1, 'One clinic.'),
  listClinics: defineRpc<PageQuery & { city?: string; organisationId?: string }, Page<ClinicView>>(
    'scheduling',
    'clinics.list',
    1,
    'Clinics.',
  ),

  upsertDoctorProfile: defineRpc<UpsertDoctorProfileRequest, DoctorProfileView>(
    'scheduling',
    'doctors.upsert',
    1,
    'The doctor, their organisation staff or an admin edit a profile.',
  ),
  getDoctor: defineRpc<ById, DoctorProfileView>('scheduling', 'doctors.get', 1, 'One public doctor profile.'),
  searchDoctors: defineRpc<
    DoctorSearchQuery,
    Page<DoctorProfileView & { distanceKm?: number | null; nextFreeSlot?: string | null }>
  >('scheduling', 'doctors.search', 1, 'Doctor search.'),

  createRule: defineRpc<CreateRuleRequest, AvailabilityRuleView>(
    'scheduling',
    'availability.rules.create',
    1,
    'Adds a weekly availability rule.',
  ),
  updateRule: defineRpc<UpdateRuleRequest, AvailabilityRuleView>(
    'scheduling',
    'availability.rules.update',
    1,
    'Edits a rule (refused if booked appointments would be stranded).',
  ),
  removeRule: defineRpc<ById & OfDoctor, Ack>(
    'scheduling',
    'availability.rules.remove',
    1,
    'Deactivates a rule (refused if booked appointments would be stranded).',
  ),
  listRules: defineRpc<{ doctorId: string }, AvailabilityRuleView[]>(
    'scheduling',
    'availability.rules.list',
    1,
    "A doctor's rules.",
  ),
  createException: defineRpc<CreateExceptionRequest, AvailabilityExceptionView>(
    'scheduling',
    'availability.exceptions.create',
    1,
    'Blocks a period or adds extra hours.',
  ),
  removeException: defineRpc<ById & OfDoctor, Ack>(
    'scheduling',
    'availability.exceptions.remove',
    1,
    'Removes an exception.',
  ),
  listExceptions: defineRpc<{ doctorId: string; from?: string; to?: string }, AvailabilityExceptionView[]>(
    'scheduling',
    'availability.exceptions.list',
    1,
    "A doctor's exceptions.",
  ),
  listSlots: defineRpc<SlotQuery, SlotView[]>(
    'scheduling',
    'slots.list',
    1,
    'Free and booked slots of a doctor over a date range.',
  ),

  book: defineRpc<BookAppointmentRequest, AppointmentView>(
    'scheduling',
    'appointments.book',
    1,
    'A patient books a slot (seat held until paid).',
  ),
  getAppointment: defineRpc<ById, AppointmentView>(
    'scheduling',
    'appointments.get',
    1,
    'One appointment visible to the caller.',
  ),
  listAppointments: defineRpc<AppointmentQuery, Page<AppointmentView>>(
    'scheduling',
    'appointments.list',
    1,
    'Appointments visible to the caller.',
  ),
  confirm: defineRpc<TransitionRequest, AppointmentView>(
    'scheduling',
    'appointments.confirm',
    1,
    'The doctor accepts a booking request.',
  ),
  decline: defineRpc<TransitionRequest, AppointmentView>(
    'scheduling',
    'appointments.decline',
    1,
    'The doctor declines a booking request.',
  ),
  cancel: defineRpc<TransitionRequest, AppointmentView>(
    'scheduling',
    'appointments.cancel',
    1,
    'Cancels (patient within the cut-off, doctor, clinic or admin).',
  ),
  reschedule: defineRpc<RescheduleRequest, AppointmentView>(
    'scheduling',
    'appointments.reschedule',
    1,
    'Moves to another slot: the new seat first, then the old one released.',
  ),
  start: defineRpc<TransitionRequest, AppointmentView>(
    'scheduling',
    'appointments.start',
    1,
    'The consultation begins.',
  ),
  complete: defineRpc<TransitionRequest, AppointmentView>(
    'scheduling',
    'appointments.complete',
    1,
    'The consultation ends.',
  ),
  noShow: defineRpc<TransitionRequest, AppointmentView>(
    'scheduling',
    'appointments.no-show',
    1,
    'The patient did not attend.',
  ),

  submitReview: defineRpc<SubmitReviewRequest, ReviewView>(
    'scheduling',
    'reviews.submit',
    1,
    'The patient reviews their completed appointment, once.',
  ),
  listDoctorReviews: defineRpc<DoctorReviewsQuery, Page<PublicReviewView>>(
    'scheduling',
    'reviews.list-for-doctor',
    1,
    "A doctor's published reviews, newest first.",
  ),
  setReviewPublished: defineRpc<SetReviewPublishedRequest, ReviewView>(
    'scheduling',
    'reviews.set-published',
    1,
    'An admin unpublishes or republishes a review.',
  ),
} as const;
