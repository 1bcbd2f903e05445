import { randomUUID } from 'node:crypto';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MongooseModule, getConnectionToken } from '@nestjs/mongoose';
import {
  AppointmentStatus,
  ClinicalReader,
  ClinicalResourceKind,
  ConsultationMode,
  Role,
  type AppointmentEventBase,
  type Caller,
  type EventEnvelope,
} from '@telehealth/contracts';
import { DomainError } from '@telehealth/messaging';
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

const DB = `it_clinical_access_${randomUUID().slice(0, 8)}`;
const NOW = new Date('2026-12-02T09:00:00.000Z');
const DAY = 86_400_000;
const clock = new FakeClock(NOW);

@Module({
  imports: [
    MongooseModule.forRoot(MONGO_URI, { dbName: DB }),
    MongooseModule.forFeature([
      { name: CARE_APPOINTMENT_MODEL, schema: CareAppointmentSchema },
      { name: ACCESS_ENTRY_MODEL, schema: AccessEntrySchema },
    ]),
  ],
  providers: [
    CareAppointments,
    CareRelationships,
    ClinicalAccess,
    AccessLog,
    MedicalCipher,
    { provide: Clock, useValue: clock },
    { provide: IdGenerator, useClass: RandomIdGenerator },
    { provide: TeleconsultationConfig, useValue: new TeleconsultationConfig() },
  ],
})
class ClinicalAccessTestModule {}

let n = 0;
/** An appointment event as scheduling publishes it, `at` when it happened. */
function event(
  a: { id: string; patientId: string; doctorId: string; end: Date },
  status: AppointmentStatus,
  at: Date,
): EventEnvelope<AppointmentEventBase> {
  return {
    id: randomUUID(),
    type: 'scheduling.appointment.x.v1',
    occurredAt: at.toISOString(),
    producer: 'scheduling',
    correlationId: `c-${++n}`,
    aggregateId: a.id,
    payload: {
      appointmentId: a.id,
      number: `APT-${n}`,
      patientId: a.patientId,
      dependentId: null,
      doctorId: a.doctorId,
      clinicId: null,
      mode: ConsultationMode.IN_CLINIC,
      start: new Date(a.end.getTime() - 30 * 60_000).toISOString(),
      end: a.end.toISOString(),
      timeZone: 'Africa/Lagos',
      status,
      fee: { amountMinor: 100, currency: 'NGN' },
    },
  } as EventEnvelope<AppointmentEventBase>;
}

const patient = (): Caller => ({ userId: randomUUID(), roles: [Role.PATIENT], organisationIds: [] });
const doctor = (): Caller => ({
  userId: randomUUID(),
  roles: [Role.DOCTOR],
  organisationIds: [],
  doctorProfileId: randomUUID(),
});
const admin = (): Caller => ({ userId: randomUUID(), roles: [Role.ADMIN], organisationIds: [] });

describe('Clinical access on the real database', () => {
  let app: INestApplicationContext;
  let appointments: CareAppointments;
  let relationships: CareRelationships;
  let access: ClinicalAccess;
  let log: AccessLog;

  beforeAll(async () => {
    app = await NestFactory.createApplicationContext(ClinicalAccessTestModule, { logger: false });
    await app.init();
    appointments = app.get(CareAppointments);
    relationships = app.get(CareRelationships);
    access = app.get(ClinicalAccess);
    log = app.get(AccessLog);
  });
  afterAll(async () => {
    await app.get<Connection>(getConnectionToken()).dropDatabase();
    await app.close();
  });

  const pair = (end = new Date(NOW.getTime() + DAY)) => {
    const p = patient();
    const d = doctor();
    return { p, d, a: { id: randomUUID(), patientId: p.userId, doctorId: d.doctorProfileId as string, end } };
  };
  const mayAccess = (d: Caller, p: Caller) => relationships.doctorMayAccess(d.doctorProfileId as string, p.userId);

  it('opens a patient to a doctor while an appointment between them is upcoming, not once it is cancelled', async () => {
    const { p, d, a } = pair();
    expect(await mayAccess(d, p)).toBe(false);
    await appointments.record(event(a, AppointmentStatus.CONFIRMED, new Date(NOW.getTime() - 60_000)));
    expect(await mayAccess(d, p)).toBe(true);
    expect(await mayAccess(doctor(), p)).toBe(false);
    await appointments.record(event(a, AppointmentStatus.CANCELLED, NOW));
    expect(await mayAccess(d, p)).toBe(false);
  });

  it('keeps the newest description when events arrive out of order or again', async () => {
    const { p, d, a } = pair();
    const cancelled = event(a, AppointmentStatus.CANCELLED, NOW);
    await appointments.record(cancelled);
    await appointments.record(event(a, AppointmentStatus.CONFIRMED, new Date(NOW.getTime() - 60_000)));
    await appointments.record(cancelled);
    expect((await appointments.get(a.id))?.status).toBe(AppointmentStatus.CANCELLED);
    expect(await mayAccess(d, p)).toBe(false);
  });

  it('keeps a completed visit open for CARE_RELATIONSHIP_DAYS after it ended, and no longer', async () => {
    const days = new TeleconsultationConfig().CARE_RELATIONSHIP_DAYS;
    const recent = pair(new Date(NOW.getTime() - (days - 1) * DAY));
    const old = pair(new Date(NOW.getTime() - (days + 1) * DAY));
    for (const { a } of [recent, old]) await appointments.record(event(a, AppointmentStatus.COMPLETED, a.end));
    expect(await mayAccess(recent.d, recent.p)).toBe(true);
    expect(await mayAccess(old.d, old.p)).toBe(false);
  });

  it('answers 404 to strangers, logs every read but the patient’s, and asks admins why', async () => {
    const { p, d, a } = pair();
    await appointments.record(event(a, AppointmentStatus.CONFIRMED, NOW));
    const what = { patientId: p.userId, kind: ClinicalResourceKind.MEDICAL_RECORD, id: p.userId };

    await expect(access.read(doctor(), what)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(access.read(patient(), what)).rejects.toBeInstanceOf(DomainError);
    await expect(access.read(admin(), what)).rejects.toMatchObject({ options: { reason: 'REASON_REQUIRED' } });
    await expect(access.read(admin(), { ...what, reason: 'why' })).rejects.toMatchObject({
      options: { reason: 'REASON_REQUIRED' },
    });
    expect((await log.list(p.userId, { page: 1, limit: 10 })).total).toBe(0);

    expect(await access.read(p, what)).toBe(ClinicalReader.PATIENT);
    expect(await access.read(d, what)).toBe(ClinicalReader.DOCTOR);
    clock.advance(1_000);
    const ops = admin();
    expect(await access.read(ops, { ...what, reason: 'Complaint #4411 investigation' })).toBe(ClinicalReader.ADMIN);

    const page = await log.list(p.userId, { page: 1, limit: 10 });
    expect(page.total).toBe(2);
    expect(page.items.map((e) => [e.readerId, e.readerRole, e.reason, e.breakGlass])).toEqual([
      [ops.userId, ClinicalReader.ADMIN, 'Complaint #4411 investigation', true],
      [d.userId, ClinicalReader.DOCTOR, null, false],
    ]);
    expect((await log.list(d.userId, { page: 1, limit: 10 })).total).toBe(0);
  });

  it('lets the author of a note read it after the care relationship has ended', async () => {
    const { p, d } = pair();
    const note = { patientId: p.userId, kind: ClinicalResourceKind.NOTE, id: randomUUID() };
    await expect(access.read(d, note)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await access.read(d, { ...note, authorDoctorId: d.doctorProfileId })).toBe(ClinicalReader.DOCTOR);
  });
});
