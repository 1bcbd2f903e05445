import { randomUUID } from 'node:crypto';
import {
  ALL_EVENTS,
  ClinicalEvents,
  NotificationsEvents,
  PaymentEvents,
  SchedulingEvents,
  TeleconsultationEvents,
  WalletEvents,
  type EventEnvelope,
} from '@telehealth/contracts';
import { concerns, type Subscriber } from '../event-hub';
import { NOT_STREAMED, ROUTED_TYPES, routeEvent } from '../stream-routing';

const PATIENT = 'u-patient';
const DOCTOR = 'doc-profile';

const envelope = (type: string, payload: Record<string, unknown>): EventEnvelope => ({
  id: randomUUID(),
  type,
  occurredAt: '2026-12-02T10:00:00.000Z',
  producer: 'scheduling',
  correlationId: 'req-1',
  aggregateId: 'agg-1',
  payload,
});

/** A payload of each routed event type, with the medical and personal fields the stream must never carry. */
const SECRET = 'SECRET-medical-or-personal';
const appointment = {
  appointmentId: 'apt-1',
  number: 'APT-1',
  patientId: PATIENT,
  dependentId: 'dep-1',
  doctorId: DOCTOR,
  clinicId: 'clinic-1',
  mode: 'ONLINE',
  status: 'CONFIRMED',
  reason: SECRET,
  symptoms: SECRET,
};
const consultation = {
  consultationId: 'c-1',
  appointmentId: 'apt-1',
  requestId: null,
  doctorId: DOCTOR,
  patientId: PATIENT,
  dependentId: null,
  status: 'WAITING',
  reason: SECRET,
  callLog: { notes: SECRET },
};
const request = { requestId: 'r-1', patientId: PATIENT, status: 'OPEN', specialtyCode: SECRET };
const movement = {
  walletId: 'w-1',
  userId: PATIENT,
  entryId: 'e-1',
  status: 'POSTED',
  title: SECRET,
  appointmentId: 'apt-1',
  paymentId: 'p-1',
};
const payment = { paymentId: 'p-1', appointmentId: 'apt-1', patientId: PATIENT, message: SECRET };

/** Each routed type: a payload, and whom it must reach. */
const CASES: Record<string, { payload: Record<string, unknown>; users: string[]; doctors: string[] }> = {
  ...Object.fromEntries(
    Object.values(SchedulingEvents)
      .filter((e) => e.type.startsWith('scheduling.appointment.'))
      .map((e) => [e.type, { payload: appointment, users: [PATIENT], doctors: [DOCTOR] }]),
  ),
  [SchedulingEvents.doctorProfileChanged.type]: {
    payload: { doctorProfileId: DOCTOR, userId: 'u-doc', firstName: SECRET },
    users: [],
    doctors: [DOCTOR],
  },
  [SchedulingEvents.availabilityRuleChanged.type]: {
    payload: { ruleId: 'rule-1', doctorId: DOCTOR },
    users: [],
    doctors: [DOCTOR],
  },
  [SchedulingEvents.reviewSubmitted.type]: {
    payload: { reviewId: 'rev-1', appointmentId: 'apt-1', doctorId: DOCTOR, patientId: PATIENT, comment: SECRET },
    users: [PATIENT],
    doctors: [DOCTOR],
  },
  [SchedulingEvents.reviewVisibilityChanged.type]: {
    payload: { reviewId: 'rev-1', appointmentId: 'apt-1', doctorId: DOCTOR, changedBy: 'admin' },
    users: [],
    doctors: [DOCTOR],
  },
  [WalletEvents.walletOpened.type]: { payload: { walletId: 'w-1', userId: PATIENT }, users: [PATIENT], doctors: [] },
  ...Object.fromEntries(
    [
      WalletEvents.walletCredited,
      WalletEvents.walletDebited,
      WalletEvents.fundsHeld,
      WalletEvents.fundsCaptured,
      WalletEvents.fundsReleased,
    ].map((e) => [e.type, { payload: movement, users: [PATIENT], doctors: [] }]),
  ),
  [WalletEvents.topUpFailed.type]: {
    payload: { topUpId: 't-1', walletId: 'w-1', userId: PATIENT, reason: SECRET },
    users: [PATIENT],
    doctors: [],
  },
  [PaymentEvents.appointmentPaymentCompleted.type]: { payload: payment, users: [PATIENT], doctors: [] },
  [PaymentEvents.appointmentPaymentFailed.type]: { payload: payment, users: [PATIENT], doctors: [] },
  [PaymentEvents.refundIssued.type]: {
    payload: { ...payment, refundId: 'rf-1', policy: SECRET },
    users: [PATIENT],
    doctors: [],
  },
  ...Object.fromEntries(
    Object.values(TeleconsultationEvents)
      .filter((e) => e.type.startsWith('teleconsultation.consultation.'))
      .map((e) => [e.type, { payload: consultation, users: [PATIENT], doctors: [DOCTOR] }]),
  ),
  ...Object.fromEntries(
    [
      TeleconsultationEvents.requestCreated,
      TeleconsultationEvents.requestOpened,
      TeleconsultationEvents.requestExpired,
      TeleconsultationEvents.requestCancelled,
    ].map((e) => [e.type, { payload: request, users: [PATIENT], doctors: [] }]),
  ),
  [TeleconsultationEvents.requestAccepted.type]: {
    payload: { ...request, doctorId: DOCTOR, consultationId: 'c-1' },
    users: [PATIENT],
    doctors: [DOCTOR],
  },
  [ClinicalEvents.noteSigned.type]: {
    payload: { noteId: 'n-1', appointmentId: 'apt-1', patientId: PATIENT, dependentId: null, doctorId: DOCTOR },
    users: [PATIENT],
    doctors: [DOCTOR],
  },
  [ClinicalEvents.noteAmended.type]: {
    payload: { noteId: 'n-1', appointmentId: 'apt-1', patientId: PATIENT, doctorId: DOCTOR, addendumId: 'ad-1' },
    users: [PATIENT],
    doctors: [DOCTOR],
  },
  [TeleconsultationEvents.threadMessagePosted.type]: {
    payload: {
      threadId: 't-1',
      messageId: 't-1:1',
      seq: 1,
      patientId: PATIENT,
      doctorId: DOCTOR,
      organisationId: null,
      senderId: PATIENT,
      senderRole: 'PATIENT',
      hasText: true,
      attachmentCount: 0,
      text: SECRET,
    },
    users: [PATIENT],
    doctors: [DOCTOR],
  },
  ...Object.fromEntries(
    [ClinicalEvents.prescriptionIssued, ClinicalEvents.prescriptionCancelled].map((e) => [
      e.type,
      {
        payload: {
          prescriptionId: 'rx-1',
          number: 'RX-20261202-4F7K2Q',
          kind: 'STRUCTURED',
          appointmentId: 'apt-1',
          patientId: PATIENT,
          dependentId: null,
          doctorId: DOCTOR,
          issuedAt: '2026-12-02T10:00:00.000Z',
          cancelledAt: '2026-12-02T11:00:00.000Z',
        },
        users: [PATIENT],
        doctors: [DOCTOR],
      },
    ]),
  ),
  [NotificationsEvents.notificationCreated.type]: {
    payload: {
      notificationId: 'n-1',
      userId: PATIENT,
      kind: 'APPOINTMENT_HELD',
      createdAt: '2026-12-02T10:00:00.000Z',
    },
    users: [PATIENT],
    doctors: [],
  },
};

describe('stream routing: which event reaches whom', () => {
  it('has a rule for, or a reason not to stream, every event type (a new type needs one)', () => {
    const unaccounted = ALL_EVENTS.map((e) => e.type).filter((t) => !ROUTED_TYPES.includes(t) && !NOT_STREAMED.has(t));
    expect(unaccounted).toEqual([]);
    expect(ROUTED_TYPES.filter((t) => NOT_STREAMED.has(t))).toEqual([]);
  });

  it('has a test case for every routed event type', () => {
    expect([...ROUTED_TYPES].sort()).toEqual(Object.keys(CASES).sort());
  });

  it.each(Object.entries(CASES))('%s reaches exactly its patient and doctor, with ids only', (type, c) => {
    const routed = routeEvent(envelope(type, c.payload));
    expect(routed?.audience).toEqual({ userIds: c.users, doctorIds: c.doctors });
    expect(routed?.message).toMatchObject({ type, occurredAt: '2026-12-02T10:00:00.000Z', aggregateId: 'agg-1' });
    expect(JSON.stringify(routed?.message)).not.toContain(SECRET);
    for (const [key, value] of Object.entries(routed?.message ?? {}))
      expect([key, /^(type|id|occurredAt|aggregateId|status|[a-zA-Z]+Id)$/.test(key), value]).toEqual([
        key,
        true,
        value,
      ]);
  });

  it('sends the ids a client refetches by', () => {
    const held = routeEvent(
      envelope(SchedulingEvents.appointmentHeld.type, { ...appointment, status: 'PENDING_PAYMENT' }),
    );
    expect(held?.message).toMatchObject({ appointmentId: 'apt-1', dependentId: 'dep-1', status: 'PENDING_PAYMENT' });
    const paid = routeEvent(
      envelope(PaymentEvents.appointmentPaymentCompleted.type, { ...payment, purpose: 'CONSULTATION_REQUEST' }),
    );
    expect(paid?.message).toMatchObject({ paymentId: 'p-1', requestId: 'apt-1', status: 'COMPLETED' });
    expect(paid?.message).not.toHaveProperty('appointmentId');
  });

  it('streams no identity or catalogue event, and nothing of an unknown type', () => {
    for (const type of NOT_STREAMED.keys()) expect(routeEvent(envelope(type, { userId: PATIENT }))).toBeNull();
    expect(routeEvent(envelope('scheduling.something-new.v1', { patientId: PATIENT }))).toBeNull();
  });
});

describe('stream routing: provider staff', () => {
  const ORG = 'org-1';
  const subscriber = (userId: string, organisationIds?: string[]): Subscriber => ({
    userId,
    organisationIds,
    offer: () => undefined,
  });
  const staffOfOrg = subscriber('u-staff', [ORG]);
  const staffOfOther = subscriber('u-staff-2', ['org-2']);
  const aPatient = subscriber('u-someone');

  it.each(
    Object.values(SchedulingEvents)
      .filter((e) => e.type.startsWith('scheduling.appointment.'))
      .map((e) => e.type),
  )('%s reaches the staff of the doctor organisation, and no other staff', (type) => {
    const routed = routeEvent(envelope(type, { ...appointment, organisationId: ORG }));
    expect(routed?.audience).toEqual({ userIds: [PATIENT], doctorIds: [DOCTOR], organisationIds: [ORG] });
    expect(concerns(staffOfOrg, routed!.audience)).toBe(true);
    expect(concerns(staffOfOther, routed!.audience)).toBe(false);
    expect(concerns(aPatient, routed!.audience)).toBe(false);
    expect(routed?.message).not.toHaveProperty('organisationId');
  });

  it('sends no staff an appointment of an independent doctor, or of an event before 1.4', () => {
    for (const organisationId of [null, undefined]) {
      const routed = routeEvent(envelope(SchedulingEvents.appointmentHeld.type, { ...appointment, organisationId }));
      expect(routed?.audience).toEqual({ userIds: [PATIENT], doctorIds: [DOCTOR] });
      expect(concerns(staffOfOrg, routed!.audience)).toBe(false);
    }
  });

  it('sends staff nothing else of their organisation (consultations, payments, notifications)', () => {
    const others = [
      routeEvent(envelope(TeleconsultationEvents.consultationWaiting.type, { ...consultation, organisationId: ORG })),
      routeEvent(envelope(PaymentEvents.appointmentPaymentCompleted.type, { ...payment, organisationId: ORG })),
      routeEvent(
        envelope(NotificationsEvents.notificationCreated.type, { notificationId: 'n-1', userId: PATIENT, kind: 'X' }),
      ),
    ];
    for (const routed of others) expect(concerns(staffOfOrg, routed!.audience)).toBe(false);
  });
});
