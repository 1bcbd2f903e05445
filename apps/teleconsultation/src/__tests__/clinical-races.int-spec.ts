import { randomUUID } from 'node:crypto';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MongooseModule, getConnectionToken } from '@nestjs/mongoose';
import {
  AppointmentStatus,
  ConsultationMode,
  EntrySource,
  NoteStatus,
  Role,
  type AppointmentEventBase,
  type Caller,
  type EventEnvelope,
} from '@telehealth/contracts';
import { RpcClient, type RequestMeta } from '@telehealth/messaging';
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
import { NoteAccess } from '../modules/notes/note-access';
import { NoteCodec } from '../modules/notes/note-content';
import { NOTE_MODEL, NoteSchema } from '../modules/notes/note.schema';
import { NoteStore } from '../modules/notes/note.store';
import { CreateNote } from '../modules/notes/usecases/create-note/create-note.usecase';
import { EditNote } from '../modules/notes/usecases/edit-note/edit-note.usecase';
import { SignNote } from '../modules/notes/usecases/sign-note/sign-note.usecase';
import { MEDICAL_RECORD_MODEL, MedicalRecordSchema } from '../modules/records/medical-record.schema';
import { MedicalRecordStore } from '../modules/records/medical-record.store';
import { RecordCodec } from '../modules/records/record-codec';
import { RecordOwner } from '../modules/records/record-owner';
import { AddPatientEntries } from '../modules/records/usecases/add-patient-entries/add-patient-entries.usecase';
import { UpdateOwnRecord } from '../modules/records/usecases/update-own-record/update-own-record.usecase';

const DB = `it_clinical_races_${randomUUID().slice(0, 8)}`;
const NOW = new Date('2026-12-02T09:00:00.000Z');

@Module({
  imports: [
    MongooseModule.forRoot(MONGO_URI, { dbName: DB }),
    MongooseModule.forFeature([
      { name: CARE_APPOINTMENT_MODEL, schema: CareAppointmentSchema },
      { name: ACCESS_ENTRY_MODEL, schema: AccessEntrySchema },
      { name: NOTE_MODEL, schema: NoteSchema },
      { name: MEDICAL_RECORD_MODEL, schema: MedicalRecordSchema },
    ]),
  ],
  providers: [
    CareAppointments,
    CareRelationships,
    ClinicalAccess,
    AccessLog,
    MedicalCipher,
    NoteStore,
    NoteCodec,
    NoteAccess,
    CreateNote,
    EditNote,
    SignNote,
    MedicalRecordStore,
    RecordCodec,
    RecordOwner,
    UpdateOwnRecord,
    AddPatientEntries,
    { provide: OutboxRelay, useValue: { kick: () => undefined } },
    { provide: RpcClient, useValue: {} },
    { provide: Clock, useValue: new FakeClock(NOW) },
    { provide: IdGenerator, useClass: RandomIdGenerator },
    { provide: TeleconsultationConfig, useValue: new TeleconsultationConfig() },
  ],
})
class ClinicalRacesTestModule {}

const meta = (caller: Caller): RequestMeta => ({ requestId: randomUUID(), caller });

describe('Clinical records under concurrency, on the real database', () => {
  let app: INestApplicationContext;
  const patient: Caller = { userId: randomUUID(), roles: [Role.PATIENT], organisationIds: [] };
  const doctor: Caller = {
    userId: randomUUID(),
    roles: [Role.DOCTOR],
    organisationIds: [],
    doctorProfileId: randomUUID(),
  };
  const appointmentId = randomUUID();

  beforeAll(async () => {
    app = await NestFactory.createApplicationContext(ClinicalRacesTestModule, { logger: false });
    await app.init();
    await Promise.all(Object.values(app.get<Connection>(getConnectionToken()).models).map((m) => m.init()));
    await app.get(CareAppointments).record({
      id: randomUUID(),
      type: 'scheduling.appointment.confirmed.v1',
      occurredAt: NOW.toISOString(),
      producer: 'scheduling',
      correlationId: 'c',
      aggregateId: appointmentId,
      payload: {
        appointmentId,
        number: 'APT-1',
        patientId: patient.userId,
        dependentId: null,
        doctorId: doctor.doctorProfileId as string,
        clinicId: null,
        mode: ConsultationMode.ONLINE,
        start: new Date(NOW.getTime() + 3_600_000).toISOString(),
        end: new Date(NOW.getTime() + 5_400_000).toISOString(),
        timeZone: 'Africa/Lagos',
        status: AppointmentStatus.CONFIRMED,
        fee: { amountMinor: 1, currency: 'NGN' },
      },
    } as EventEnvelope<AppointmentEventBase>);
  });
  afterAll(async () => {
    await app.get<Connection>(getConnectionToken()).dropDatabase();
    await app.close();
  });

  it('gives an appointment one note when its doctor starts it twice at once', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () => app.get(CreateNote).execute({ appointmentId, assessment: 'a' }, meta(doctor))),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused.map((r) => r.reason.options?.reason)).toEqual(Array(7).fill('NOTE_EXISTS'));
  });

  it('signs a note once, and an edit racing the signature either lands before it or is refused', async () => {
    const [note] = await app.get(NoteStore).ofAppointment(appointmentId);
    const signs = Array.from({ length: 6 }, () => app.get(SignNote).execute({ id: note._id }, meta(doctor)));
    const edits = Array.from({ length: 6 }, (_, i) =>
      app.get(EditNote).execute({ id: note._id, plan: `plan ${i}` }, meta(doctor)),
    );
    const [signed, edited] = await Promise.all([Promise.allSettled(signs), Promise.allSettled(edits)]);
    expect(signed.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const final = await app.get(NoteStore).load(note._id);
    expect(final?.status).toBe(NoteStatus.SIGNED);
    expect(final?.outbox.filter((o) => o.subject.endsWith('note.signed.v1'))).toHaveLength(1);
    // Every edit that succeeded is in the signed text's history: none was applied after the signature.
    const okEdits = edited.filter((r) => r.status === 'fulfilled').length;
    expect(final?.version).toBe(1 + okEdits);
    for (const r of edited)
      if (r.status === 'rejected')
        expect((r.reason as { options?: { reason?: string } }).options?.reason).toBe('NOTE_SIGNED');
  });

  it('loses no entry when the patient rewrites their history while their doctor adds to it', async () => {
    const rewrites = Array.from({ length: 5 }, (_, i) =>
      app
        .get(UpdateOwnRecord)
        .execute({ allergies: [{ substance: `own-${i}`, reaction: null, severity: null }] }, meta(patient)),
    );
    const additions = Array.from({ length: 5 }, (_, i) =>
      app.get(AddPatientEntries).execute(
        {
          patientId: patient.userId,
          appointmentId,
          allergies: [{ substance: `doc-${i}`, reaction: null, severity: null }],
        },
        meta(doctor),
      ),
    );
    await Promise.all([...rewrites, ...additions]);
    const r = app
      .get(RecordCodec)
      .view(await app.get(MedicalRecordStore).load(patient.userId, null), patient.userId, null);
    const bySource = (s: EntrySource) => r.allergies.filter((a) => a.source === s).map((a) => a.substance);
    expect(bySource(EntrySource.DOCTOR).sort()).toEqual(['doc-0', 'doc-1', 'doc-2', 'doc-3', 'doc-4']);
    expect(bySource(EntrySource.PATIENT)).toHaveLength(1);
    expect(r.version).toBe(10);
  });
});
