import { AppointmentStatus, CancelledBy, SchedulingEvents } from '@telehealth/contracts';
import { publishEvent, waitUntil } from '@telehealth/testing';
import { NotificationQueues, reminderJobId } from '../queues';
import { DoctorDirectory } from '../modules/recipients/recipients';
import { ReminderScheduler } from '../modules/reminders/reminder-scheduler';
import { ReminderWorker } from '../modules/reminders/reminder-worker';
import { Harness, appointment } from './harness';

const HOUR = 3_600_000;

/** Reminders 24 h and 1 h before (the defaults), as delayed jobs in Redis. */
describe('appointment reminders (real NATS, Redis, database and SMTP server)', () => {
  const h = new Harness({ REMINDER_OFFSETS_MINUTES: '1440,60' });
  beforeAll(() => h.start());
  afterAll(() => h.close());

  const reminders = () => h.queue(NotificationQueues.reminders);
  const jobOf = (appointmentId: string, offset: number) => reminders().getJob(reminderJobId(appointmentId, offset));
  /** When the job falls due, to the second (BullMQ stamps the job a few ms after the delay is computed). */
  const fireTime = async (appointmentId: string, offset: number) => {
    const job = await jobOf(appointmentId, offset);
    return job ? Math.round((job.timestamp + (job.opts.delay ?? 0)) / 1000) * 1000 : null;
  };
  const second = (iso: string, minus: number) => Math.round((Date.parse(iso) - minus) / 1000) * 1000;

  it('a confirmed appointment gets one delayed job per offset ahead; a reschedule moves them; a cancellation removes them', async () => {
    const patient = h.contacts.add();
    const start = new Date(Date.now() + 48 * HOUR).toISOString();
    const appt = appointment({ patientId: patient.userId, start });
    await publishEvent(SchedulingEvents.appointmentConfirmed, appt.appointmentId, appt);
    await waitUntil(async () => (await jobOf(appt.appointmentId, 60)) !== undefined, 'the 1 h reminder');
    expect(await fireTime(appt.appointmentId, 60)).toBe(second(start, HOUR));
    expect(await fireTime(appt.appointmentId, 1440)).toBe(second(start, 24 * HOUR));
    expect(await (await jobOf(appt.appointmentId, 60))!.getState()).toBe('delayed');
    // The same state synced again once the 1 h reminder is overdue (a redelivered event while the
    // worker was down) keeps the job: it is still to be sent, late, not dropped.
    await h.get(ReminderScheduler).sync(appt.appointmentId, new Date(Date.parse(start) - HOUR + 1_000));
    expect(await fireTime(appt.appointmentId, 60)).toBe(second(start, HOUR));

    const moved = new Date(Date.parse(start) + 5 * HOUR).toISOString();
    await publishEvent(SchedulingEvents.appointmentRescheduled, appt.appointmentId, {
      ...appt,
      start: moved,
      previousStart: start,
      previousEnd: appt.end,
      previousSlotId: 'slot-1',
    });
    await waitUntil(async () => (await fireTime(appt.appointmentId, 60)) === second(moved, HOUR), 'the moved reminder');
    expect(await fireTime(appt.appointmentId, 1440)).toBe(second(moved, 24 * HOUR));
    expect((await jobOf(appt.appointmentId, 60))!.data).toEqual({
      appointmentId: appt.appointmentId,
      offsetMinutes: 60,
      start: moved,
    });

    await publishEvent(SchedulingEvents.appointmentCancelled, appt.appointmentId, {
      ...appt,
      start: moved,
      status: AppointmentStatus.CANCELLED,
      cancelledBy: CancelledBy.PATIENT,
      reason: '',
    });
    await waitUntil(async () => (await jobOf(appt.appointmentId, 60)) === undefined, 'the reminders to go');
    expect(await jobOf(appt.appointmentId, 1440)).toBeUndefined();
  });

  it('no reminder for an offset already past, and none after the appointment is cancelled even if its job runs', async () => {
    const patient = h.contacts.add();
    const start = new Date(Date.now() + 3 * HOUR).toISOString(); // 24 h reminder already past
    const appt = appointment({ patientId: patient.userId, start });
    await publishEvent(SchedulingEvents.appointmentConfirmed, appt.appointmentId, appt);
    await waitUntil(async () => (await jobOf(appt.appointmentId, 60)) !== undefined, 'the 1 h reminder');
    expect(await jobOf(appt.appointmentId, 1440)).toBeUndefined();

    const cancelled = {
      ...appt,
      status: AppointmentStatus.CANCELLED,
      cancelledBy: CancelledBy.CLINIC,
      reason: 'Closed',
    };
    await publishEvent(SchedulingEvents.appointmentCancelled, appt.appointmentId, cancelled);
    await h.settled(SchedulingEvents.appointmentCancelled.type);
    // The job as it was before the cancellation, run now: the check at send time stops it.
    const worker = h.get(ReminderWorker);
    expect(await worker.remind({ data: { appointmentId: appt.appointmentId, offsetMinutes: 60, start } })).toBe(
      'stale',
    );
    // A reminder made for another start (the appointment moved) is stale too.
    const other = appointment({ patientId: patient.userId });
    await publishEvent(SchedulingEvents.appointmentConfirmed, other.appointmentId, other);
    await h.settled(SchedulingEvents.appointmentConfirmed.type);
    expect(await worker.remind({ data: { appointmentId: other.appointmentId, offsetMinutes: 60, start } })).toBe(
      'stale',
    );
    expect(await h.deliveries({ userId: patient.userId, kind: 'APPOINTMENT_REMINDER' })).toEqual([]);
  });

  it('a reminder due while the service (and its worker) is down is sent after the restart', async () => {
    const patient = h.contacts.add();
    await h
      .get(DoctorDirectory)
      .remember(
        { _id: 'doc-restart', userId: null, organisationId: null, firstName: 'Tunde', lastName: 'Adeyemi' },
        new Date(),
      );
    // The 1 h reminder falls due 4 s from now.
    const start = new Date(Date.now() + HOUR + 4_000).toISOString();
    const appt = appointment({ patientId: patient.userId, doctorId: 'doc-restart', start });
    await publishEvent(SchedulingEvents.appointmentConfirmed, appt.appointmentId, appt);
    await waitUntil(async () => (await jobOf(appt.appointmentId, 60)) !== undefined, 'the 1 h reminder');
    await h.stopService();

    // Down past the due time: the job waits in Redis.
    const due = (await fireTime(appt.appointmentId, 60))!;
    await waitUntil(() => Date.now() > due + 1_000, 'the due time to pass', 20_000);
    expect(await (await jobOf(appt.appointmentId, 60))!.getState()).toBe('delayed');
    expect(h.sink.to(patient.email!).filter((m) => m.subject.startsWith('Reminder'))).toHaveLength(0);
    // The confirmation delivered again (another publisher's retry) meets the restart.
    await publishEvent(SchedulingEvents.appointmentConfirmed, appt.appointmentId, appt);

    await h.boot();
    const mail = await h.sink.waitFor(
      (m) => m.to.includes(patient.email!) && m.subject.startsWith('Reminder'),
      'the reminder after the restart',
    );
    expect(mail.subject).toBe('Reminder: Dr Tunde Adeyemi in 1 hour');
    expect(mail.text).toContain(appt.number);
    await h.settled(SchedulingEvents.appointmentConfirmed.type);
    await h.drained();
    expect(h.sink.to(patient.email!).filter((m) => m.subject.startsWith('Reminder'))).toHaveLength(1);
    await waitUntil(async () => (await jobOf(appt.appointmentId, 60)) === undefined, 'the job to complete');
    const log = await h.deliveries({ userId: patient.userId, kind: 'APPOINTMENT_REMINDER' });
    expect(log.map((d) => d.channel).sort()).toEqual(['EMAIL', 'IN_APP', 'PUSH', 'SMS']);
  });
});
