import {
  AbsentParty,
  CallLogStatus,
  CallType,
  ConsultationStatus,
  EndedBy,
  TeleconsultationEvents,
  type ConsultationEventBase,
  type EventContract,
  type EventEnvelope,
} from '@telehealth/contracts';
import { createEvent } from '@telehealth/messaging/eventing';
import { rawDb, waitUntil } from '@telehealth/testing';
import { CONSULTATION_REMINDER_MINUTES, NotificationQueues, consultationReminderJobId } from '../queues';
import { DoctorDirectory } from '../modules/recipients/recipients';
import { ConsultationReminderWorker } from '../modules/reminders/consultation-reminder-worker';
import { publishEnvelope } from '@telehealth/testing';
import { Harness, consultation } from './harness';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const T = TeleconsultationEvents;

/**
 * Teleconsultation's events as its outbox relay publishes them (real NATS, Redis, database and
 * SMTP server): who is told what, once per event even when it arrives twice, and the reminder
 * with the join link 5 minutes before the start, kept in step with the session.
 */
describe('online consultation notifications (real NATS, Redis, database and SMTP server)', () => {
  const h = new Harness();
  beforeAll(() => h.start());
  afterAll(() => h.close());

  const origin = { producer: 'teleconsultation' as const };
  const joinLink = (id: string) => `${h.config.APP_URL}/consultations/${id}`;

  /** A patient and a doctor with an account (known from scheduling's profile event). */
  const people = async () => {
    const patient = h.contacts.add({ firstName: 'Ngozi', lastName: 'Okeke' });
    const doctorUser = h.contacts.add({ firstName: 'Tunde', lastName: 'Adeyemi' });
    const doctorId = `doc-${doctorUser.userId.slice(0, 8)}`;
    await h
      .get(DoctorDirectory)
      .remember(
        { _id: doctorId, userId: doctorUser.userId, organisationId: null, firstName: 'Tunde', lastName: 'Adeyemi' },
        new Date(),
      );
    return { patient, doctorUser, doctorId };
  };

  /** Publishes the same envelope twice (a relay's retry) and waits until both are handled. */
  const deliverTwice = async <P>(contract: EventContract<P>, envelope: EventEnvelope<P>) => {
    await publishEnvelope(contract, envelope);
    await publishEnvelope(contract, envelope);
    await h.settled(contract.type);
  };
  const event = <P extends ConsultationEventBase>(contract: EventContract<P>, payload: P, at: Date) =>
    createEvent(contract, payload.consultationId, payload, origin, at);

  const channelsOf = async (sourceEventId: string) =>
    (await h.deliveries({ sourceEventId })).map((d) => `${d.kind}/${d.channel}`).sort();
  const sandbox = async (userId: string) => {
    const { db, close } = await rawDb(h.db);
    try {
      return await db.collection('sandbox_messages').find({ userId }).toArray();
    } finally {
      await close();
    }
  };
  const inbox = async (userId: string) => {
    const { db, close } = await rawDb(h.db);
    try {
      return await db.collection('inbox').find({ userId }).toArray();
    } finally {
      await close();
    }
  };

  const reminders = () => h.queue(NotificationQueues.consultationReminders);
  const jobOf = (consultationId: string) =>
    reminders().getJob(consultationReminderJobId(consultationId, CONSULTATION_REMINDER_MINUTES));
  const fireTime = async (consultationId: string) => {
    const job = await jobOf(consultationId);
    return job ? Math.round((job.timestamp + (job.opts.delay ?? 0)) / 1000) * 1000 : null;
  };
  const fiveBefore = (iso: string) => Math.round((Date.parse(iso) - 5 * MINUTE) / 1000) * 1000;

  it('scheduled: the patient gets the time and join link once though the event comes twice; the reminder is due 5 min before, moves with a reschedule, goes with a cancellation, neither of which sends anything', async () => {
    const { patient, doctorId } = await people();
    const t0 = Date.now();
    const c = consultation({ patientId: patient.userId, doctorId });
    const scheduled = event(T.consultationScheduled, c, new Date(t0));
    await deliverTwice(T.consultationScheduled, scheduled);

    const mail = await h.sink.waitFor((m) => m.to.includes(patient.email!), 'the scheduled email');
    expect(mail.subject).toMatch(/^Your video consultation on /);
    expect(mail.text).toContain('Your video consultation with Dr Tunde Adeyemi is on');
    expect(mail.text).toContain(joinLink(c.consultationId));
    await h.drained();
    expect(h.sink.to(patient.email!)).toHaveLength(1);
    expect(await channelsOf(scheduled.id)).toEqual([
      'CONSULTATION_SCHEDULED/EMAIL',
      'CONSULTATION_SCHEDULED/IN_APP',
      'CONSULTATION_SCHEDULED/PUSH',
    ]);
    expect(await inbox(patient.userId)).toHaveLength(1);
    expect(await fireTime(c.consultationId)).toBe(fiveBefore(c.scheduledStart));
    expect((await jobOf(c.consultationId))!.data).toEqual({
      consultationId: c.consultationId,
      offsetMinutes: 5,
      start: c.scheduledStart,
    });

    const moved = new Date(Date.parse(c.scheduledStart) + HOUR).toISOString();
    const rescheduled = event(
      T.consultationRescheduled,
      {
        ...c,
        scheduledStart: moved,
        scheduledEnd: new Date(Date.parse(moved) + 30 * MINUTE).toISOString(),
        previousStart: c.scheduledStart,
      },
      new Date(t0 + 1_000),
    );
    await deliverTwice(T.consultationRescheduled, rescheduled);
    await waitUntil(async () => (await fireTime(c.consultationId)) === fiveBefore(moved), 'the moved reminder');
    expect((await jobOf(c.consultationId))!.data.start).toBe(moved);
    // The job as it was before the move, run now: the check at send time stops it.
    const worker = h.get(ConsultationReminderWorker);
    expect(
      await worker.remind({ data: { consultationId: c.consultationId, offsetMinutes: 5, start: c.scheduledStart } }),
    ).toBe('stale');

    const cancelled = event(
      T.consultationCancelled,
      { ...c, scheduledStart: moved, status: ConsultationStatus.CANCELLED, reason: 'Patient cancelled' },
      new Date(t0 + 2_000),
    );
    await deliverTwice(T.consultationCancelled, cancelled);
    await waitUntil(async () => (await jobOf(c.consultationId)) === undefined, 'the reminder to go');
    expect(await worker.remind({ data: { consultationId: c.consultationId, offsetMinutes: 5, start: moved } })).toBe(
      'stale',
    );
    // The appointment's own events tell the patient about the move and the cancellation.
    expect(await channelsOf(rescheduled.id)).toEqual([]);
    expect(await channelsOf(cancelled.id)).toEqual([]);
    expect(await h.deliveries({ userId: patient.userId, kind: 'CONSULTATION_REMINDER' })).toEqual([]);
  });

  it('waiting, admitted, ended: each to the person concerned, once though each event comes twice', async () => {
    const { patient, doctorUser, doctorId } = await people();
    const t0 = Date.now();
    const c = consultation({
      patientId: patient.userId,
      doctorId,
      callType: CallType.AUDIO,
      scheduledStart: new Date(t0 + 2 * MINUTE).toISOString(),
    });
    await deliverTwice(T.consultationScheduled, event(T.consultationScheduled, c, new Date(t0)));

    // The patient joins first: the doctor is told the patient waits in the lobby.
    const patientWaits = event(
      T.consultationWaiting,
      { ...c, status: ConsultationStatus.WAITING, waiting: 'PATIENT' as const },
      new Date(t0 + 1_000),
    );
    await deliverTwice(T.consultationWaiting, patientWaits);
    const toDoctor = await h.sink.waitFor((m) => m.to.includes(doctorUser.email!), 'the lobby email');
    expect(toDoctor.subject).toBe('Ngozi O. is waiting in the lobby');
    expect(toDoctor.text).toContain(joinLink(c.consultationId));
    expect(await channelsOf(patientWaits.id)).toEqual([
      'DOCTOR_PATIENT_WAITING/EMAIL',
      'DOCTOR_PATIENT_WAITING/IN_APP',
      'DOCTOR_PATIENT_WAITING/PUSH',
    ]);

    // The doctor is in the room (another session, the doctor first): the patient is told, by SMS too.
    const c2 = consultation({ patientId: patient.userId, doctorId, scheduledStart: c.scheduledStart });
    await deliverTwice(T.consultationScheduled, event(T.consultationScheduled, c2, new Date(t0)));
    const doctorWaits = event(
      T.consultationWaiting,
      { ...c2, status: ConsultationStatus.WAITING, waiting: 'DOCTOR' as const },
      new Date(t0 + 1_000),
    );
    await deliverTwice(T.consultationWaiting, doctorWaits);
    expect(await channelsOf(doctorWaits.id)).toEqual([
      'CONSULTATION_DOCTOR_WAITING/IN_APP',
      'CONSULTATION_DOCTOR_WAITING/PUSH',
      'CONSULTATION_DOCTOR_WAITING/SMS',
    ]);
    await h.drained();
    await waitUntil(
      async () => (await sandbox(patient.userId)).filter((m) => m.channel === 'SMS').length > 0,
      'the SMS',
    );
    const sms = (await sandbox(patient.userId)).filter((m) => m.channel === 'SMS');
    expect(sms.map((m) => m.text)).toEqual([
      `Telehealth: Dr Tunde Adeyemi is in the consultation room. Join: ${joinLink(c2.consultationId)}`,
    ]);

    // The doctor admits the patient of the first session.
    const admitted = event(
      T.consultationAdmitted,
      { ...c, status: ConsultationStatus.WAITING, admittedAt: new Date(t0 + 2_000).toISOString() },
      new Date(t0 + 2_000),
    );
    await deliverTwice(T.consultationAdmitted, admitted);
    expect(await channelsOf(admitted.id)).toEqual(['CONSULTATION_ADMITTED/IN_APP', 'CONSULTATION_ADMITTED/PUSH']);
    const items = await inbox(patient.userId);
    expect(items.find((i) => i.kind === 'CONSULTATION_ADMITTED')).toMatchObject({
      title: 'You are admitted',
      body: `Dr Tunde Adeyemi admitted you to your audio consultation. Join: ${joinLink(c.consultationId)}`,
      data: { consultationId: c.consultationId, appointmentId: c.appointmentId },
    });

    // Started: nothing; ended: the patient is told how long it lasted.
    const started = event(
      T.consultationStarted,
      { ...c, status: ConsultationStatus.IN_PROGRESS, actualStart: new Date(t0 + 3_000).toISOString() },
      new Date(t0 + 3_000),
    );
    await deliverTwice(T.consultationStarted, started);
    const ended = event(
      T.consultationEnded,
      {
        ...c,
        status: ConsultationStatus.COMPLETED,
        endedAt: new Date(t0 + 4_000).toISOString(),
        endedBy: EndedBy.DOCTOR,
        callLog: {
          start: new Date(t0 + 3_000).toISOString(),
          end: new Date(t0 + 4_000).toISOString(),
          durationSeconds: 25 * 60 + 10,
          status: CallLogStatus.COMPLETED,
          quality: { video: null, audio: 'GOOD', networkIssues: 0, networkIssueSeconds: 0 },
        },
      },
      new Date(t0 + 4_000),
    );
    await deliverTwice(T.consultationEnded, ended);
    const endMail = await h.sink.waitFor(
      (m) => m.to.includes(patient.email!) && m.subject.includes('ended'),
      'the end email',
    );
    expect(endMail.subject).toBe('Your consultation with Dr Tunde Adeyemi ended');
    expect(endMail.text).toContain('It lasted 25 minutes.');
    await h.drained();
    expect(await channelsOf(started.id)).toEqual([]);
    expect(await channelsOf(ended.id)).toEqual(['CONSULTATION_ENDED/EMAIL', 'CONSULTATION_ENDED/IN_APP']);
    expect(h.sink.to(doctorUser.email!)).toHaveLength(1);
    expect(h.sink.to(patient.email!).map((m) => m.subject.replace(/ on .*/, ''))).toEqual(
      expect.arrayContaining(['Your audio consultation', 'Your video consultation', endMail.subject]),
    );
    expect(h.sink.to(patient.email!)).toHaveLength(3);
  });

  it('no-show: the patient and the doctor are each told who did not join, once', async () => {
    const { patient, doctorUser, doctorId } = await people();
    const c = consultation({
      patientId: patient.userId,
      doctorId,
      scheduledStart: new Date(Date.now() - 20 * MINUTE).toISOString(),
    });
    const noShow = createEvent(
      T.consultationNoShow,
      c.consultationId,
      { ...c, status: ConsultationStatus.NO_SHOW, absent: AbsentParty.DOCTOR },
      origin,
    );
    await deliverTwice(T.consultationNoShow, noShow);
    const toPatient = await h.sink.waitFor((m) => m.to.includes(patient.email!), 'the patient email');
    const toDoctor = await h.sink.waitFor((m) => m.to.includes(doctorUser.email!), 'the doctor email');
    expect(toPatient.subject).toMatch(/^Missed consultation: /);
    expect(toPatient.text).toContain(`(consultation ${c.number}) did not take place: the doctor did not join.`);
    expect(toDoctor.text).toContain(`with Ngozi O. on `);
    expect(toDoctor.text).toContain('did not take place: you did not join.');
    await h.drained();
    expect(h.sink.to(patient.email!)).toHaveLength(1);
    expect(h.sink.to(doctorUser.email!)).toHaveLength(1);
    expect(await channelsOf(noShow.id)).toEqual([
      'CONSULTATION_MISSED/EMAIL',
      'CONSULTATION_MISSED/IN_APP',
      'CONSULTATION_MISSED/PUSH',
      'DOCTOR_CONSULTATION_MISSED/EMAIL',
      'DOCTOR_CONSULTATION_MISSED/IN_APP',
    ]);
  });

  it('an event older than the session state already applied sends nothing (the doctor waiting, handled after the end)', async () => {
    const { patient, doctorId } = await people();
    const t0 = Date.now();
    const c = consultation({ patientId: patient.userId, doctorId, scheduledStart: new Date(t0).toISOString() });
    const ended = event(
      T.consultationEnded,
      {
        ...c,
        status: ConsultationStatus.COMPLETED,
        endedAt: new Date(t0).toISOString(),
        endedBy: EndedBy.SYSTEM,
        callLog: {
          start: null,
          end: new Date(t0).toISOString(),
          durationSeconds: 60,
          status: CallLogStatus.COMPLETED,
          quality: { video: null, audio: null, networkIssues: 0, networkIssueSeconds: 0 },
        },
      },
      new Date(t0),
    );
    await deliverTwice(T.consultationEnded, ended);
    const late = event(
      T.consultationWaiting,
      { ...c, status: ConsultationStatus.WAITING, waiting: 'DOCTOR' as const },
      new Date(t0 - 60_000),
    );
    await deliverTwice(T.consultationWaiting, late);
    expect(await channelsOf(late.id)).toEqual([]);
    expect(await channelsOf(ended.id)).toEqual(['CONSULTATION_ENDED/EMAIL', 'CONSULTATION_ENDED/IN_APP']);
  });

  it('"the doctor is in the room" handled after the join window (scheduled end + 30 min) is not sent', async () => {
    const { patient, doctorId } = await people();
    const c = consultation({
      patientId: patient.userId,
      doctorId,
      scheduledStart: new Date(Date.now() - 2 * HOUR).toISOString(),
    });
    const late = createEvent(
      T.consultationWaiting,
      c.consultationId,
      { ...c, status: ConsultationStatus.WAITING, waiting: 'DOCTOR' as const },
      origin,
    );
    await deliverTwice(T.consultationWaiting, late);
    const log = await h.deliveries({ sourceEventId: late.id });
    expect(log.map((d) => `${d.channel}:${d.status}:${d.reason}`).sort()).toEqual([
      'IN_APP:SKIPPED:EXPIRED',
      'PUSH:SKIPPED:EXPIRED',
      'SMS:SKIPPED:EXPIRED',
    ]);
    expect(await inbox(patient.userId)).toEqual([]);
  });

  it('the reminder falls due: the patient gets the join link 5 minutes before the start, on every channel, once', async () => {
    const { patient, doctorId } = await people();
    // Due 8 s from now.
    const c = consultation({
      patientId: patient.userId,
      doctorId,
      scheduledStart: new Date(Date.now() + 5 * MINUTE + 8_000).toISOString(),
    });
    const scheduled = createEvent(T.consultationScheduled, c.consultationId, c, origin);
    await deliverTwice(T.consultationScheduled, scheduled);
    const mail = await h.sink.waitFor(
      (m) => m.to.includes(patient.email!) && m.subject.startsWith('Your consultation starts'),
      'the reminder',
      30_000,
    );
    expect(mail.subject).toBe('Your consultation starts in 5 minutes');
    expect(mail.text).toContain(joinLink(c.consultationId));
    await waitUntil(async () => (await jobOf(c.consultationId)) === undefined, 'the job to complete');
    await h.drained();
    const log = await h.deliveries({ userId: patient.userId, kind: 'CONSULTATION_REMINDER' });
    expect(log.map((d) => d.channel).sort()).toEqual(['EMAIL', 'IN_APP', 'PUSH', 'SMS']);
    const sms = (await sandbox(patient.userId)).filter((m) => m.channel === 'SMS');
    expect(sms.map((m) => m.text)).toEqual([
      `Telehealth: your video consultation with Dr Tunde Adeyemi starts in 5 minutes. Join: ${joinLink(c.consultationId)}`,
    ]);
  });
});
