import { randomUUID } from 'node:crypto';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MongooseModule, getConnectionToken } from '@nestjs/mongoose';
import {
  AppointmentStatus,
  ConsultationMode,
  Role,
  TeleconsultationEvents,
  ThreadSenderRole,
  ThreadSide,
  type AppointmentEventBase,
  type Caller,
  type EventEnvelope,
  type ThreadMessagePostedV1,
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
import {
  MESSAGE_THREAD_MODEL,
  MessageThreadSchema,
  THREAD_MESSAGE_MODEL,
  ThreadMessageSchema,
  type ThreadMessageDoc,
} from '../modules/threads/thread.schema';
import { ThreadGuard } from '../modules/threads/thread-guard';
import { ThreadStore } from '../modules/threads/thread.store';
import { GetThread } from '../modules/threads/usecases/get-thread/get-thread.usecase';
import { ListMessages } from '../modules/threads/usecases/list-messages/list-messages.usecase';
import { ListThreads } from '../modules/threads/usecases/list-threads/list-threads.usecase';
import { MarkThreadRead } from '../modules/threads/usecases/mark-thread-read/mark-thread-read.usecase';
import { OpenThread } from '../modules/threads/usecases/open-thread/open-thread.usecase';
import { PostMessage } from '../modules/threads/usecases/post-message/post-message.usecase';
import { Files } from '../modules/files/files';

const DB = `it_threads_${randomUUID().slice(0, 8)}`;
const NOW = new Date('2026-12-02T09:00:00.000Z');

@Module({
  imports: [
    MongooseModule.forRoot(MONGO_URI, { dbName: DB }),
    MongooseModule.forFeature([
      { name: CARE_APPOINTMENT_MODEL, schema: CareAppointmentSchema },
      { name: ACCESS_ENTRY_MODEL, schema: AccessEntrySchema },
      { name: MESSAGE_THREAD_MODEL, schema: MessageThreadSchema },
      { name: THREAD_MESSAGE_MODEL, schema: ThreadMessageSchema },
    ]),
  ],
  providers: [
    CareAppointments,
    CareRelationships,
    ClinicalAccess,
    AccessLog,
    MedicalCipher,
    ThreadStore,
    ThreadGuard,
    OpenThread,
    ListThreads,
    GetThread,
    ListMessages,
    PostMessage,
    MarkThreadRead,
    // The files library's attach is covered against the real object store (files.int-spec, e2e).
    { provide: Files, useValue: { attach: async () => undefined } },
    { provide: OutboxRelay, useValue: { kick: () => undefined } },
    { provide: Clock, useValue: new FakeClock(NOW) },
    { provide: IdGenerator, useClass: RandomIdGenerator },
    { provide: TeleconsultationConfig, useValue: new TeleconsultationConfig() },
  ],
})
class ThreadsTestModule {}

const meta = (caller: Caller): RequestMeta => ({ requestId: randomUUID(), caller });
const patient = (): Caller => ({ userId: randomUUID(), roles: [Role.PATIENT], organisationIds: [] });
const doctor = (): Caller => ({
  userId: randomUUID(),
  roles: [Role.DOCTOR],
  organisationIds: [],
  doctorProfileId: randomUUID(),
});
const admin = (): Caller => ({ userId: randomUUID(), roles: [Role.ADMIN], organisationIds: [] });

const reasonOf = async (p: Promise<unknown>): Promise<string | undefined> =>
  p.then(
    () => 'resolved',
    (err: unknown) => (err instanceof DomainError ? `${err.code}:${err.options.reason ?? ''}` : String(err)),
  );

describe('Secure messaging on the real database', () => {
  let app: INestApplicationContext;
  let connection: Connection;
  const use = <T>(type: new (...args: never[]) => T): T => app.get(type);

  beforeAll(async () => {
    app = await NestFactory.createApplicationContext(ThreadsTestModule, { logger: false });
    await app.init();
    connection = app.get<Connection>(getConnectionToken());
    await Promise.all(Object.values(connection.models).map((m) => m.init()));
  });
  afterAll(async () => {
    await connection.dropDatabase();
    await app.close();
  });

  /** An appointment between them, as scheduling announced it. */
  async function appointment(p: Caller, d: Caller, status = AppointmentStatus.CONFIRMED, organisationId?: string) {
    const id = randomUUID();
    await use(CareAppointments).record({
      id: randomUUID(),
      type: 'scheduling.appointment.confirmed.v1',
      occurredAt: NOW.toISOString(),
      producer: 'scheduling',
      correlationId: 'c',
      aggregateId: id,
      payload: {
        appointmentId: id,
        number: 'APT-1',
        patientId: p.userId,
        dependentId: null,
        doctorId: d.doctorProfileId,
        clinicId: null,
        organisationId: organisationId ?? null,
        mode: ConsultationMode.ONLINE,
        start: new Date(NOW.getTime() + 86_400_000).toISOString(),
        end: new Date(NOW.getTime() + 86_400_000 + 1_800_000).toISOString(),
        timeZone: 'Africa/Lagos',
        status,
        fee: { amountMinor: 100, currency: 'NGN' },
      },
    } as unknown as EventEnvelope<AppointmentEventBase>);
  }

  async function pair() {
    const p = patient();
    const d = doctor();
    await appointment(p, d);
    const thread = await use(OpenThread).execute({ doctorId: d.doctorProfileId }, meta(p));
    return { p, d, thread };
  }

  const post = (who: Caller, id: string, text = 'Hello') => use(PostMessage).execute({ id, text }, meta(who));
  const view = (who: Caller, id: string) => use(GetThread).execute({ id }, meta(who));

  it('opens one thread per care relationship, however many open it at once', async () => {
    const p = patient();
    const d = doctor();
    await appointment(p, d);
    const opened = await Promise.all([
      ...Array.from({ length: 10 }, () => use(OpenThread).execute({ doctorId: d.doctorProfileId }, meta(p))),
      ...Array.from({ length: 10 }, () => use(OpenThread).execute({ patientId: p.userId }, meta(d))),
    ]);
    expect(new Set(opened.map((t) => t.id)).size).toBe(1);
    expect(await connection.collection('message_threads').countDocuments({ patientId: p.userId })).toBe(1);
    expect(opened[0]).toMatchObject({ patientId: p.userId, doctorId: d.doctorProfileId, side: ThreadSide.PATIENT });
    expect(opened[19]).toMatchObject({ side: ThreadSide.CARE, unread: 0 });
  });

  it('20 concurrent messages: seq 1..20 without gap or duplicate, and exactly 20 unread for the other side', async () => {
    const { p, d, thread } = await pair();
    const posted = await Promise.all(Array.from({ length: 20 }, (_, i) => post(p, thread.id, `Message ${i}`)));
    expect(posted.map((m) => m.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const stored = await connection
      .collection<ThreadMessageDoc>('thread_messages')
      .find({ aggregateId: thread.id })
      .toArray();
    expect(stored.map((m) => m.version).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await view(d, thread.id)).toMatchObject({ messageCount: 20, unread: 20 });
    expect(await view(p, thread.id)).toMatchObject({ unread: 0 }); // their own messages
    const list = await use(ListThreads).execute({ page: 1, limit: 20 }, meta(d));
    expect(list).toMatchObject({ total: 1, unreadTotal: 20, items: [{ id: thread.id, unread: 20 }] });
  });

  it('both sides writing at once: one sequence, and each side unread exactly what the other wrote', async () => {
    const { p, d, thread } = await pair();
    await Promise.all([
      ...Array.from({ length: 10 }, () => post(p, thread.id)),
      ...Array.from({ length: 7 }, () => post(d, thread.id)),
    ]);
    expect(await view(d, thread.id)).toMatchObject({ messageCount: 17, unread: 10 });
    expect(await view(p, thread.id)).toMatchObject({ messageCount: 17, unread: 7 });
  });

  it('marks read forward only: a late, older mark never moves it back', async () => {
    const { p, d, thread } = await pair();
    for (let i = 0; i < 5; i++) await post(p, thread.id);
    const read = (upToSeq?: number) => use(MarkThreadRead).execute({ id: thread.id, upToSeq }, meta(d));
    expect(await read(4)).toMatchObject({ unread: 1 });
    expect(await read(2)).toMatchObject({ unread: 1 });
    await Promise.all([read(1), read(3), read(5), read(2)]);
    expect(await view(d, thread.id)).toMatchObject({ unread: 0 });
    expect(await reasonOf(read(6))).toBe('VALIDATION_FAILED:VALIDATION_FAILED');
    await post(p, thread.id);
    expect(await view(d, thread.id)).toMatchObject({ unread: 1 });
  });

  it('keeps the text encrypted at rest, pages newest first, and puts no text in the event', async () => {
    const { p, d, thread } = await pair();
    await post(p, thread.id, 'I have chest pain since Monday');
    await use(PostMessage).execute({ id: thread.id, text: 'Please come in', attachmentIds: ['f-1'] }, meta(d));
    const raw = await connection.collection('thread_messages').find({ aggregateId: thread.id }).toArray();
    expect(JSON.stringify(raw)).not.toContain('chest pain');
    expect(JSON.stringify(raw)).not.toContain('Please come in');
    const page = await use(ListMessages).execute({ id: thread.id, page: 1, limit: 1 }, meta(p));
    expect(page).toMatchObject({ total: 2, hasMore: true, items: [{ seq: 2, text: 'Please come in' }] });
    expect(page.items[0]).toMatchObject({ senderRole: ThreadSenderRole.DOCTOR, attachmentIds: ['f-1'] });
    const second = await use(ListMessages).execute({ id: thread.id, page: 2, limit: 1 }, meta(d));
    expect(second.items).toMatchObject([{ seq: 1, text: 'I have chest pain since Monday' }]);
    const events = raw.flatMap((m) => (m.outbox as { envelope: string }[]).map((o) => JSON.parse(o.envelope)));
    expect(events.map((e: EventEnvelope) => e.type)).toEqual([
      TeleconsultationEvents.threadMessagePosted.type,
      TeleconsultationEvents.threadMessagePosted.type,
    ]);
    const first = events.find((e: EventEnvelope<ThreadMessagePostedV1>) => e.payload.seq === 1);
    expect(first.payload).toMatchObject({
      threadId: thread.id,
      messageId: `${thread.id}:1`,
      patientId: p.userId,
      doctorId: d.doctorProfileId,
      senderRole: 'PATIENT',
      hasText: true,
      attachmentCount: 0,
    });
    expect(JSON.stringify(events)).not.toContain('chest');
  });

  it('hides a thread from strangers (404), and lets an admin read it only with a reason, audited', async () => {
    const { p, thread } = await pair();
    await post(p, thread.id, 'private');
    const other = doctor();
    await appointment(p, other); // even the patient's other doctor is not a participant
    for (const stranger of [patient(), other]) {
      expect(await reasonOf(view(stranger, thread.id))).toBe('NOT_FOUND:NOT_FOUND');
      expect(await reasonOf(use(ListMessages).execute({ id: thread.id, page: 1, limit: 5 }, meta(stranger)))).toBe(
        'NOT_FOUND:NOT_FOUND',
      );
      expect(await reasonOf(post(stranger, thread.id))).toBe('NOT_FOUND:NOT_FOUND');
    }
    const a = admin();
    expect(await reasonOf(view(a, thread.id))).toBe('VALIDATION_FAILED:REASON_REQUIRED');
    const reason = 'Complaint 4411 about this conversation';
    const read = await use(ListMessages).execute({ id: thread.id, page: 1, limit: 5, accessReason: reason }, meta(a));
    expect(read.items).toMatchObject([{ text: 'private' }]);
    expect(await reasonOf(post(a, thread.id))).toBe('NOT_FOUND:NOT_FOUND');
    const log = await use(AccessLog).list(p.userId, { page: 1, limit: 10 });
    expect(log.items).toMatchObject([{ readerId: a.userId, kind: 'THREAD', resourceId: thread.id, reason }]);
  });

  it('opens only along a care relationship', async () => {
    const p = patient();
    const d = doctor();
    expect(await reasonOf(use(OpenThread).execute({ doctorId: d.doctorProfileId }, meta(p)))).toBe(
      'FORBIDDEN:FORBIDDEN',
    );
    expect(await reasonOf(use(OpenThread).execute({ patientId: p.userId }, meta(d)))).toBe('NOT_FOUND:NOT_FOUND');
    await appointment(p, d, AppointmentStatus.CANCELLED);
    expect(await reasonOf(use(OpenThread).execute({ doctorId: d.doctorProfileId }, meta(p)))).toBe(
      'FORBIDDEN:FORBIDDEN',
    );
    // Staff of the organisation the patient booked with; not staff of another one.
    const org = randomUUID();
    await appointment(p, d, AppointmentStatus.COMPLETED, org);
    const staff: Caller = { userId: randomUUID(), roles: [Role.PROVIDER_STAFF], organisationIds: [org] };
    const outsider: Caller = { userId: randomUUID(), roles: [Role.PROVIDER_STAFF], organisationIds: [randomUUID()] };
    expect(
      await reasonOf(
        use(OpenThread).execute({ patientId: p.userId, organisationId: outsider.organisationIds[0] }, meta(outsider)),
      ),
    ).toBe('NOT_FOUND:NOT_FOUND');
    const byStaff = await use(OpenThread).execute({ patientId: p.userId, organisationId: org }, meta(staff));
    const byPatient = await use(OpenThread).execute({ organisationId: org }, meta(p));
    expect(byPatient.id).toBe(byStaff.id);
    const m = await post(staff, byStaff.id, 'Your results are ready');
    expect(m.senderRole).toBe(ThreadSenderRole.STAFF);
    expect(await view(p, byStaff.id)).toMatchObject({ unread: 1 });
    expect(await reasonOf(view(outsider, byStaff.id))).toBe('NOT_FOUND:NOT_FOUND');
  });
});
