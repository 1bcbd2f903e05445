import { randomUUID } from 'node:crypto';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MongooseModule, getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { CallType, ConsultationRequestStatus, Role, TeleconsultationEvents, type Caller } from '@telehealth/contracts';
import { DomainError, RpcClient, type RequestMeta } from '@telehealth/messaging';
import { OutboxRelay } from '@telehealth/messaging/eventing';
import { Clock, FakeClock, IdGenerator, RandomIdGenerator } from '@telehealth/service-kit';
import { MONGO_URI } from '@telehealth/testing';
import { MedicalCipher } from '../common/medical-cipher';
import { TeleconsultationConfig } from '../config/teleconsultation.config';
import { ConsultationStore } from '../modules/consultations/consultation.store';
import { CONSULTATION_MODEL, ConsultationSchema } from '../modules/consultations/consultation.schema';
import { ConsultationTimers } from '../modules/consultations/consultation-timers';
import { ParticipantNames } from '../modules/consultations/participant-names';
import { DoctorDirectory } from '../modules/doctors/doctor-directory';
import { DOCTOR_MODEL, DoctorSchema } from '../modules/doctors/doctor.schema';
import {
  CONSULTATION_REQUEST_MODEL,
  ConsultationRequestSchema,
  type ConsultationRequestDoc,
} from '../modules/requests/consultation-request.schema';
import { ConsultationRequestStore } from '../modules/requests/consultation-request.store';
import { RequestEventsConsumer } from '../modules/requests/request-events.consumer';
import { RequestExpiry } from '../modules/requests/request-expiry';
import { AcceptRequest } from '../modules/requests/usecases/accept-request/accept-request.usecase';
import { CancelRequest } from '../modules/requests/usecases/cancel-request/cancel-request.usecase';
import { CreateRequest } from '../modules/requests/usecases/create-request/create-request.usecase';
import { ExpireRequest } from '../modules/requests/usecases/expire-request/expire-request.usecase';
import { OpenOnDemandSession } from '../modules/requests/usecases/open-on-demand-session/open-on-demand-session.usecase';
import { RecordRequestPayment } from '../modules/requests/usecases/record-request-payment/record-request-payment.usecase';

const DB = `it_requests_${randomUUID().slice(0, 8)}`;
const NOW = new Date('2026-12-02T09:00:00.000Z');
const SPECIALTY = 'GENERAL_PRACTICE';

@Module({
  imports: [
    MongooseModule.forRoot(MONGO_URI, { dbName: DB }),
    MongooseModule.forFeature([
      { name: CONSULTATION_REQUEST_MODEL, schema: ConsultationRequestSchema },
      { name: CONSULTATION_MODEL, schema: ConsultationSchema },
      { name: DOCTOR_MODEL, schema: DoctorSchema },
    ]),
  ],
  providers: [
    ConsultationRequestStore,
    MedicalCipher,
    ConsultationStore,
    DoctorDirectory,
    CreateRequest,
    AcceptRequest,
    CancelRequest,
    ExpireRequest,
    RecordRequestPayment,
    OpenOnDemandSession,
    RequestEventsConsumer,
    { provide: RequestExpiry, useValue: { schedule: async () => undefined } },
    { provide: ConsultationTimers, useValue: { ensure: async () => undefined } },
    { provide: ParticipantNames, useValue: { of: async () => ({ doctorName: null, patientName: null }) } },
    { provide: OutboxRelay, useValue: { kick: () => undefined } },
    { provide: RpcClient, useValue: {} },
    { provide: Clock, useValue: new FakeClock(NOW) },
    { provide: IdGenerator, useClass: RandomIdGenerator },
    { provide: TeleconsultationConfig, useValue: new TeleconsultationConfig() },
  ],
})
class RequestsTestModule {}

const meta = (caller: Caller): RequestMeta => ({ requestId: randomUUID(), caller });
const patient = (): Caller => ({ userId: randomUUID(), roles: [Role.PATIENT], organisationIds: [] });

describe('On-demand requests on the real database', () => {
  let app: INestApplicationContext;
  let store: ConsultationRequestStore;
  let payments: RecordRequestPayment;
  const doctors: Caller[] = [];

  beforeAll(async () => {
    app = await NestFactory.createApplicationContext(RequestsTestModule, { logger: false });
    await app.init();
    await Promise.all(Object.values(app.get<Connection>(getConnectionToken()).models).map((m) => m.init()));
    store = app.get(ConsultationRequestStore);
    payments = app.get(RecordRequestPayment);
    const directory = app.get(DoctorDirectory);
    for (let i = 0; i < 10; i++) {
      const id = randomUUID();
      await directory.record({
        _id: id,
        userId: randomUUID(),
        firstName: 'Ada',
        lastName: `Doc${i}`,
        specialtyCode: SPECIALTY,
        availableOnline: true,
        active: true,
        asOf: NOW,
      });
      doctors.push({ userId: randomUUID(), roles: [Role.DOCTOR], organisationIds: [], doctorProfileId: id });
    }
  });
  afterAll(async () => {
    await app.get<Connection>(getConnectionToken()).dropDatabase();
    await app.close();
  });

  const create = async (who = patient()) =>
    app
      .get(CreateRequest)
      .execute({ specialtyCode: SPECIALTY, symptoms: 'Cough', callType: CallType.VIDEO }, meta(who));
  const load = async (id: string) => (await store.load(id)) as ConsultationRequestDoc;
  const types = (r: ConsultationRequestDoc) => r.outbox.map((o) => JSON.parse(o.envelope).type as string);
  const paid = (requestId: string) => payments.execute({ requestId, paid: true, correlationId: 'c' });

  it('keeps the symptoms encrypted at rest and hands them out in clear', async () => {
    const r = await create();
    expect(r.symptoms).toBe('Cough');
    const raw = await app
      .get<Connection>(getConnectionToken())
      .collection('consultation_requests')
      .findOne({ _id: r.id as never });
    expect(raw?.symptoms).toMatch(/^v1:/);
    expect(JSON.stringify(raw)).not.toContain('Cough');
    expect((await load(r.id)).symptoms).toBe('Cough');
  });

  it('the wallet answer twice opens it once; after an expiry it stays expired', async () => {
    const r = await create();
    await Promise.all([paid(r.id), paid(r.id), paid(r.id)]);
    const opened = await load(r.id);
    expect(opened.status).toBe(ConsultationRequestStatus.OPEN);
    expect(types(opened).filter((t) => t === TeleconsultationEvents.requestOpened.type)).toHaveLength(1);

    const late = await create();
    await app.get(ExpireRequest).execute(late.id);
    await paid(late.id);
    await app.get(ExpireRequest).execute(late.id);
    const expired = await load(late.id);
    expect(expired.status).toBe(ConsultationRequestStatus.EXPIRED);
    expect(types(expired)).toEqual([
      TeleconsultationEvents.requestCreated.type,
      TeleconsultationEvents.requestExpired.type,
    ]);
  });

  it('ten doctors accepting while the patient withdraws and the deadline passes: exactly one change wins', async () => {
    const who = patient();
    const r = await create(who);
    await paid(r.id);
    const outcomes = await Promise.allSettled([
      ...doctors.map((d) => app.get(AcceptRequest).execute(r.id, meta(d))),
      app.get(CancelRequest).execute(r.id, meta(who)),
      app.get(ExpireRequest).execute(r.id),
    ]);
    const done = await load(r.id);
    const ends = types(done).filter((t) =>
      [
        TeleconsultationEvents.requestAccepted,
        TeleconsultationEvents.requestCancelled,
        TeleconsultationEvents.requestExpired,
      ].some((c) => c.type === t),
    );
    expect(ends).toHaveLength(1);
    const accepted = outcomes.slice(0, doctors.length).filter((o) => o.status === 'fulfilled');
    expect(accepted.length).toBe(done.status === ConsultationRequestStatus.ACCEPTED ? 1 : 0);
    for (const o of outcomes.slice(0, doctors.length))
      if (o.status === 'rejected') expect((o.reason as DomainError).options.reason).toBe('REQUEST_NOT_OPEN');
    if (done.status === ConsultationRequestStatus.ACCEPTED)
      expect(await app.get(ConsultationStore).load(done.consultationId!)).toMatchObject({
        requestId: r.id,
        doctorId: done.acceptedBy,
      });
  });

  it('the accepted event redelivered opens the session once', async () => {
    const r = await create();
    await paid(r.id);
    await app.get(AcceptRequest).execute(r.id, meta(doctors[0]));
    const accepted = await load(r.id);
    const consumer = app.get(RequestEventsConsumer);
    const envelope = JSON.parse(
      accepted.outbox.find((o) => o.envelope.includes(TeleconsultationEvents.requestAccepted.type))!.envelope,
    );
    await Promise.all([consumer.accepted(envelope), consumer.accepted(envelope)]);
    const session = (await app.get(ConsultationStore).load(accepted.consultationId!))!;
    expect(
      session.outbox.filter((o) => o.envelope.includes(TeleconsultationEvents.consultationScheduled.type)),
    ).toHaveLength(1);
    expect(session).toMatchObject({ appointmentId: null, requestId: r.id, scheduledStart: NOW });
  });
});
