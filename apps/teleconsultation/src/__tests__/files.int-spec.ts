import { createHash, randomUUID } from 'node:crypto';
import { Global, Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MongooseModule, getConnectionToken, getModelToken } from '@nestjs/mongoose';
import {
  AppointmentStatus,
  ClinicalReader,
  ConsultationMode,
  FilePurpose,
  FileStatus,
  Role,
  type Caller,
} from '@telehealth/contracts';
import type { DomainError } from '@telehealth/messaging';
import { ObjectStore } from '@telehealth/storage';
import { MONGO_URI, TEST_S3, sampleFile } from '@telehealth/testing';
import type { Connection, Model } from 'mongoose';
import { TeleconsultationConfig } from '../config/teleconsultation.config';
import { AccessLog } from '../modules/access-log/access-log';
import { CARE_APPOINTMENT_MODEL, type CareAppointmentDoc } from '../modules/care/care-appointment.schema';
import { Files } from '../modules/files/files';
import { FilesModule } from '../modules/files/files.module';

const DB = `it_files_${randomUUID().slice(0, 8)}`;
const config = Object.assign(new TeleconsultationConfig(), TEST_S3, { FILE_MAX_MB_AVATAR: 1 });

@Global()
@Module({
  providers: [{ provide: TeleconsultationConfig, useValue: config }],
  exports: [TeleconsultationConfig],
})
class TestConfigModule {}

@Module({ imports: [TestConfigModule, MongooseModule.forRoot(MONGO_URI, { dbName: DB }), FilesModule] })
class FilesTestModule {}

const patient = (userId = `p-${randomUUID()}`): Caller => ({ userId, roles: [Role.PATIENT], organisationIds: [] });
const doctor = (): Caller => {
  const id = randomUUID();
  return { userId: `u-${id}`, roles: [Role.DOCTOR], organisationIds: [], doctorProfileId: `d-${id}` };
};
const admin: Caller = { userId: 'admin-1', roles: [Role.ADMIN], organisationIds: [] };
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: DomainError) => ({ code: e.code, reason: e.options?.reason, fields: e.options?.details?.map((d) => d.field) }),
  );
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let app: INestApplicationContext;
let files: Files;
let store: ObjectStore;
let log: AccessLog;
let careAppointments: Model<CareAppointmentDoc>;

beforeAll(async () => {
  app = await NestFactory.createApplicationContext(FilesTestModule, { logger: false });
  await app.init();
  files = app.get(Files);
  store = app.get(ObjectStore);
  log = app.get(AccessLog);
  careAppointments = app.get(getModelToken(CARE_APPOINTMENT_MODEL));
});

afterAll(async () => {
  await app.get<Connection>(getConnectionToken()).dropDatabase();
  await app.close();
  store.destroy();
});

/** Requests an upload, PUTs `bytes` to the presigned URL as a client would, and answers the ticket. */
async function upload(owner: Caller, type: string, bytes: Buffer, purpose = FilePurpose.MEDICAL_DOCUMENT, extra = {}) {
  const ticket = await files.requestUpload(owner, {
    name: 'Blood test – März.pdf',
    contentType: type,
    size: bytes.length,
    purpose,
    ...extra,
  });
  const res = await fetch(ticket.upload.url, { method: 'PUT', headers: ticket.upload.headers, body: bytes });
  expect(res.status).toBe(200);
  return ticket;
}

async function treats(doc: Caller, patientId: string): Promise<void> {
  const now = Date.now();
  await careAppointments.create({
    _id: randomUUID(),
    patientId,
    dependentId: null,
    doctorId: doc.doctorProfileId!,
    organisationId: null,
    clinicId: null,
    mode: ConsultationMode.ONLINE,
    start: new Date(now + 86_400_000),
    end: new Date(now + 86_400_000 + 1_800_000),
    status: AppointmentStatus.CONFIRMED,
    asOf: new Date(now),
  });
}

describe('files on the real object store', () => {
  it('uploads through the presigned URL, confirms, and hands the owner a URL of the same bytes', async () => {
    const owner = patient();
    const bytes = sampleFile('application/pdf', 300_000);
    const ticket = await upload(owner, 'application/pdf', bytes);
    expect(ticket.file.status).toBe(FileStatus.PENDING_UPLOAD);

    const ready = await files.confirm(ticket.file.id, owner);
    expect(ready).toMatchObject({ status: FileStatus.READY, size: bytes.length, contentType: 'application/pdf' });
    expect(ready.sha256).toBe(sha256(bytes));

    const got = await files.download(ticket.file.id, owner);
    const res = await fetch(got.download.url);
    expect(res.status).toBe(200);
    expect(sha256(Buffer.from(await res.arrayBuffer()))).toBe(sha256(bytes));
    expect(res.headers.get('content-disposition')).toContain(
      "filename*=UTF-8''Blood%20test%20%E2%80%93%20M%C3%A4rz.pdf",
    );
    // The upload key is gone: a later PUT to the upload URL can never replace what was checked.
    expect(await store.head(`teleconsultation/uploads/${ticket.file.id}`)).toBeNull();
  });

  it('stores the name encrypted, never in the key', async () => {
    const owner = patient();
    const ticket = await upload(owner, 'image/png', sampleFile('image/png', 4096));
    await files.confirm(ticket.file.id, owner);
    const raw = await app
      .get<Connection>(getConnectionToken())
      .collection('files')
      .findOne({ _id: ticket.file.id as never });
    expect(JSON.stringify(raw)).not.toContain('Blood test');
    expect(raw!.key).toMatch(
      new RegExp(`^teleconsultation/medical-document/\\d{4}/\\d{2}/${ticket.file.id}/[0-9a-f]{64}$`),
    );
  });

  it('refuses bytes that are not the declared type and deletes them from the bucket', async () => {
    const owner = patient();
    const ticket = await upload(owner, 'application/pdf', sampleFile('text/plain', 5000));
    expect(await refusal(files.confirm(ticket.file.id, owner))).toMatchObject({
      code: 'UNPROCESSABLE',
      reason: 'FILE_CONTENT_REJECTED',
    });
    expect(await store.head(`teleconsultation/uploads/${ticket.file.id}`)).toBeNull();
    // Refused for good: confirming again says so, and nothing can be downloaded.
    expect(await refusal(files.confirm(ticket.file.id, owner))).toMatchObject({ reason: 'FILE_CONTENT_REJECTED' });
    expect(await refusal(files.download(ticket.file.id, owner))).toMatchObject({ reason: 'FILE_NOT_READY' });
  });

  it('refuses a PNG declared as a JPEG (both allowed, but not what was declared)', async () => {
    const owner = patient();
    const ticket = await upload(owner, 'image/jpeg', sampleFile('image/png', 5000));
    expect(await refusal(files.confirm(ticket.file.id, owner))).toMatchObject({ reason: 'FILE_CONTENT_REJECTED' });
  });

  it('lets the store refuse a PUT of another size or type than the URL was signed for', async () => {
    const owner = patient();
    const bytes = sampleFile('application/pdf', 2000);
    const ticket = await files.requestUpload(owner, {
      name: 'a.pdf',
      contentType: 'application/pdf',
      size: bytes.length,
      purpose: FilePurpose.PRESCRIPTION,
    });
    const longer = await fetch(ticket.upload.url, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/pdf' },
      body: Buffer.concat([bytes, Buffer.alloc(10)]),
    });
    expect(longer.status).toBe(403);
    const otherType = await fetch(ticket.upload.url, {
      method: 'PUT',
      headers: { 'Content-Type': 'image/png', 'Content-Length': String(bytes.length) },
      body: bytes,
    });
    expect(otherType.status).toBe(403);
    expect(await refusal(files.confirm(ticket.file.id, owner))).toMatchObject({ reason: 'FILE_NOT_UPLOADED' });
  });

  it('refuses a declared type or size the purpose does not allow, naming the field', async () => {
    const owner = patient();
    const ask = (contentType: string, size: number, purpose: FilePurpose) =>
      refusal(files.requestUpload(owner, { name: 'x', contentType, size, purpose }));
    expect(await ask('application/pdf', 100, FilePurpose.AVATAR)).toEqual({
      code: 'VALIDATION_FAILED',
      reason: 'FILE_TYPE_NOT_ALLOWED',
      fields: ['contentType'],
    });
    expect(await ask('image/png', 1024 * 1024 + 1, FilePurpose.AVATAR)).toEqual({
      code: 'VALIDATION_FAILED',
      reason: 'FILE_TOO_LARGE',
      fields: ['size'],
    });
    expect(await ask('application/dicom', 1024 * 1024 + 1, FilePurpose.SCAN)).toBeNull();
  });

  it('answers 8 concurrent confirms of one upload with the one READY file', async () => {
    const owner = patient();
    const bytes = sampleFile('image/png', 100_000);
    const ticket = await upload(owner, 'image/png', bytes, FilePurpose.SCAN);
    const results = await Promise.all(Array.from({ length: 8 }, () => files.confirm(ticket.file.id, owner)));
    expect(results.map((r) => [r.status, r.sha256])).toEqual(
      Array.from({ length: 8 }, () => [FileStatus.READY, sha256(bytes)]),
    );
    const again = await files.confirm(ticket.file.id, owner);
    expect(again.status).toBe(FileStatus.READY);
  });

  it('shows a clinical file to its patient and treating doctor (audited), and 404 to anyone else', async () => {
    const owner = patient();
    const ticket = await upload(owner, 'application/pdf', sampleFile('application/pdf'));
    await files.confirm(ticket.file.id, owner);
    const stranger = patient();
    const otherDoctor = doctor();
    const treating = doctor();
    await treats(treating, owner.userId);

    expect(await refusal(files.download(ticket.file.id, stranger))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusal(files.download(ticket.file.id, otherDoctor))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusal(files.download(ticket.file.id, admin))).toMatchObject({ reason: 'REASON_REQUIRED' });
    expect(await refusal(files.confirm(ticket.file.id, stranger))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusal(files.remove(ticket.file.id, stranger))).toMatchObject({ code: 'NOT_FOUND' });

    await files.download(ticket.file.id, owner);
    await files.download(ticket.file.id, treating);
    await files.download(ticket.file.id, admin, { accessReason: 'Complaint review #4411 by the medical director' });
    const entries = (await log.list(owner.userId, { page: 1, limit: 100 })).items.filter(
      (e) => e.resourceId === ticket.file.id,
    );
    expect(entries.map((e) => [e.readerId, e.readerRole]).sort()).toEqual(
      [
        [treating.userId, ClinicalReader.DOCTOR],
        [admin.userId, ClinicalReader.ADMIN],
      ].sort(),
    );
  });

  it('lets a treating doctor upload for their patient (and read it back as its author), nobody else', async () => {
    const p = patient();
    const treating = doctor();
    await treats(treating, p.userId);
    const ticket = await upload(treating, 'image/jpeg', sampleFile('image/jpeg'), FilePurpose.SCAN, {
      patientId: p.userId,
    });
    expect(ticket.file.patientId).toBe(p.userId);
    await files.confirm(ticket.file.id, treating);
    expect((await files.download(ticket.file.id, p)).file.id).toBe(ticket.file.id);
    const stranger = doctor();
    expect(
      await refusal(
        files.requestUpload(stranger, {
          name: 'x.jpg',
          contentType: 'image/jpeg',
          size: 10,
          purpose: FilePurpose.SCAN,
          patientId: p.userId,
        }),
      ),
    ).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('attaches only a READY file of an allowed purpose owned by the caller; an attached file cannot be deleted', async () => {
    const owner = patient();
    const pending = await files.requestUpload(owner, {
      name: 'x.pdf',
      contentType: 'application/pdf',
      size: 10,
      purpose: FilePurpose.MESSAGE_ATTACHMENT,
    });
    const link = { kind: 'MESSAGE', id: randomUUID() };
    const attach = (id: string, who: Caller, purposes = [FilePurpose.MESSAGE_ATTACHMENT]) =>
      refusal(files.attach(id, who, { purposes, link }));
    expect(await attach(pending.file.id, owner)).toMatchObject({ reason: 'FILE_NOT_READY' });

    const ticket = await upload(owner, 'image/webp', sampleFile('image/webp'), FilePurpose.MESSAGE_ATTACHMENT);
    await files.confirm(ticket.file.id, owner);
    expect(await attach(ticket.file.id, patient())).toMatchObject({ code: 'NOT_FOUND' });
    expect(await attach(ticket.file.id, owner, [FilePurpose.PRESCRIPTION])).toMatchObject({
      reason: 'FILE_PURPOSE_MISMATCH',
      fields: ['fileId'],
    });
    expect(await attach(ticket.file.id, owner)).toBeNull();
    expect(await attach(ticket.file.id, owner)).toBeNull(); // the same link again: no-op
    expect((await files.find(ticket.file.id))!.links).toEqual([link]);
    expect(await refusal(files.remove(ticket.file.id, owner))).toMatchObject({ reason: 'FILE_IN_USE' });

    const loose = await upload(owner, 'image/png', sampleFile('image/png'), FilePurpose.MESSAGE_ATTACHMENT);
    await files.confirm(loose.file.id, owner);
    await files.remove(loose.file.id, owner);
    await files.remove(loose.file.id, owner); // again: no-op
    expect(await refusal(files.download(loose.file.id, owner))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await attach(loose.file.id, owner)).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('settles a delete racing an attach: never a deleted file with a link', async () => {
    for (let i = 0; i < 5; i++) {
      const owner = patient();
      const ticket = await upload(owner, 'image/png', sampleFile('image/png'), FilePurpose.MESSAGE_ATTACHMENT);
      await files.confirm(ticket.file.id, owner);
      await Promise.all([
        files.remove(ticket.file.id, owner).catch(() => undefined),
        files
          .attach(ticket.file.id, owner, {
            purposes: [FilePurpose.MESSAGE_ATTACHMENT],
            link: { kind: 'MESSAGE', id: `m-${i}` },
          })
          .catch(() => undefined),
      ]);
      const doc = (await files.find(ticket.file.id))!;
      expect(doc.deleted && doc.links.length > 0).toBe(false);
    }
  });
});
