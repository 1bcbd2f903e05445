import { randomUUID } from 'node:crypto';
import { TeleconsultationEvents, ThreadSenderRole, type ThreadMessagePostedV1 } from '@telehealth/contracts';
import { publishEvent, waitUntil } from '@telehealth/testing';
import { DoctorDirectory } from '../modules/recipients/recipients';
import { PreferencesService } from '../modules/preferences/preferences.service';
import { Harness, callerMeta } from './harness';

const T = TeleconsultationEvents.threadMessagePosted;

/**
 * A new secure message (teleconsultation's thread-message.posted) on the real NATS, Redis,
 * database and SMTP server: the other side is told who wrote, never what; quiet hours and the
 * messages category apply.
 */
describe('secure message notifications (real NATS, Redis, database and SMTP server)', () => {
  const h = new Harness();
  beforeAll(() => h.start());
  afterAll(() => h.close());

  const people = async () => {
    const patient = h.contacts.add({ firstName: 'Ngozi', lastName: 'Okeke', timeZone: 'UTC' });
    const doctorUser = h.contacts.add({ firstName: 'Tunde', lastName: 'Adeyemi', timeZone: 'UTC' });
    const doctorId = randomUUID();
    await h
      .get(DoctorDirectory)
      .remember(
        { _id: doctorId, userId: doctorUser.userId, organisationId: null, firstName: 'Tunde', lastName: 'Adeyemi' },
        new Date(),
      );
    return { patient, doctorUser, doctorId };
  };
  const posted = (p: Partial<ThreadMessagePostedV1> & Pick<ThreadMessagePostedV1, 'patientId' | 'senderId'>) => {
    const threadId = randomUUID();
    const payload: ThreadMessagePostedV1 = {
      threadId,
      messageId: `${threadId}:1`,
      seq: 1,
      doctorId: null,
      organisationId: null,
      senderRole: ThreadSenderRole.PATIENT,
      hasText: true,
      attachmentCount: 0,
      postedAt: new Date().toISOString(),
      ...p,
    };
    return publishEvent(T, threadId, payload);
  };
  const byChannel = async (sourceEventId: string, n: number) => {
    await waitUntil(async () => (await h.deliveries({ sourceEventId })).length === n, `${n} deliveries`);
    return Object.fromEntries((await h.deliveries({ sourceEventId })).map((d) => [d.channel as string, d])) as Record<
      string,
      any
    >;
  };

  it("the patient writes: the doctor's account is told who wrote and where, on email, push and in-app", async () => {
    const { patient, doctorUser, doctorId } = await people();
    const e = await posted({ patientId: patient.userId, senderId: patient.userId, doctorId });
    const d = await byChannel(e.id, 3);
    expect(Object.values(d).map((x) => [x.userId, x.kind, x.category])).toEqual(
      Array(3).fill([doctorUser.userId, 'THREAD_MESSAGE', 'MESSAGES']),
    );
    const mail = await h.sink.waitFor((m) => m.to.includes(doctorUser.email!), 'the email to the doctor');
    expect(mail.subject).toBe('New message from Ngozi O.');
    expect(mail.text).toContain(`${h.config.APP_URL}/messages/${e.payload.threadId}`);
  });

  it('the doctor writes: the patient is told; inside quiet hours email and push wait, in-app goes now', async () => {
    const { patient, doctorId } = await people();
    const hhmm = (ms: number) => new Date(Date.now() + ms).toISOString().slice(11, 16);
    const quiet = { start: hhmm(-3_600_000), end: hhmm(3_600_000) };
    await h.get(PreferencesService).update({ quietHours: quiet }, callerMeta(patient.userId));
    const e = await posted({
      patientId: patient.userId,
      senderId: randomUUID(),
      doctorId,
      senderRole: ThreadSenderRole.DOCTOR,
    });
    const d = await byChannel(e.id, 3);
    expect(d.IN_APP).toMatchObject({ userId: patient.userId, status: 'SENT' });
    for (const channel of ['EMAIL', 'PUSH'])
      expect(d[channel]).toMatchObject({ status: 'DEFERRED', reason: 'QUIET_HOURS' });
  });

  it('the messages category switched off sends nothing; a patient writing to an organisation mails no one', async () => {
    const { patient, doctorId } = await people();
    await h
      .get(PreferencesService)
      .update({ categories: { messages: { email: false, push: false, inApp: false } } }, callerMeta(patient.userId));
    const off = await posted({
      patientId: patient.userId,
      senderId: randomUUID(),
      doctorId,
      senderRole: ThreadSenderRole.DOCTOR,
    });
    const d = await byChannel(off.id, 3);
    for (const channel of ['EMAIL', 'PUSH', 'IN_APP'])
      expect(d[channel]).toMatchObject({ status: 'SKIPPED', reason: 'CATEGORY_OFF' });

    const toOrganisation = await posted({
      patientId: patient.userId,
      senderId: patient.userId,
      organisationId: randomUUID(),
    });
    await h.settled(T.type);
    expect(await h.deliveries({ sourceEventId: toOrganisation.id })).toEqual([]);
  });
});
