import {
  NotificationsEvents,
  SchedulingEvents,
  type AppointmentCancelledV1,
  type NotificationCreatedV1,
} from '@telehealth/contracts';
import { Api, EventTap, gatewayUrl, waitUntil } from '@telehealth/testing';
import { login, newPatient, type Session } from '../support/actors';
import { SlotDealer, THREE_SEAT_DOCTOR, book, freeSlots } from '../scheduling/booking-support';
import { DEMO } from '../scheduling/directory-support';
import { fund } from '../wallet/wallet-support';
import { SseClient, type SseMessage } from './sse-client';

const WALLET = { paymentMethod: 'WALLET' };

const about = (type: string, appointmentId: string) => (m: SseMessage) =>
  m.event === 'message' && m.data.type === type && m.data.appointmentId === appointmentId;

describe('Event stream - /v1/stream (GET)', () => {
  let slots: SlotDealer;
  let doctor: Session;
  let fee: number;
  let cancellations: EventTap<AppointmentCancelledV1>;
  let notifications: EventTap<NotificationCreatedV1>;
  const open: SseClient[] = [];
  /**
   * A new patient whose welcome (an in-app notification, so a notifications.notification.created)
   * is already announced: a stream they open later carries only what happens next.
   */
  const welcomedPatient = async () => {
    const p = await newPatient();
    await notifications.waitFor((e) => e.payload.userId === p.userId && e.payload.kind === 'WELCOME');
    return p;
  };
  const connect = async (s: Session, lastEventId?: string) => {
    const c = await SseClient.open(s, lastEventId);
    open.push(c);
    return c;
  };

  beforeAll(async () => {
    const free = (await freeSlots(THREE_SEAT_DOCTOR)).filter((s) => s.capacity === 3);
    fee = free[0].fee.amountMinor;
    slots = new SlotDealer(free.filter((s) => s.fee.amountMinor === fee));
    doctor = await login(new Api(), 'dr.nwosu@demo.health', 'DemoPass2026');
    cancellations = await EventTap.open(SchedulingEvents.appointmentCancelled);
    notifications = await EventTap.open(NotificationsEvents.notificationCreated);
  }, 60_000);
  afterAll(async () => {
    await cancellations.close();
    await notifications.close();
    await Promise.all(open.map((c) => c.close()));
  });

  it('needs an access token', async () => {
    const res = await fetch(`${gatewayUrl()}/v1/stream`);
    expect(res.status).toBe(401);
    await res.text();
  });

  it('a patient books and pays -> held then confirmed; misses a cancellation while away -> gets it on resume; patient B gets none of it', async () => {
    const [a, b] = [await newPatient(), await welcomedPatient()];
    await fund(a, fee * 2);
    const streamA = await connect(a);
    const streamB = await connect(b);
    expect([streamA.status, streamB.status]).toEqual([200, 200]);
    await streamA.waitFor((m) => m.event === 'ready', 'A ready');
    await streamB.waitFor((m) => m.event === 'ready', 'B ready');

    const booked = await book(a, slots.take(), WALLET);
    expect(booked.status).toBe(201);
    const id = booked.body.id as string;
    const held = await streamA.waitFor(about('scheduling.appointment.held.v1', id), 'held on the stream');
    expect(held.data).toMatchObject({ status: 'PENDING_PAYMENT', aggregateId: id });
    // The fee is held; the doctor confirms if the booking waits for them.
    await waitUntil(
      async () =>
        streamA.messages.some(about('scheduling.appointment.confirmed.v1', id)) ||
        streamA.messages.some((m) => m.data.appointmentId === id && m.data.status === 'PENDING_CONFIRMATION'),
      'confirmed or waiting for the doctor',
      20_000,
    );
    if (!streamA.messages.some(about('scheduling.appointment.confirmed.v1', id)))
      expect((await doctor.api.post(`/v1/appointments/${id}/confirm`, {}, { token: doctor.token })).status).toBe(200);
    const confirmed = await streamA.waitFor(about('scheduling.appointment.confirmed.v1', id), 'confirmed');
    expect(confirmed.data).toMatchObject({ status: 'CONFIRMED' });
    expect(streamA.messages.indexOf(held)).toBeLessThan(streamA.messages.indexOf(confirmed));
    expect(
      streamA.events().some((e) => e.type === 'wallet-claims.wallet.funds-held.v1' && e.appointmentId === id),
    ).toBe(true);
    // Ids and statuses only.
    for (const e of streamA.events())
      for (const key of Object.keys(e)) expect(key).toMatch(/^(type|id|occurredAt|aggregateId|status|[a-zA-Z]+Id)$/);

    // Away: the appointment is cancelled meanwhile.
    const resumeFrom = streamA.lastEventId!;
    await streamA.close();
    expect((await a.api.post(`/v1/appointments/${id}/cancel`, {}, { token: a.token })).status).toBe(200);
    // Published while A was away: only a replay from JetStream can bring it now.
    await cancellations.waitFor((e) => e.payload.appointmentId === id);
    const back = await connect(a, resumeFrom);
    const cancelled = await back.waitFor(
      about('scheduling.appointment.cancelled.v1', id),
      'the cancellation on resume',
    );
    expect(cancelled.data).toMatchObject({ status: 'CANCELLED' });
    expect(back.messages.filter((m) => m.event === 'resync')).toEqual([]);
    // Nothing sent twice: the resumed stream starts after what A had.
    expect(back.events().filter((e) => e.type === 'scheduling.appointment.confirmed.v1')).toEqual([]);

    // B was connected throughout: none of A's events.
    expect(streamB.events()).toEqual([]);
    expect(streamB.ended).toBe(false);
  });

  it('a patient gets their new in-app notifications; the staff of the doctor organisation get the booking', async () => {
    const staff = await login(new Api(), DEMO.staff.email, DEMO.staff.password);
    const [p, other] = [await welcomedPatient(), await welcomedPatient()];
    await fund(p, fee * 2);
    const [streamP, streamStaff, streamOther] = [await connect(p), await connect(staff), await connect(other)];
    expect([streamP.status, streamStaff.status, streamOther.status]).toEqual([200, 200, 200]);
    for (const s of [streamP, streamStaff, streamOther]) await s.waitFor((m) => m.event === 'ready', 'ready');

    // THREE_SEAT_DOCTOR is a doctor of the demo organisation, whose staff staff@demo.health is.
    const booked = await book(p, slots.take(), WALLET);
    expect(booked.status).toBe(201);
    const id = booked.body.id as string;
    const seen = await streamStaff.waitFor(
      about('scheduling.appointment.held.v1', id),
      'the booking on the staff stream',
    );
    expect(seen.data).toMatchObject({ status: 'PENDING_PAYMENT', aggregateId: id });

    // The booking sends the patient an in-app notification (its inbox item names the appointment),
    // announced on their stream with ids only.
    type Item = { id: string; kind: string; data: Record<string, string> };
    let item: Item | undefined;
    await waitUntil(async () => {
      const inbox = await p.api.get('/v1/notifications', { token: p.token });
      item = (inbox.body.items as Item[] | undefined)?.find((n) => n.data.appointmentId === id);
      return !!item;
    }, 'an in-app notification about the booking');
    expect(item?.kind).toMatch(/^(APPOINTMENT|PAYMENT)_/);
    const created = await streamP.waitFor(
      (m) => m.data.type === 'notifications.notification.created.v1' && m.data.notificationId === item?.id,
      'the notification on the patient stream',
    );
    expect(Object.keys(created.data).sort()).toEqual(['aggregateId', 'id', 'notificationId', 'occurredAt', 'type']);

    // Neither the staff nor another patient get the patient's notifications; the other patient nothing at all.
    expect(streamStaff.events().filter((e) => String(e.type).startsWith('notifications.'))).toEqual([]);
    expect(streamOther.events()).toEqual([]);
  });

  it('an unreadable or too old Last-Event-ID gets resync, then live events', async () => {
    const p = await newPatient();
    const garbled = await connect(p, 'not-an-id');
    expect((await garbled.waitFor((m) => m.event === 'resync', 'resync')).data).toEqual({ reason: 'UNREADABLE_ID' });
    await garbled.waitFor((m) => m.event === 'ready', 'ready after resync');
    const old = await connect(p, `${Date.now() - 3_600_000}-1-1-1`);
    expect((await old.waitFor((m) => m.event === 'resync', 'resync')).data).toEqual({ reason: 'OUTSIDE_WINDOW' });
  });

  it('takes the token as ?access_token= (EventSource sends no headers), on this route only', async () => {
    const p = await newPatient();
    const headers = { accept: 'text/event-stream', 'x-forwarded-for': p.api.ip };
    const abort = new AbortController();
    const res = await fetch(`${gatewayUrl()}/v1/stream?access_token=${p.token}`, { headers, signal: abort.signal });
    expect([res.status, res.headers.get('content-type')]).toEqual([200, 'text/event-stream; charset=utf-8']);
    abort.abort();
    const elsewhere = await fetch(`${gatewayUrl()}/v1/me?access_token=${p.token}`, { headers });
    expect(elsewhere.status).toBe(401);
    await elsewhere.text();
  });

  it('a revoked token (logout) closes the stream', async () => {
    const p = await newPatient();
    const stream = await connect(p);
    await stream.waitFor((m) => m.event === 'ready', 'ready');
    expect((await p.api.post('/v1/auth/logout', {}, { token: p.token })).status).toBe(200);
    const closed = await stream.waitFor((m) => m.event === 'closed', 'the stream closed');
    expect(closed.data).toEqual({ reason: 'TOKEN_REVOKED' });
    await waitUntil(() => stream.ended, 'the stream ended');
    expect((await SseClient.open(p)).status).toBe(401);
  });

  it('at most 5 open streams per user: the 6th is refused with 429 until one closes', async () => {
    const p = await newPatient();
    const five = await Promise.all([1, 2, 3, 4, 5].map(() => connect(p)));
    expect(five.map((c) => c.status)).toEqual([200, 200, 200, 200, 200]);
    const sixth = await connect(p);
    expect(sixth.status).toBe(429);
    await five[0].close();
    await waitUntil(async () => {
      const again = await connect(p);
      return again.status === 200;
    }, 'a seat given back');
  });
});
