import {
  ClinicalEvents,
  IdentityEvents,
  NotificationsEvents,
  PaymentEvents,
  SchedulingEvents,
  TeleconsultationEvents,
  WalletEvents,
  type AppointmentEventBase,
  type ConsultationEventBase,
  type ConsultationRequestEventBase,
  type EventContract,
  type EventEnvelope,
  type EventPayload,
  type PrescriptionEventBase,
  type WalletMovementV1,
} from '@telehealth/contracts';

/**
 * Who an event concerns: account (user) ids, doctor profile ids (a doctor's `doctorProfileId`),
 * and provider organisations (their PROVIDER_STAFF, as `caller.organisationIds`; absent: none).
 */
export interface Audience {
  userIds: string[];
  doctorIds: string[];
  organisationIds?: string[];
}

/** What a client receives for a domain event: its identity, status and ids, never medical content. */
export interface StreamEvent {
  type: string;
  id: string;
  occurredAt: string;
  aggregateId: string;
  status?: string;
  [idField: string]: string | null | undefined;
}

interface Routed {
  audience: { userIds: string[]; doctorIds: string[]; organisationIds?: (string | null | undefined)[] };
  /** Ids (and a status) of the changed records: what the app needs to refetch over REST. */
  fields: Record<string, string | null | undefined>;
}
type Rule<P> = (payload: P) => Routed;

const rules = new Map<string, Rule<never>>();
function route<E extends EventContract<unknown>>(contract: E, rule: Rule<EventPayload<E>>): void {
  rules.set(contract.type, rule as Rule<never>);
}
const only = (...ids: (string | null | undefined)[]): string[] => ids.filter((id): id is string => !!id);

// Appointments: the account holder (dependents' bookings carry them as patientId), the doctor,
// and the staff of the doctor's organisation (events before 1.4 carry none: no staff).
const appointment: Rule<AppointmentEventBase> = (p) => ({
  audience: { userIds: [p.patientId], doctorIds: [p.doctorId], organisationIds: [p.organisationId] },
  fields: { appointmentId: p.appointmentId, dependentId: p.dependentId, status: p.status },
});
for (const contract of [
  SchedulingEvents.appointmentHeld,
  SchedulingEvents.appointmentConfirmed,
  SchedulingEvents.appointmentDeclined,
  SchedulingEvents.appointmentCancelled,
  SchedulingEvents.appointmentRescheduled,
  SchedulingEvents.appointmentStarted,
  SchedulingEvents.appointmentCompleted,
  SchedulingEvents.appointmentNoShow,
  SchedulingEvents.appointmentHoldExpired,
])
  route(contract, appointment);

// A doctor's own profile and weekly schedule.
route(SchedulingEvents.doctorProfileChanged, (p) => ({
  audience: { userIds: [], doctorIds: [p.doctorProfileId] },
  fields: { doctorProfileId: p.doctorProfileId },
}));
route(SchedulingEvents.availabilityRuleChanged, (p) => ({
  audience: { userIds: [], doctorIds: [p.doctorId] },
  fields: { ruleId: p.ruleId, doctorId: p.doctorId },
}));
route(SchedulingEvents.reviewSubmitted, (p) => ({
  audience: { userIds: [p.patientId], doctorIds: [p.doctorId] },
  fields: { reviewId: p.reviewId, appointmentId: p.appointmentId },
}));
route(SchedulingEvents.reviewVisibilityChanged, (p) => ({
  audience: { userIds: [], doctorIds: [p.doctorId] },
  fields: { reviewId: p.reviewId, appointmentId: p.appointmentId },
}));

// Wallets: their owner.
route(WalletEvents.walletOpened, (p) => ({
  audience: { userIds: [p.userId], doctorIds: [] },
  fields: { walletId: p.walletId },
}));
const movement: Rule<WalletMovementV1> = (p) => ({
  audience: { userIds: [p.userId], doctorIds: [] },
  fields: {
    walletId: p.walletId,
    entryId: p.entryId,
    appointmentId: p.appointmentId,
    paymentId: p.paymentId,
    status: p.status,
  },
});
for (const contract of [
  WalletEvents.walletCredited,
  WalletEvents.walletDebited,
  WalletEvents.fundsHeld,
  WalletEvents.fundsCaptured,
  WalletEvents.fundsReleased,
])
  route(contract, movement);
route(WalletEvents.topUpFailed, (p) => ({
  audience: { userIds: [p.userId], doctorIds: [] },
  fields: { topUpId: p.topUpId, walletId: p.walletId },
}));

// Payments: the patient who pays (an on-demand request's id travels as appointmentId).
const paymentFields = (p: { paymentId: string; appointmentId: string; purpose?: string }) =>
  p.purpose === 'CONSULTATION_REQUEST'
    ? { paymentId: p.paymentId, requestId: p.appointmentId }
    : { paymentId: p.paymentId, appointmentId: p.appointmentId };
route(PaymentEvents.appointmentPaymentCompleted, (p) => ({
  audience: { userIds: [p.patientId], doctorIds: [] },
  fields: { ...paymentFields(p), status: 'COMPLETED' },
}));
route(PaymentEvents.appointmentPaymentFailed, (p) => ({
  audience: { userIds: [p.patientId], doctorIds: [] },
  fields: { ...paymentFields(p), status: 'FAILED' },
}));
route(PaymentEvents.refundIssued, (p) => ({
  audience: { userIds: [p.patientId], doctorIds: [] },
  fields: { refundId: p.refundId, paymentId: p.paymentId, appointmentId: p.appointmentId },
}));

// Consultations: patient (account holder) and doctor.
const consultation: Rule<ConsultationEventBase> = (p) => ({
  audience: { userIds: [p.patientId], doctorIds: [p.doctorId] },
  fields: {
    consultationId: p.consultationId,
    appointmentId: p.appointmentId,
    requestId: p.requestId,
    dependentId: p.dependentId,
    status: p.status,
  },
});
for (const contract of [
  TeleconsultationEvents.consultationScheduled,
  TeleconsultationEvents.consultationRescheduled,
  TeleconsultationEvents.consultationWaiting,
  TeleconsultationEvents.consultationAdmitted,
  TeleconsultationEvents.consultationStarted,
  TeleconsultationEvents.consultationEnded,
  TeleconsultationEvents.consultationNoShow,
  TeleconsultationEvents.consultationCancelled,
])
  route(contract, consultation);

// On-demand requests: the patient; once accepted, the doctor who took it too.
const request: Rule<ConsultationRequestEventBase> = (p) => ({
  audience: { userIds: [p.patientId], doctorIds: [] },
  fields: { requestId: p.requestId, status: p.status },
});
for (const contract of [
  TeleconsultationEvents.requestCreated,
  TeleconsultationEvents.requestOpened,
  TeleconsultationEvents.requestExpired,
  TeleconsultationEvents.requestCancelled,
])
  route(contract, request);
route(TeleconsultationEvents.requestAccepted, (p) => ({
  audience: { userIds: [p.patientId], doctorIds: [p.doctorId] },
  fields: { requestId: p.requestId, consultationId: p.consultationId, status: p.status },
}));

// Consultation notes: the patient (a signed note is theirs to read) and the doctor who wrote it.
route(ClinicalEvents.noteSigned, (p) => ({
  audience: { userIds: [p.patientId], doctorIds: [p.doctorId] },
  fields: { noteId: p.noteId, appointmentId: p.appointmentId, dependentId: p.dependentId, status: 'SIGNED' },
}));
route(ClinicalEvents.noteAmended, (p) => ({
  audience: { userIds: [p.patientId], doctorIds: [p.doctorId] },
  fields: { noteId: p.noteId, appointmentId: p.appointmentId, addendumId: p.addendumId },
}));

// Secure messages: both sides of the thread (the patient; the doctor, or the organisation's staff),
// so the other side sees the message arrive and the sender's other devices stay in step. Ids only.
route(TeleconsultationEvents.threadMessagePosted, (p) => ({
  audience: { userIds: [p.patientId], doctorIds: only(p.doctorId), organisationIds: [p.organisationId] },
  fields: { threadId: p.threadId, messageId: p.messageId },
}));
// Prescriptions: the patient (account holder) and the doctor who wrote it; ids only.
const prescription: Rule<PrescriptionEventBase> = (p) => ({
  audience: { userIds: [p.patientId], doctorIds: [p.doctorId] },
  fields: { prescriptionId: p.prescriptionId, appointmentId: p.appointmentId, dependentId: p.dependentId },
});
route(ClinicalEvents.prescriptionIssued, prescription);
route(ClinicalEvents.prescriptionCancelled, prescription);

// In-app notifications: their recipient (the app fetches the text over REST).
route(NotificationsEvents.notificationCreated, (p) => ({
  audience: { userIds: [p.userId], doctorIds: [] },
  fields: { notificationId: p.notificationId },
}));

/**
 * Events never streamed, and why. Every event type is either routed above or listed here
 * (a unit test checks it), so a new event type cannot be forgotten.
 */
export const NOT_STREAMED: ReadonlyMap<string, string> = new Map([
  // Account events: the app caused them itself, and some carry secrets (codes, reset tokens) or PII.
  ...Object.values(IdentityEvents).map((e) => [e.type, 'account event (identity stream not subscribed)'] as const),
  [SchedulingEvents.clinicChanged.type, 'public catalogue: concerns no one person'],
  [SchedulingEvents.specialtyChanged.type, 'public catalogue: concerns no one person'],
]);

/** The event types that have a routing rule. */
export const ROUTED_TYPES: readonly string[] = [...rules.keys()];

/**
 * Who an event concerns and what they are sent: null when it is streamed to no one (no rule,
 * or nobody in its audience). Pure: the same rules as the REST routes' ownership checks.
 */
export function routeEvent(envelope: EventEnvelope): { audience: Audience; message: StreamEvent } | null {
  const rule = rules.get(envelope.type) as Rule<unknown> | undefined;
  if (!rule) return null;
  const { audience, fields } = rule(envelope.payload);
  const userIds = only(...audience.userIds);
  const doctorIds = only(...audience.doctorIds);
  const organisationIds = only(...(audience.organisationIds ?? []));
  if (!userIds.length && !doctorIds.length && !organisationIds.length) return null;
  const message: StreamEvent = {
    type: envelope.type,
    id: envelope.id,
    occurredAt: envelope.occurredAt,
    aggregateId: envelope.aggregateId,
  };
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) message[key] = value;
  const staff = organisationIds.length ? { organisationIds } : {};
  return { audience: { userIds, doctorIds, ...staff }, message };
}
