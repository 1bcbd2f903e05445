import { randomUUID } from 'node:crypto';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MongooseModule, getConnectionToken } from '@nestjs/mongoose';
import {
  AppointmentStatus,
  ClinicalResourceKind,
  ConsultationMode,
  Gender,
  ClinicalEvents,
  PrescriptionStatus,
  PrescriptionValidity,
  Role,
  type AppointmentEventBase,
  type Caller,
  type DoctorProfileView,
  type EventEnvelope,
  type PrescriptionView,
} from '@telehealth/contracts';
import { DomainError, type RequestMeta } from '@telehealth/messaging';
import { OutboxRelay } from '@telehealth/messaging/eventing';
import { Clock, FakeClock, IdGenerator, RandomIdGenerator } from '@telehealth/service-kit';
import { MONGO_URI } from '@telehealth/testing';
import type { Connection } from 'mongoose';
import { MedicalCipher } from '../common/medical-cipher';
import { TeleconsultationConfig } from '../config/teleconsultation.config';
import { ACCESS_ENTRY_MODEL, AccessEntrySchema } from '../modules/access-log/access-entry.schema';
import { AccessLog } from '../modules/access-log/access-log';
import { CARE_APPOINTMENT_MODEL, CareAppointmentSchema } from '../modules/care/care-appointment.schema';
import { CareAppointments } from '../modules/care/care-appointments';
import { CareRelationships } from '../modules/care/care-relationships';
import { ClinicalAccess } from '../modules/care/clinical-access';
import { amoxicillin } from '../modules/prescriptions/prescription-fixtures';
import { PrescriptionAccess } from '../modules/prescriptions/prescription-access';
import { PrescriptionChanges } from '../modules/prescriptions/prescription-changes';
import { PrescriptionSources } from '../modules/prescriptions/prescription-sources';
import {
  PRESCRIPTION_CODE_MODEL,
  PRESCRIPTION_MODEL,
  PrescriptionCodeSchema,
  PrescriptionSchema,
  type PrescriptionDoc,
} from '../modules/prescriptions/prescription.schema';
import { PrescriptionStore } from '../modules/prescriptions/prescription.store';
import { CancelPrescription } from '../modules/prescriptions/usecases/cancel-prescription/cancel-prescription.usecase';
import { CreatePrescription } from '../modules/prescriptions/usecases/create-prescription/create-prescription.usecase';
import { Files } from '../modules/files/files';
import { GetPrescription } from '../modules/prescriptions/usecases/get-prescription/get-prescription.usecase';
import { ListPrescriptions } from '../modules/prescriptions/usecases/list-prescriptions/list-prescriptions.usecase';
import { SignPrescription } from '../modules/prescriptions/usecases/sign-prescription/sign-prescription.usecase';
import { UpdatePrescription } from '../modules/prescriptions/usecases/update-prescription/update-prescription.usecase';
import { VerifyPrescription } from '../modules/prescriptions/usecases/verify-prescription/verify-prescription.usecase';

const DB = `it_prescriptions_${randomUUID().slice(0, 8)}`;
const NOW = new Date('2026-12-02T09:00:00.000Z');

/** identity and scheduling as they answer at signing (their RPCs are tested in their services). */
const sources = {
  patient: async () => ({ firstName: 'Ngozi', lastName: 'Okeke', dateOfBirth: '1991-04-23', gender: Gender.FEMALE }),
  record: async () => ({ allergies: [], weightKg: null }),
  doctor: async (doctorId: string) => ({
    profile: {
      id: doctorId,
      firstName: 'Tunde',
      lastName: 'Adeyemi',
      registrationNumber: 'MDCN/12345',
      qualifications: ['MBBS'],
    } as DoctorProfileView,
    clinic: null,
  }),
};

@Module({
  imports: [
    MongooseModule.forRoot(MONGO_URI, { dbName: DB }),
    MongooseModule.forFeature([
      { name: CARE_APPOINTMENT_MODEL, schema: CareAppointmentSchema },
      { name: ACCESS_ENTRY_MODEL, schema: AccessEntrySchema },
      { name: PRESCRIPTION_MODEL, schema: PrescriptionSchema },
      { name: PRESCRIPTION_CODE_MODEL, schema: PrescriptionCodeSchema },
    ]),
  ],
  providers: [
    CareAppointments,
    CareRelationships,
    ClinicalAccess,
    AccessLog,
    MedicalCipher,
    PrescriptionStore,
    PrescriptionChanges,
    PrescriptionAccess,
    CreatePrescription,
    UpdatePrescription,
    SignPrescription,
    CancelPrescription,
    GetPrescription,
    ListPrescriptions,
    VerifyPrescription,
    { provide: PrescriptionSources, useValue: sources },
    // Structured prescriptions only here; uploaded ones attach a real file (the e2e, on the object store).
    { provide: Files, useValue: { attach: async () => undefined } },
    { provide: OutboxRelay, useValue: { kick: () => undefined } },
    { provide: Clock, useValue: new FakeClock(NOW) },
    { provide: IdGenerator, useClass: RandomIdGenerator },
    { provide: TeleconsultationConfig, useValue: new TeleconsultationConfig() },
  ],
})
class PrescriptionsTestModule {}

const meta = (caller: Caller): RequestMeta => ({ requestId: randomUUID(), caller });
const person = (role: Role): Caller => ({
  userId: randomUUID(),
  roles: [role],
  organisationIds: [],
  ...(role === Role.DOCTOR && { doctorProfileId: randomUUID() }),
});

async function refusal(p: Promise<unknown>): Promise<{ code: string; reason?: string }> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof DomainError)) throw new Error(`expected a refusal, got ${String(err)}`);
  return { code: err.code, reason: err.options.reason };
}

describe('Prescriptions on the real database', () => {
  let app: INestApplicationContext;
  let connection: Connection;

  beforeAll(async () => {
    app = await NestFactory.createApplicationContext(PrescriptionsTestModule, { logger: false });
    await app.init();
    connection = app.get<Connection>(getConnectionToken());
    await Promise.all(Object.values(connection.models).map((m) => m.init()));
  });
  afterAll(async () => {
    await connection.dropDatabase();
    await app.close();
  });

  /** A patient and their doctor with an appointment in `status`. */
  async function treatment(status = AppointmentStatus.IN_PROGRESS) {
    const patient = person(Role.PATIENT);
    const doctor = person(Role.DOCTOR);
    const appointmentId = randomUUID();
    await app.get(CareAppointments).record({
      id: randomUUID(),
      type: 'scheduling.appointment.x.v1',
      occurredAt: NOW.toISOString(),
      producer: 'scheduling',
      correlationId: 'c',
      aggregateId: appointmentId,
      payload: {
        appointmentId,
        patientId: patient.userId,
        dependentId: null,
        doctorId: doctor.doctorProfileId,
        organisationId: null,
        clinicId: null,
        mode: ConsultationMode.ONLINE,
        start: NOW.toISOString(),
        end: new Date(NOW.getTime() + 30 * 60_000).toISOString(),
        status,
      },
    } as unknown as EventEnvelope<AppointmentEventBase>);
    return { patient, doctor, appointmentId };
  }

  const draft = async (t: Awaited<ReturnType<typeof treatment>>): Promise<PrescriptionView> =>
    app.get(CreatePrescription).execute(
      {
        appointmentId: t.appointmentId,
        medications: [amoxicillin()],
        diagnosis: 'Acute otitis media',
        patientDetails: { weightKg: 64, allergies: ['Penicillin'] },
      },
      meta(t.doctor),
    );
  const sign = (t: { doctor: Caller }, id: string) => app.get(SignPrescription).execute({ id }, meta(t.doctor));
  const raw = (id: string) => connection.collection<PrescriptionDoc>('prescriptions').findOne({ _id: id });
  const eventTypes = async (id: string) =>
    ((await raw(id))?.outbox ?? []).map((o) => (JSON.parse(o.envelope) as EventEnvelope).type);

  it('keeps medications, diagnosis and the patient snapshot sealed at rest', async () => {
    const t = await treatment();
    const p = await sign(t, (await draft(t)).id);
    expect(p.medications[0].name).toBe('Amoxicillin');
    expect(p.patient).toMatchObject({ name: 'Ngozi Okeke', age: 35, weightKg: 64, allergies: ['Penicillin'] });
    const stored = JSON.stringify(await raw(p.id));
    for (const secret of ['Amoxicillin', 'otitis', 'Penicillin', 'Ngozi', 'After meals'])
      expect(stored).not.toContain(secret);
    expect((await raw(p.id))?.contentEnc).toMatch(/^v1:/);
  });

  it('20 signatures of one draft at once: one signs (one code, one issued event), the others get 409', async () => {
    const t = await treatment();
    const { id } = await draft(t);
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => sign(t, id)));
    const signed = results.filter((r) => r.status === 'fulfilled');
    expect(signed).toHaveLength(1);
    for (const r of results.filter((x): x is PromiseRejectedResult => x.status === 'rejected'))
      expect(r.reason).toMatchObject({ options: { reason: 'PRESCRIPTION_SIGNED' } });
    const doc = await raw(id);
    expect(doc?.status).toBe(PrescriptionStatus.SIGNED);
    expect(await eventTypes(id)).toEqual([ClinicalEvents.prescriptionIssued.type]);
    // Codes reserved by the losing signatures name nothing: only the winner's verifies.
    const verify = app.get(VerifyPrescription);
    expect((await verify.execute({ code: doc!.verificationCode! })).status).toBe(PrescriptionValidity.VALID);
    const codes = await connection.collection('prescription_codes').find({ prescriptionId: id }).toArray();
    const others = codes.map((c) => String(c._id)).filter((c) => c !== doc!.verificationCode);
    for (const c of others) expect((await verify.execute({ code: c })).status).toBe(PrescriptionValidity.UNKNOWN);
  });

  it('an edit racing the signature lands before it (and is signed) or is refused after it', async () => {
    for (let round = 0; round < 5; round++) {
      const t = await treatment();
      const { id } = await draft(t);
      const [edit, signature] = await Promise.allSettled([
        app.get(UpdatePrescription).execute({ id, notes: `edited ${round}` }, meta(t.doctor)),
        sign(t, id),
      ]);
      expect(signature.status).toBe('fulfilled');
      const final = await app.get(GetPrescription).execute({ id }, meta(t.doctor));
      if (edit.status === 'fulfilled') expect(final.notes).toBe(`edited ${round}`);
      else {
        expect(edit.reason).toMatchObject({ options: { reason: 'PRESCRIPTION_SIGNED' } });
        expect(final.notes).toBeNull();
      }
      expect(final.status).toBe(PrescriptionStatus.SIGNED);
    }
  });

  it('a signed prescription is immutable: edit and second signature 409 PRESCRIPTION_SIGNED', async () => {
    const t = await treatment();
    const p = await sign(t, (await draft(t)).id);
    expect(await refusal(app.get(UpdatePrescription).execute({ id: p.id, notes: 'x' }, meta(t.doctor)))).toEqual({
      code: 'CONFLICT',
      reason: 'PRESCRIPTION_SIGNED',
    });
    expect(await refusal(sign(t, p.id))).toMatchObject({ reason: 'PRESCRIPTION_SIGNED' });
  });

  it('only the appointment doctor prescribes, and only for a confirmed, running or completed appointment', async () => {
    const t = await treatment();
    const stranger = person(Role.DOCTOR);
    expect(await refusal(draft({ ...t, doctor: stranger }))).toMatchObject({ code: 'NOT_FOUND' });
    const pending = await treatment(AppointmentStatus.PENDING_PAYMENT);
    expect(await refusal(draft(pending))).toEqual({
      code: 'CONFLICT',
      reason: 'ILLEGAL_TRANSITION_FROM_PENDING_PAYMENT',
    });
  });

  it('reads: the patient once issued, the author, a stranger 404; the doctor read is in the access log', async () => {
    const t = await treatment();
    const { id } = await draft(t);
    const get = (c: Caller) => app.get(GetPrescription).execute({ id }, meta(c));
    expect(await refusal(get(t.patient))).toMatchObject({ code: 'NOT_FOUND' }); // a draft is the doctor's
    await sign(t, id);
    expect((await get(t.patient)).status).toBe(PrescriptionStatus.SIGNED);
    expect(await refusal(get(person(Role.DOCTOR)))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusal(get(person(Role.PATIENT)))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusal(get(person(Role.ADMIN)))).toMatchObject({ reason: 'REASON_REQUIRED' });
    await get(t.doctor);
    const log = await app.get(AccessLog).list(t.patient.userId, { page: 1, limit: 20 });
    expect(log.items.map((e) => [e.kind, e.resourceId, e.readerId])).toContainEqual([
      ClinicalResourceKind.PRESCRIPTION,
      id,
      t.doctor.userId,
    ]);
    const list = (c: Caller) => app.get(ListPrescriptions).execute({ page: 1, limit: 20 }, meta(c));
    expect((await list(t.patient)).items.map((p) => p.id)).toEqual([id]);
    expect((await list(t.doctor)).items.map((p) => p.id)).toEqual([id]);
    expect((await list(person(Role.PATIENT))).items).toEqual([]);
  });

  it("a draft cancelled before it was signed stays its doctor's: the patient neither reads nor lists it; nothing announced", async () => {
    const t = await treatment();
    const { id } = await draft(t);
    const cancelled = await app.get(CancelPrescription).execute({ id, reason: 'Started over' }, meta(t.doctor));
    expect(cancelled.status).toBe(PrescriptionStatus.CANCELLED);
    expect(await refusal(app.get(GetPrescription).execute({ id }, meta(t.patient)))).toMatchObject({
      code: 'NOT_FOUND',
    });
    const listed = await app.get(ListPrescriptions).execute({ page: 1, limit: 20 }, meta(t.patient));
    expect(listed.items).toEqual([]);
    expect(await eventTypes(id)).toEqual([]);
    expect((await app.get(GetPrescription).execute({ id }, meta(t.doctor))).cancellationReason).toBe('Started over');
  });

  it('cancel: kept and readable, marked; announced once; its code verifies CANCELLED; no patient data in verify', async () => {
    const t = await treatment();
    const p = await sign(t, (await draft(t)).id);
    const cancel = () => app.get(CancelPrescription).execute({ id: p.id, reason: 'Wrong strength' }, meta(t.doctor));
    const cancelled = await cancel();
    expect(cancelled).toMatchObject({ status: PrescriptionStatus.CANCELLED, cancellationReason: 'Wrong strength' });
    expect(await refusal(cancel())).toMatchObject({ reason: 'PRESCRIPTION_CANCELLED' });
    expect(await eventTypes(p.id)).toEqual([
      ClinicalEvents.prescriptionIssued.type,
      ClinicalEvents.prescriptionCancelled.type,
    ]);
    const verified = await app.get(VerifyPrescription).execute({ code: p.verificationCode!.toLowerCase() });
    expect(verified).toEqual({
      code: p.verificationCode,
      status: PrescriptionValidity.CANCELLED,
      issuedAt: p.signedAt,
      doctorName: 'Dr Tunde Adeyemi',
      registrationNumber: 'MDCN/12345',
    });
    expect((await app.get(VerifyPrescription).execute({ code: 'ZZZZ-ZZZZ-ZZZZ' })).status).toBe(
      PrescriptionValidity.UNKNOWN,
    );
  });
});
