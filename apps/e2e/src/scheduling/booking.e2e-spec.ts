import { randomUUID } from 'node:crypto';
import { SchedulingEvents, type AppointmentHeldV1 } from '@telehealth/contracts';
import { Api, EventTap, dbNameOf, rawDb, sleep, waitUntil } from '@telehealth/testing';
import { adminSession, login, newPatient, type Session } from '../support/actors';
import {
  ONE_SEAT_DOCTOR,
  SlotDealer,
  THREE_SEAT_DOCTOR,
  book,
  bookingFor,
  freeSlots,
  type Slot,
  pay,
} from './booking-support';

async function seatClaims(slotId: string): Promise<number> {
  const { db, close } = await rawDb(dbNameOf('scheduling'));
  const n = await db.collection('seat_claims').countDocuments({ slotId });
  await close();
  return n;
}

/** Statuses counted, so a failure shows what came back instead (503s, 429s...). */
const histogram = (results: { status: number }[]) =>
  results.reduce<Record<number, number>>((h, r) => ({ ...h, [r.status]: (h[r.status] ?? 0) + 1 }), {});

async function statusOf(s: Session, id: string): Promise<string> {
  return (await s.api.get(`/v1/appointments/${id}`, { token: s.token })).body.status;
}

describe('Booking - /v1/appointments', () => {
  let oneSeat: SlotDealer;
  let threeSeat: SlotDealer;
  let patients: Session[];
  let held: EventTap<AppointmentHeldV1>;

  beforeAll(async () => {
    oneSeat = new SlotDealer(await freeSlots(ONE_SEAT_DOCTOR));
    threeSeat = new SlotDealer((await freeSlots(THREE_SEAT_DOCTOR)).filter((s) => s.capacity === 3));
    patients = await Promise.all(Array.from({ length: 20 }, () => newPatient()));
    held = await EventTap.open(SchedulingEvents.appointmentHeld);
  }, 120_000);
  afterAll(() => held.close());

  it('200 concurrent bookings of a one-seat slot: exactly one 201, the rest 409, one seat taken', async () => {
    const slot = oneSeat.take();
    expect(slot.capacity).toBe(1);
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => book(patients[i % patients.length], slot)));
    expect(histogram(results)).toEqual({ 201: 1, 409: 199 });
    expect(results.find((r) => r.status === 409)?.body.reason).toBe('SLOT_FULL');
    expect(await seatClaims(slot.id)).toBe(1);
    const winner = results.find((r) => r.status === 201)!.body;
    expect(winner).toMatchObject({
      slotId: slot.id,
      status: 'PENDING_PAYMENT',
      number: expect.stringMatching(/^APT\d{14}$/),
    });
    await held.waitFor((e) => e.payload.appointmentId === winner.id);
  });

  it('60 concurrent bookings of a three-seat slot: exactly three 201', async () => {
    const slot = threeSeat.take();
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => book(patients[i % patients.length], slot)));
    expect(histogram(results)).toEqual({ 201: 3, 409: 57 });
    expect(await seatClaims(slot.id)).toBe(3);
  });

  it('a cancelled seat can be booked again', async () => {
    const slot = oneSeat.take();
    const [a, b] = patients;
    const first = await book(a, slot);
    expect(first.status).toBe(201);
    expect((await book(b, slot)).status).toBe(409);
    const cancelled = await a.api.post(
      `/v1/appointments/${first.body.id}/cancel`,
      { reason: 'Changed my mind' },
      { token: a.token },
    );
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({
      status: 'CANCELLED',
      cancellation: { by: 'PATIENT', reason: 'Changed my mind' },
    });
    expect((await book(b, slot)).status).toBe(201);
  });

  it('an unpaid hold expires and frees the seat', async () => {
    const slot = oneSeat.take();
    const [a, b] = patients.slice(2);
    const first = await book(a, slot);
    expect(first.status).toBe(201);
    expect(first.body.holdExpiresAt).toEqual(expect.any(String));
    await waitUntil(async () => (await statusOf(a, first.body.id)) === 'EXPIRED', 'the hold to expire', 20_000);
    expect(await seatClaims(slot.id)).toBe(0);
    expect((await book(b, slot)).status).toBe(201);
  });

  it('payment confirms the booking; the doctor then starts and completes it', async () => {
    const slot = oneSeat.take();
    const p = patients[4];
    const booked = (await book(p, slot)).body;
    await pay(p, booked.id);
    const requiresConfirmation = (await new Api().get(`/v1/doctors/${ONE_SEAT_DOCTOR}`)).body.requiresConfirmation;
    await waitUntil(async () => (await statusOf(p, booked.id)) !== 'PENDING_PAYMENT', 'the payment to be applied');
    const doctor = await login(new Api(), 'dr.adeyemi@demo.health', 'DemoPass2026');
    if (requiresConfirmation) {
      expect(await statusOf(p, booked.id)).toBe('PENDING_CONFIRMATION');
      expect((await doctor.api.post(`/v1/appointments/${booked.id}/confirm`, {}, { token: doctor.token })).status).toBe(
        200,
      );
    }
    const paid = (await p.api.get(`/v1/appointments/${booked.id}`, { token: p.token })).body;
    expect(paid).toMatchObject({ status: 'CONFIRMED', payment: { status: 'PAID' }, holdExpiresAt: null });
    // The doctor sees it in their schedule.
    const schedule = await doctor.api.get(`/v1/appointments?status=CONFIRMED&limit=100`, { token: doctor.token });
    expect(schedule.body.items.map((a: { id: string }) => a.id)).toContain(booked.id);
    expect(
      (await doctor.api.post(`/v1/appointments/${booked.id}/start`, {}, { token: doctor.token })).body.status,
    ).toBe('IN_PROGRESS');
    expect(
      (await doctor.api.post(`/v1/appointments/${booked.id}/complete`, {}, { token: doctor.token })).body.status,
    ).toBe('COMPLETED');
    // A paid-but-expired race cannot undo it: the hold job finds COMPLETED and stops.
    await sleep(7_000);
    expect(await statusOf(p, booked.id)).toBe('COMPLETED');
  });

  it('every illegal transition is 409 naming the current state', async () => {
    const slot = oneSeat.take();
    const p = patients[5];
    const admin = await adminSession();
    const booked = (await book(p, slot)).body;
    for (const action of ['start', 'complete', 'confirm', 'decline', 'no-show']) {
      const res = await admin.api.post(`/v1/appointments/${booked.id}/${action}`, {}, { token: admin.token });
      expect({ action, status: res.status, reason: res.body.reason }).toEqual({
        action,
        status: 409,
        reason: 'ILLEGAL_TRANSITION_FROM_PENDING_PAYMENT',
      });
      expect(res.body.message).toContain('PENDING_PAYMENT');
    }
    await admin.api.post(`/v1/appointments/${booked.id}/cancel`, {}, { token: admin.token });
    for (const action of ['cancel', 'confirm', 'start', 'complete']) {
      const res = await admin.api.post(`/v1/appointments/${booked.id}/${action}`, {}, { token: admin.token });
      expect({ action, status: res.status, reason: res.body.reason }).toEqual({
        action,
        status: 409,
        reason: 'ILLEGAL_TRANSITION_FROM_CANCELLED',
      });
    }
  });

  it("patient B cannot read, cancel or reschedule patient A's appointment (404)", async () => {
    const slot = oneSeat.take();
    const other = oneSeat.take();
    const [a, b] = patients.slice(6);
    const booked = (await book(a, slot)).body;
    expect((await b.api.get(`/v1/appointments/${booked.id}`, { token: b.token })).status).toBe(404);
    expect((await b.api.post(`/v1/appointments/${booked.id}/cancel`, {}, { token: b.token })).status).toBe(404);
    expect(
      (await b.api.post(`/v1/appointments/${booked.id}/reschedule`, { slotId: other.id }, { token: b.token })).status,
    ).toBe(404);
    expect(
      (await b.api.get('/v1/appointments?limit=100', { token: b.token })).body.items.map((x: { id: string }) => x.id),
    ).not.toContain(booked.id);
    expect(await statusOf(a, booked.id)).toBe('PENDING_PAYMENT');
  });

  it('reschedule takes the new seat and frees the old one', async () => {
    const from = oneSeat.take();
    const to = oneSeat.takeLike(from);
    const [p, q] = patients.slice(8);
    const booked = (await book(p, from)).body;
    const moved = await p.api.post(`/v1/appointments/${booked.id}/reschedule`, { slotId: to.id }, { token: p.token });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ id: booked.id, slotId: to.id, start: to.start });
    expect(await seatClaims(from.id)).toBe(0);
    expect(await seatClaims(to.id)).toBe(1);
    expect((await book(q, from)).status).toBe(201);
    expect((await book(q, to)).status).toBe(409);
  });

  it.each([
    ['slotId', (s: Slot) => ({ ...bookingFor(s), slotId: 'not-a-slot' })],
    ['mode', (s: Slot) => ({ ...bookingFor(s), mode: 'TELEPATHY' })],
    ['contactNumber', (s: Slot) => ({ slotId: s.id, mode: 'ONLINE', callPreference: 'VIDEO' })],
    ['callPreference', (s: Slot) => ({ slotId: s.id, mode: 'ONLINE', contactNumber: '+2348011112222' })],
    ['dependentId', (s: Slot) => ({ ...bookingFor(s), dependentId: randomUUID() })],
  ])('400 naming %s, and no seat taken', async (field, body) => {
    const slot = threeSeat.take(true);
    const p = patients[10];
    const res = await p.api.post('/v1/appointments', body(slot), { token: p.token });
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toEqual([field]);
    expect(await seatClaims(slot.id)).toBe(0);
  });

  it('Idempotency-Key: retries (even 10 at once) return the first booking and take one seat', async () => {
    const slot = threeSeat.take();
    const p = patients[12];
    const key = `retry-${randomUUID()}`;
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        p.api.post('/v1/appointments', bookingFor(slot), { token: p.token, headers: { 'idempotency-key': key } }),
      ),
    );
    expect(histogram(results)).toEqual({ 201: 10 });
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(await seatClaims(slot.id)).toBe(1);
    const other = await p.api.post('/v1/appointments', bookingFor(threeSeat.take()), {
      token: p.token,
      headers: { 'idempotency-key': key },
    });
    expect(other.status).toBe(422);
    expect(other.body.reason).toBe('IDEMPOTENCY_KEY_REUSED');
    const bad = await p.api.post('/v1/appointments', bookingFor(slot), {
      token: p.token,
      headers: { 'idempotency-key': 'spaces are not allowed' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('Idempotency-Key');
  });

  it('a patient books for their own dependent', async () => {
    const p = patients[11];
    const dep = await p.api.post(
      '/v1/me/dependents',
      { firstName: 'Kid', lastName: 'K', relationship: 'CHILD', dateOfBirth: '2017-01-01' },
      { token: p.token },
    );
    const res = await book(p, threeSeat.take(), { dependentId: dep.body.id });
    expect(res.status).toBe(201);
    expect(res.body.dependentId).toBe(dep.body.id);
  });
});
