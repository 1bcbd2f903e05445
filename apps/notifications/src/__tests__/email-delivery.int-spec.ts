import { randomUUID } from 'node:crypto';
import {
  DeliveryStatus,
  IdentityEvents,
  NotificationChannel,
  SchedulingEvents,
  type PasswordResetRequestedV1,
} from '@telehealth/contracts';
import { publishEvent, waitUntil } from '@telehealth/testing';
import { DeliveryQueues } from '../modules/delivery/delivery-queues';
import { NotificationQueues } from '../queues';
import { PreferencesService } from '../modules/preferences/preferences.service';
import { Harness, appointment, callerMeta } from './harness';

const reset = (r: { userId: string; email: string | null }): PasswordResetRequestedV1 => ({
  userId: r.userId,
  email: r.email!,
  firstName: 'Ngozi',
  locale: 'en',
  token: `tok-${randomUUID()}`,
  expiresAt: new Date(Date.now() + 30 * 60_000).toISOString(),
});

describe('email delivery (real NATS, Redis, database and SMTP server)', () => {
  const h = new Harness();
  beforeAll(() => h.start());
  afterAll(() => h.close());

  it('an event delivered twice sends exactly one email', async () => {
    const person = h.contacts.add();
    const payload = reset(person);
    const id = randomUUID();
    await publishEvent(IdentityEvents.passwordResetRequested, person.userId, payload, id);
    await publishEvent(IdentityEvents.passwordResetRequested, person.userId, payload, id);
    const mail = await h.sink.waitFor((m) => m.to.includes(person.email!), 'with the reset link');
    await h.settled(IdentityEvents.passwordResetRequested.type);
    await h.drained();

    expect(h.sink.to(person.email!)).toHaveLength(1);
    expect(mail.subject).toBe('Reset your Telehealth password');
    expect(mail.text).toContain(`/reset-password?token=${encodeURIComponent(payload.token)}`);
    expect(mail.html).toContain('<a href=');
    const log = await h.deliveries({ sourceEventId: id });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ channel: 'EMAIL', status: 'SENT', attempts: 1, to: person.email });
  });

  it('a channel switched off sends nothing on it, but a password reset still goes out', async () => {
    const person = h.contacts.add();
    await h.get(PreferencesService).update({ channels: { email: false } }, callerMeta(person.userId));
    const appt = appointment({ patientId: person.userId });
    const event = await publishEvent(SchedulingEvents.appointmentConfirmed, appt.appointmentId, appt);
    await waitUntil(async () => (await h.deliveries({ sourceEventId: event.id })).length === 4, 'four deliveries');
    await h.settled(SchedulingEvents.appointmentConfirmed.type);

    await publishEvent(IdentityEvents.passwordResetRequested, person.userId, reset(person));
    await h.sink.waitFor((m) => m.to.includes(person.email!), 'with the reset');
    await h.drained();

    expect(h.sink.to(person.email!).map((m) => m.subject)).toEqual(['Reset your Telehealth password']);
    const byChannel = Object.fromEntries(
      (await h.deliveries({ sourceEventId: event.id })).map((d) => [d.channel, [d.status, d.reason]]),
    );
    expect(byChannel).toEqual({
      EMAIL: ['SKIPPED', 'CHANNEL_OFF'],
      SMS: ['SENT', null],
      PUSH: ['SENT', null],
      IN_APP: ['SENT', null],
    });
  });

  it('when the SMTP server is down, the email is retried and delivered once it is back', async () => {
    const person = h.contacts.add();
    await h.sink.stop();
    const event = await publishEvent(IdentityEvents.emailVerificationRequested, person.userId, {
      userId: person.userId,
      email: person.email!,
      firstName: 'Ngozi',
      locale: 'en',
      code: '482913',
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    await waitUntil(
      async () => (await h.deliveries({ sourceEventId: event.id }))[0]?.status === DeliveryStatus.RETRYING,
      'a failed attempt',
    );
    const [retrying] = await h.deliveries({ sourceEventId: event.id });
    expect(retrying.reason).toMatch(/ECONNREFUSED|connect/i);
    await h.sink.listen();

    const mail = await h.sink.waitFor((m) => m.to.includes(person.email!), 'after the server came back');
    expect(mail.subject).toBe('Your verification code: 482913');
    await waitUntil(
      async () => (await h.deliveries({ sourceEventId: event.id }))[0]?.status === DeliveryStatus.SENT,
      'the delivery to be marked sent',
    );
    const [sent] = await h.deliveries({ sourceEventId: event.id });
    expect(sent.attempts).toBeGreaterThanOrEqual(2);
    expect(sent.history.map((x: { status: string }) => x.status)).toEqual(
      expect.arrayContaining(['QUEUED', 'RETRYING', 'SENT']),
    );
    expect(h.sink.to(person.email!)).toHaveLength(1);
  });

  it('after its last attempt a message is dead-lettered; a replay delivers it once', async () => {
    const person = h.contacts.add();
    h.sink.rejectWith = 550;
    const event = await publishEvent(IdentityEvents.passwordResetRequested, person.userId, reset(person));
    await waitUntil(
      async () => (await h.deliveries({ sourceEventId: event.id }))[0]?.status === DeliveryStatus.FAILED,
      'the message to fail for good',
      40_000,
    );
    h.sink.rejectWith = null;
    const [failed] = await h.deliveries({ sourceEventId: event.id });
    expect(failed.attempts).toBe(6);
    expect(failed.reason).toMatch(/550/);

    const queues = h.get(DeliveryQueues);
    const dead = await queues.listDeadLetters({ page: 1, limit: 100 });
    const letter = dead.items.find((d) => d.id === failed._id);
    expect(letter).toMatchObject({ channel: NotificationChannel.EMAIL, userId: person.userId, attempts: 6 });
    expect(letter!.failedReason).toMatch(/550/);
    expect(h.sink.to(person.email!)).toHaveLength(0);

    expect(await queues.takeDeadLetter(failed._id)).not.toBeNull();
    expect(await queues.takeDeadLetter(failed._id)).toBeNull(); // a second replay finds nothing
    await h.sink.waitFor((m) => m.to.includes(person.email!), 'after the replay');
    await waitUntil(
      async () => (await h.deliveries({ sourceEventId: event.id }))[0]?.status === DeliveryStatus.SENT,
      'sent after replay',
    );
    await h.drained();
    expect(h.sink.to(person.email!)).toHaveLength(1);
    expect((await queues.listDeadLetters({ page: 1, limit: 100 })).items.map((d) => d.id)).not.toContain(failed._id);
  });

  it('a code that has already expired is not sent (recorded as skipped)', async () => {
    const person = h.contacts.add();
    const event = await publishEvent(IdentityEvents.emailVerificationRequested, person.userId, {
      userId: person.userId,
      email: person.email!,
      firstName: 'Ngozi',
      locale: 'en',
      code: '111111',
      expiresAt: new Date(Date.now() - 1_000).toISOString(),
    });
    await h.settled(IdentityEvents.emailVerificationRequested.type);
    await h.drained();
    expect(await h.deliveries({ sourceEventId: event.id })).toEqual([
      expect.objectContaining({ channel: 'EMAIL', status: 'SKIPPED', reason: 'EXPIRED' }),
    ]);
    expect(h.sink.to(person.email!)).toHaveLength(0);
  });

  it('quiet hours defer a non-urgent message to their end, while an urgent one goes at once', async () => {
    const person = h.contacts.add({ timeZone: 'UTC' });
    const hhmm = (ms: number) => new Date(Date.now() + ms).toISOString().slice(11, 16);
    const quiet = { start: hhmm(-3_600_000), end: hhmm(3_600_000) };
    await h.get(PreferencesService).update({ quietHours: quiet }, callerMeta(person.userId));

    const confirmed = appointment({ patientId: person.userId });
    const e1 = await publishEvent(SchedulingEvents.appointmentConfirmed, confirmed.appointmentId, confirmed);
    await waitUntil(async () => (await h.deliveries({ sourceEventId: e1.id })).length === 4, 'four deliveries');
    const byChannel = Object.fromEntries((await h.deliveries({ sourceEventId: e1.id })).map((d) => [d.channel, d]));
    expect(byChannel.IN_APP.status).toBe('SENT');
    for (const channel of ['EMAIL', 'SMS', 'PUSH']) {
      expect(byChannel[channel]).toMatchObject({ status: 'DEFERRED', reason: 'QUIET_HOURS' });
      expect(byChannel[channel].scheduledFor.toISOString().slice(11, 16)).toBe(quiet.end);
    }
    const job = await h.queue(NotificationQueues.email).getJob(byChannel.EMAIL._id);
    expect(await job?.getState()).toBe('delayed');

    const cancelled = appointment({ patientId: person.userId, status: 'CANCELLED' as never });
    await publishEvent(SchedulingEvents.appointmentCancelled, cancelled.appointmentId, {
      ...cancelled,
      cancelledBy: 'DOCTOR' as never,
      reason: 'Emergency',
    });
    const mail = await h.sink.waitFor((m) => m.to.includes(person.email!), 'the urgent cancellation');
    expect(mail.subject).toMatch(/^Appointment cancelled/);
    expect(mail.text).toContain('Reason: Emergency');
  });
});
