import { randomUUID } from 'node:crypto';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MongooseModule, getConnectionToken, getModelToken } from '@nestjs/mongoose';
import type { Connection, Model } from 'mongoose';
import {
  AppointmentStatus,
  CallPreference,
  CancelledBy,
  ConsultationMode,
  ConsultationStatus,
  Role,
  SchedulingEvents,
  TeleconsultationEvents,
  VideoProviderName,
  type AppointmentEventBase,
  type Caller,
  type EventContract,
  type EventEnvelope,
} from '@telehealth/contracts';
import { DomainError, RpcClient, type RequestMeta } from '@telehealth/messaging';
import { OutboxRelay, createEvent } from '@telehealth/messaging/eventing';
import { Clock, FakeClock } from '@telehealth/service-kit';
import { MONGO_URI } from '@telehealth/testing';
import { TeleconsultationConfig } from '../config/teleconsultation.config';
import type { ConsultationTimerJob } from '../queues';
import { RecordingConsents } from '../modules/consents/recording-consents';
import { AppointmentEventsConsumer } from '../modules/appointment-events/appointment-events.consumer';
import { CARE_APPOINTMENT_MODEL, CareAppointmentSchema } from '../modules/care/care-appointment.schema';
import { CareAppointments } from '../modules/care/care-appointments';
import { ConsultationChanges } from '../modules/consultations/consultation-changes';
import {
  CONSULTATION_MODEL,
  ConsultationSchema,
  type ConsultationDoc,
} from '../modules/consultations/consultation.schema';
import { ConsultationStore } from '../modules/consultations/consultation.store';
import { ConsultationTimers } from '../modules/consultations/consultation-timers';
import { consultationIdOf } from '../modules/consultations/new-session';
import { ParticipantNames } from '../modules/consultations/participant-names';
import { CancelConsultation } from '../modules/consultations/usecases/cancel-consultation/cancel-consultation.usecase';
import { EndConsultation } from '../modules/consultations/usecases/end-consultation/end-consultation.usecase';
import { GiveFeedback } from '../modules/consultations/usecases/give-feedback/give-feedback.usecase';
import { JoinConsultation } from '../modules/consultations/usecases/join-consultation/join-consultation.usecase';
import { OpenConsultation } from '../modules/consultations/usecases/open-consultation/open-consultation.usecase';
import { RequestRecording } from '../modules/consultations/usecases/request-recording/request-recording.usecase';
import { RecordPresence } from '../modules/consultations/usecases/record-presence/record-presence.usecase';
import { RescheduleConsultation } from '../modules/consultations/usecases/reschedule-consultation/reschedule-consultation.usecase';
import { RunTimer } from '../modules/consultations/usecases/run-timer/run-timer.usecase';
import { VIDEO_PROVIDER, type JoinGrant, type VideoProvider } from '../modules/video/video-provider';

const DB = `it_consultations_${randomUUID().slice(0, 8)}`;
const NOW = new Date('2026-12-02T09:00:00.000Z');
const MINUTE = 60_000;

/** Records the timers asked for (BullMQ itself is covered by libs/jobs). */
class RecordingTimers {
  readonly ensured: ConsultationTimerJob[] = [];
  async ensure(s: Pick<ConsultationDoc, '_id' | 'scheduledStart'>): Promise<void> {
    const scheduledStart = new Date(s.scheduledStart).toISOString();
    for (const kind of ['no-show', 'overrun'] as const)
      this.ensured.push({ consultationId: s._id, kind, scheduledStart });
  }
}

/** Issues a readable fake token: the grant it was asked for (the providers have their own tests). */
class GrantEcho implements VideoProvider {
  readonly name = VideoProviderName.LIVEKIT;
  readonly grants: JoinGrant[] = [];
  async issueToken(g: JoinGrant) {
    this.grants.push(g);
    return {
      provider: this.name,
      url: 'wss://video.test',
      room: g.room,
      token: JSON.stringify(g),
      expiresAt: new Date(g.now.getTime() + g.ttlSeconds * 1000),
    };
  }
  async parseWebhook(): Promise<never> {
    throw new Error('not used here');
  }
}

const clock = new FakeClock(NOW);
/** Patients' CALL_RECORDING consents, as identity's events would have recorded them. */
const consents = new Map<string, Date>();
const timers = new RecordingTimers();
const video = new GrantEcho();

@Module({
  imports: [
    MongooseModule.forRoot(MONGO_URI, { dbName: DB }),
    MongooseModule.forFeature([
      { name: CONSULTATION_MODEL, schema: ConsultationSchema },
      { name: CARE_APPOINTMENT_MODEL, schema: CareAppointmentSchema },
    ]),
  ],
  providers: [
    CareAppointments,
    ConsultationStore,
    ConsultationChanges,
    AppointmentEventsConsumer,
    OpenConsultation,
    CancelConsultation,
    RescheduleConsultation,
    RecordPresence,
    EndConsultation,
    RunTimer,
    JoinConsultation,
    GiveFeedback,
    RequestRecording,
    { provide: OutboxRelay, useValue: { kick: () => undefined } },
    { provide: ConsultationTimers, useValue: timers },
    {
      provide: ParticipantNames,
      useValue: { of: async () => ({ doctorName: 'Dr Ada Obi', patientName: 'Tunde Bello' }) },
    },
    { provide: RecordingConsents, useValue: { grantedAt: async (userId: string) => consents.get(userId) ?? null } },
    { provide: RpcClient, useValue: {} },
    { provide: VIDEO_PROVIDER, useValue: video },
    { provide: Clock, useValue: clock },
    {
      provide: TeleconsultationConfig,
      useValue: Object.assign(new TeleconsultationConfig(), { VIDEO_TOKEN_TTL_SECONDS: 600 }),
    },
  ],
})
class ConsultationsTestModule {}

const patientOf = (userId: string): Caller => ({ userId, roles: [Role.PATIENT], organisationIds: [] });
const doctorOf = (doctorProfileId: string): Caller => ({
  userId: `user-${doctorProfileId}`,
  roles: [Role.DOCTOR],
  organisationIds: [],
  doctorProfileId,
});
const meta = (caller: Caller): RequestMeta => ({ requestId: randomUUID(), caller });
/** How a use case refused (null: it did not). */
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: DomainError) => ({ code: e.code, reason: e.options.reason }),
  );

/** An online appointment's event payload, starting `hours` after NOW. */
function appointment(hours = 2, overrides: Partial<AppointmentEventBase> = {}): AppointmentEventBase {
  const start = new Date(NOW.getTime() + hours * 3_600_000);
  return {
    appointmentId: randomUUID(),
    number: `APT${Math.floor(Math.random() * 1e9)}`,
    patientId: randomUUID(),
    dependentId: null,
    doctorId: randomUUID(),
    clinicId: null,
    mode: ConsultationMode.ONLINE,
    start: start.toISOString(),
    end: new Date(start.getTime() + 30 * MINUTE).toISOString(),
    timeZone: 'Africa/Lagos',
    status: AppointmentStatus.CONFIRMED,
    fee: { amountMinor: 500_000, currency: 'NGN' },
    callPreference: CallPreference.VIDEO,
    ...overrides,
  };
}

/** An envelope as scheduling would publish it, `at` ms after NOW. */
function envelope<P>(contract: EventContract<P>, payload: P & { appointmentId: string }, at: number): EventEnvelope<P> {
  return {
    ...createEvent(contract, payload.appointmentId, payload, { producer: 'scheduling' }),
    occurredAt: new Date(NOW.getTime() + at).toISOString(),
  };
}

describe('Consultation sessions on the real database', () => {
  let app: INestApplicationContext;
  let consumer: AppointmentEventsConsumer;
  let store: ConsultationStore;
  let sessions: Model<ConsultationDoc>;

  beforeAll(async () => {
    app = await NestFactory.createApplicationContext(ConsultationsTestModule, { logger: false });
    await app.init();
    await Promise.all(Object.values(app.get<Connection>(getConnectionToken()).models).map((m) => m.init()));
    consumer = app.get(AppointmentEventsConsumer);
    store = app.get(ConsultationStore);
    sessions = app.get(getModelToken(CONSULTATION_MODEL));
  });
  afterAll(async () => {
    await app.get<Connection>(getConnectionToken()).dropDatabase();
    await app.close();
  });
  beforeEach(() => (clock.at = NOW));

  /** Delivers scheduling's events to the consumer, as JetStream would. */
  const deliver = async (e: EventEnvelope<unknown>): Promise<void> => {
    if (e.type === SchedulingEvents.appointmentConfirmed.type) return consumer.confirmed(e as never);
    if (e.type === SchedulingEvents.appointmentCancelled.type) return consumer.cancelled(e as never);
    if (e.type === SchedulingEvents.appointmentRescheduled.type) return consumer.rescheduled(e as never);
    throw new Error(`unexpected ${e.type}`);
  };
  const sessionOf = async (appointmentId: string) => (await store.load(consultationIdOf(appointmentId)))!;
  const outboxTypes = (s: ConsultationDoc) => s.outbox.map((o) => JSON.parse(o.envelope).type as string);
  /** What a session's state is, without the ids and times of its writes. */
  const stateOf = (s: ConsultationDoc) => ({
    status: s.status,
    scheduledStart: s.scheduledStart.toISOString(),
    scheduledEnd: s.scheduledEnd.toISOString(),
    cancellationReason: s.cancellationReason,
    callType: s.callType,
  });

  describe('following the appointment: every consumer applied twice and in reverse order ends the same', () => {
    /** A confirmed appointment moved once, then (optionally) cancelled: the events scheduling publishes. */
    function history(cancel: boolean) {
      const a = appointment(3, { callPreference: CallPreference.VOICE });
      const moved = {
        ...a,
        start: new Date(Date.parse(a.start) + 3_600_000).toISOString(),
        end: new Date(Date.parse(a.end) + 3_600_000).toISOString(),
      };
      const events: EventEnvelope<unknown>[] = [
        envelope(SchedulingEvents.appointmentConfirmed, a, 0),
        envelope(
          SchedulingEvents.appointmentRescheduled,
          { ...moved, previousStart: a.start, previousEnd: a.end, previousSlotId: 's1' },
          1_000,
        ),
      ];
      if (cancel)
        events.push(
          envelope(
            SchedulingEvents.appointmentCancelled,
            {
              ...moved,
              status: AppointmentStatus.CANCELLED,
              cancelledBy: CancelledBy.PATIENT,
              reason: 'Travelling',
              previousStatus: AppointmentStatus.CONFIRMED,
            },
            2_000,
          ),
        );
      return { a, moved, events };
    }

    it.each([false, true])('cancelled at the end: %s', async (cancel) => {
      const runs = [
        (es: EventEnvelope<unknown>[]) => es,
        (es: EventEnvelope<unknown>[]) => [...es].reverse(),
        (es: EventEnvelope<unknown>[]) => es.flatMap((e) => [e, e]),
        (es: EventEnvelope<unknown>[]) => [...es].reverse().flatMap((e) => [e, e]),
      ];
      const finals: ReturnType<typeof stateOf>[] = [];
      for (const order of runs) {
        const { a, moved, events } = history(cancel);
        for (const e of order(events)) await deliver(e);
        const s = await sessionOf(a.appointmentId);
        finals.push(stateOf(s));
        expect(s.scheduledStart.toISOString()).toBe(moved.start);
      }
      expect(finals[0]).toMatchObject({
        status: cancel ? ConsultationStatus.CANCELLED : ConsultationStatus.SCHEDULED,
        callType: 'AUDIO',
        cancellationReason: cancel ? 'Travelling' : null,
      });
      const shape = (f: (typeof finals)[number]) => ({ ...f, scheduledStart: 'x', scheduledEnd: 'x' });
      expect(finals.map(shape)).toEqual(finals.map(() => shape(finals[0])));
    });

    it('announces the session once however often the confirmation is delivered, and ignores in-clinic appointments', async () => {
      const a = appointment();
      const e = envelope(SchedulingEvents.appointmentConfirmed, a, 0);
      await Promise.all([deliver(e), deliver(e), deliver(e)]);
      const s = await sessionOf(a.appointmentId);
      expect(outboxTypes(s).filter((t) => t === TeleconsultationEvents.consultationScheduled.type)).toHaveLength(1);
      expect(s).toMatchObject({
        roomId: `room-${a.appointmentId}`,
        status: ConsultationStatus.SCHEDULED,
        doctorName: 'Dr Ada Obi',
      });
      expect(s.number).toMatch(/^VC-\d{8}-[A-Z2-9]{6}$/);

      const inClinic = appointment(2, { mode: ConsultationMode.IN_CLINIC });
      await deliver(envelope(SchedulingEvents.appointmentConfirmed, inClinic, 0));
      expect(await store.load(consultationIdOf(inClinic.appointmentId))).toBeNull();
    });

    it('two moves handled in either order end at the later one; its timers carry the new start', async () => {
      const a = appointment(5);
      await deliver(envelope(SchedulingEvents.appointmentConfirmed, a, 0));
      const at = (h: number) => new Date(Date.parse(a.start) + h * 3_600_000).toISOString();
      const move = (h: number, t: number) =>
        envelope(
          SchedulingEvents.appointmentRescheduled,
          { ...a, start: at(h), end: at(h + 0.5), previousStart: a.start, previousEnd: a.end, previousSlotId: 's' },
          t,
        );
      await deliver(move(2, 2_000));
      await deliver(move(1, 1_000)); // older: ignored
      const s = await sessionOf(a.appointmentId);
      expect(s.scheduledStart.toISOString()).toBe(at(2));
      expect(timers.ensured.filter((j) => j.consultationId === s._id).map((j) => j.scheduledStart)).toContain(at(2));
    });
  });

  describe('presence from the room', () => {
    const open = async () => {
      const a = appointment(0);
      await deliver(envelope(SchedulingEvents.appointmentConfirmed, a, 0));
      return sessionOf(a.appointmentId);
    };

    it('out of order and twice: a left before its joined, a replayed event applied once; both sides: IN_PROGRESS from the later arrival', async () => {
      const s = await open();
      const presence = app.get(RecordPresence);
      const t = (min: number) => new Date(NOW.getTime() + min * MINUTE);
      await presence.execute({
        consultationId: s._id,
        side: 'patient',
        kind: 'LEFT',
        at: t(3),
        source: 'WEBHOOK',
        eventId: 'lk:e2',
      });
      expect((await store.load(s._id))!).toMatchObject({ status: ConsultationStatus.WAITING, patientJoinedAt: t(3) });
      await presence.execute({
        consultationId: s._id,
        side: 'patient',
        kind: 'JOINED',
        at: t(1),
        source: 'WEBHOOK',
        eventId: 'lk:e1',
      });
      const once = (await store.load(s._id))!;
      await presence.execute({
        consultationId: s._id,
        side: 'patient',
        kind: 'JOINED',
        at: t(1),
        source: 'WEBHOOK',
        eventId: 'lk:e1',
      });
      expect((await store.load(s._id))!.version).toBe(once.version);
      expect(once.patientJoinedAt).toEqual(t(1));

      // A client's report after the webhook spoke does not count.
      await presence.execute({ consultationId: s._id, side: 'doctor', kind: 'JOINED', at: t(2), source: 'CLIENT' });
      expect((await store.load(s._id))!.status).toBe(ConsultationStatus.WAITING);

      await presence.execute({
        consultationId: s._id,
        side: 'doctor',
        kind: 'JOINED',
        at: t(4),
        source: 'WEBHOOK',
        eventId: 'lk:e3',
      });
      const started = (await store.load(s._id))!;
      expect(started).toMatchObject({
        status: ConsultationStatus.IN_PROGRESS,
        actualStart: t(4),
        doctorJoinedAt: t(4),
      });
      expect(outboxTypes(started).filter((x) => x === TeleconsultationEvents.consultationStarted.type)).toHaveLength(1);
    });

    it('both sides joining at the same moment start it once', async () => {
      const s = await open();
      const presence = app.get(RecordPresence);
      await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          presence.execute({
            consultationId: s._id,
            side: i % 2 ? 'doctor' : 'patient',
            kind: 'JOINED',
            at: NOW,
            source: 'WEBHOOK',
            eventId: `lk:race-${i}`,
          }),
        ),
      );
      const done = (await store.load(s._id))!;
      expect(done.status).toBe(ConsultationStatus.IN_PROGRESS);
      expect(outboxTypes(done).filter((x) => x === TeleconsultationEvents.consultationStarted.type)).toHaveLength(1);
      expect(done.seenEvents).toHaveLength(10);
    });
  });

  describe('joining', () => {
    it('only the participants, only inside the window; the patient waits in the lobby', async () => {
      const a = appointment(1);
      await deliver(envelope(SchedulingEvents.appointmentConfirmed, a, 0));
      const s = await sessionOf(a.appointmentId);
      const join = app.get(JoinConsultation);
      expect(await refusal(join.execute(s._id, meta(patientOf(randomUUID()))))).toMatchObject({ code: 'NOT_FOUND' });
      expect(await refusal(join.execute(s._id, meta(patientOf(a.patientId))))).toMatchObject({ reason: 'TOO_EARLY' });

      clock.at = new Date(Date.parse(a.start) - 5 * MINUTE);
      const patient = await join.execute(s._id, meta(patientOf(a.patientId)));
      expect(patient).toMatchObject({ role: 'PARTICIPANT', lobby: true, room: `room-${a.appointmentId}` });
      expect(JSON.parse(patient.token)).toMatchObject({
        identity: `patient:${a.patientId}`,
        admitted: false,
        ttlSeconds: 600,
      });
      expect((await store.load(s._id))!.lobby.patientWaiting).toBe(true);
      const doctor = await join.execute(s._id, meta(doctorOf(a.doctorId)));
      expect(doctor).toMatchObject({ role: 'HOST', lobby: false });
      expect(JSON.parse(doctor.token)).toMatchObject({ identity: `doctor:${a.doctorId}`, admitted: true });

      clock.at = new Date(Date.parse(a.end) + 31 * MINUTE);
      expect(await refusal(join.execute(s._id, meta(doctorOf(a.doctorId))))).toMatchObject({ reason: 'SESSION_ENDED' });
    });
  });

  describe('timers', () => {
    it('no-show: nobody joined -> BOTH absent; a timer of a schedule the session left does nothing; a started one is not a no-show', async () => {
      const run = app.get(RunTimer);
      const a = appointment(0);
      await deliver(envelope(SchedulingEvents.appointmentConfirmed, a, 0));
      const s = await sessionOf(a.appointmentId);
      await run.execute({
        consultationId: s._id,
        kind: 'no-show',
        scheduledStart: new Date(Date.parse(a.start) - 3_600_000).toISOString(),
      });
      expect((await store.load(s._id))!.status).toBe(ConsultationStatus.SCHEDULED);
      await run.execute({ consultationId: s._id, kind: 'no-show', scheduledStart: a.start });
      const missed = (await store.load(s._id))!;
      expect(missed).toMatchObject({
        status: ConsultationStatus.NO_SHOW,
        absent: 'BOTH',
        callLog: { status: 'MISSED', durationSeconds: 0 },
      });
      expect(outboxTypes(missed)).toContain(TeleconsultationEvents.consultationNoShow.type);

      const b = appointment(0);
      await deliver(envelope(SchedulingEvents.appointmentConfirmed, b, 0));
      const t = await sessionOf(b.appointmentId);
      const presence = app.get(RecordPresence);
      await presence.execute({ consultationId: t._id, side: 'doctor', kind: 'JOINED', at: NOW, source: 'CLIENT' });
      await presence.execute({ consultationId: t._id, side: 'patient', kind: 'JOINED', at: NOW, source: 'CLIENT' });
      await run.execute({ consultationId: t._id, kind: 'no-show', scheduledStart: b.start });
      expect((await store.load(t._id))!.status).toBe(ConsultationStatus.IN_PROGRESS);
      clock.at = new Date(Date.parse(b.end) + 30 * MINUTE);
      await run.execute({ consultationId: t._id, kind: 'overrun', scheduledStart: b.start });
      expect((await store.load(t._id))!).toMatchObject({
        status: ConsultationStatus.COMPLETED,
        endedBy: 'SYSTEM',
        callLog: { status: 'COMPLETED', durationSeconds: 60 * 60 },
      });
    });
  });

  describe('feedback', () => {
    it('once per side, even when ten arrive at once', async () => {
      const a = appointment(0);
      await deliver(envelope(SchedulingEvents.appointmentConfirmed, a, 0));
      const s = await sessionOf(a.appointmentId);
      const presence = app.get(RecordPresence);
      for (const side of ['doctor', 'patient'] as const)
        await presence.execute({ consultationId: s._id, side, kind: 'JOINED', at: NOW, source: 'CLIENT' });
      await app.get(EndConsultation).end(s._id, 'DOCTOR' as never, new Date(NOW.getTime() + 20 * MINUTE));
      const give = app.get(GiveFeedback);
      const results = await Promise.allSettled(
        Array.from({ length: 10 }, (_, i) =>
          give.execute({ id: s._id, rating: (i % 5) + 1 }, meta(patientOf(a.patientId))),
        ),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const reasons = results.flatMap((r) =>
        r.status === 'rejected' ? [(r.reason as DomainError).options.reason] : [],
      );
      expect(reasons).toEqual(Array(9).fill('ALREADY_RATED'));
      await give.execute({ id: s._id, rating: 4, comment: 'Clear' }, meta(doctorOf(a.doctorId)));
      const rated = (await sessions.findById(s._id).lean<ConsultationDoc>())!;
      expect(rated.feedback.doctor).toMatchObject({ rating: 4, comment: 'Clear' });
      expect(rated.feedback.patient).not.toBeNull();
    });
  });

  describe('recording', () => {
    it("only the doctor asks, and only with the patient's consent; the session keeps when each happened", async () => {
      const a = appointment(1);
      await deliver(envelope(SchedulingEvents.appointmentConfirmed, a, 0));
      const s = await sessionOf(a.appointmentId);
      const record = app.get(RequestRecording);
      expect(await refusal(record.execute(s._id, meta(patientOf(a.patientId))))).toMatchObject({ reason: 'FORBIDDEN' });
      expect(await refusal(record.execute(s._id, meta(doctorOf(a.doctorId))))).toMatchObject({
        reason: 'RECORDING_CONSENT_REQUIRED',
      });
      expect((await store.load(s._id))!.recording.requested).toBe(false);
      const consentedAt = new Date(NOW.getTime() - 86_400_000);
      consents.set(a.patientId, consentedAt);
      const done = await record.execute(s._id, meta(doctorOf(a.doctorId)));
      expect(done.recording).toEqual({
        requested: true,
        requestedAt: NOW.toISOString(),
        consentedAt: consentedAt.toISOString(),
      });
    });
  });
});
