import { randomUUID } from 'node:crypto';
import {
  AppointmentStatus,
  CancelledBy,
  ConsultationMode,
  PaymentEvents,
  SchedulingEvents,
  type AppointmentCancelledV1,
  type AppointmentEventBase,
  type AppointmentPaymentFailedV1,
  type RefundIssuedV1,
} from '@telehealth/contracts';
import { Api, EventTap, consumerSettled, publishEvent, sleep, waitUntil } from '@telehealth/testing';
import { login, newPatient, type Session } from '../support/actors';
import { loseJob } from '../support/queues';
import { killService, serviceReady } from '../support/services';
import { SlotDealer, THREE_SEAT_DOCTOR, book, freeSlots, pay } from '../scheduling/booking-support';
import { entries, fund, mismatches, paymentOf, wallet } from './wallet-support';

const WALLET = { paymentMethod: 'WALLET' };

async function appointment(s: Session, id: string) {
  return (await s.api.get(`/v1/appointments/${id}`, { token: s.token })).body;
}

/** Waits for the booking to leave PENDING_PAYMENT, confirming it as the doctor if it waits for them. */
async function settled(s: Session, id: string, doctor: Session): Promise<string> {
  let status = 'PENDING_PAYMENT';
  await waitUntil(
    async () => (status = (await appointment(s, id)).status) !== 'PENDING_PAYMENT',
    'the payment step',
    30_000,
  );
  if (status === 'PENDING_CONFIRMATION') {
    const res = await doctor.api.post(`/v1/appointments/${id}/confirm`, {}, { token: doctor.token });
    expect(res.status).toBe(200);
    status = res.body.status;
  }
  return status;
}

const byRef = async (s: Session, prefix: string, appointmentId: string) =>
  (await entries(s)).filter((e) => e.reference === `${prefix}_${appointmentId}`);

describe('Paying for appointments: wallet hold, capture, release, refund', () => {
  let slots: SlotDealer;
  let doctor: Session;
  let fee: number;
  let failed: EventTap<AppointmentPaymentFailedV1>;
  let refunds: EventTap<RefundIssuedV1>;
  let cancellations: EventTap<AppointmentCancelledV1>;

  beforeAll(async () => {
    // Slots of one fee, so every test knows what a booking costs.
    const free = (await freeSlots(THREE_SEAT_DOCTOR)).filter((s) => s.capacity === 3);
    fee = free[0].fee.amountMinor;
    expect(fee).toBeGreaterThan(0);
    slots = new SlotDealer(free.filter((s) => s.fee.amountMinor === fee));
    doctor = await login(new Api(), 'dr.nwosu@demo.health', 'DemoPass2026');
    failed = await EventTap.open(PaymentEvents.appointmentPaymentFailed);
    refunds = await EventTap.open(PaymentEvents.refundIssued);
    cancellations = await EventTap.open(SchedulingEvents.appointmentCancelled);
  }, 60_000);
  afterAll(async () => {
    await failed.close();
    await refunds.close();
    await cancellations.close();
  });
  afterEach(async () => expect(await mismatches()).toEqual([]));

  it('register -> top-up -> book -> fee held -> confirmed -> captured', async () => {
    const p = await newPatient();
    await fund(p, fee * 2);
    const booked = await book(p, slots.take(), WALLET);
    expect(booked.status).toBe(201);
    expect(await settled(p, booked.body.id, doctor)).toBe('CONFIRMED');
    expect(await appointment(p, booked.body.id)).toMatchObject({ payment: { status: 'PAID', method: 'WALLET' } });
    await waitUntil(async () => (await paymentOf(p, booked.body.id)).status === 'COMPLETED', 'the capture');
    const w = await wallet(p);
    expect(w).toMatchObject({
      balance: { amountMinor: fee },
      held: { amountMinor: 0 },
      available: { amountMinor: fee },
    });
    const [hold] = await byRef(p, 'HOLD', booked.body.id);
    const [capture] = await byRef(p, 'CAPTURE', booked.body.id);
    expect(hold).toMatchObject({ type: 'HOLD', status: 'PENDING', amount: { amountMinor: fee } });
    expect(capture).toMatchObject({ type: 'CAPTURE', status: 'SUCCESS', relatedReference: hold.reference });
  });

  it('insufficient funds: the seat is released and the patient told why', async () => {
    const p = await newPatient();
    await fund(p, Math.max(10_000, Math.floor(fee / 2)));
    const slot = slots.take();
    const booked = await book(p, slot, WALLET);
    expect(booked.status).toBe(201);
    const event = await failed.waitFor((e) => e.payload.appointmentId === booked.body.id);
    expect(event.payload).toMatchObject({
      reason: 'INSUFFICIENT_FUNDS',
      message: expect.stringContaining('Insufficient funds'),
    });
    await waitUntil(async () => (await appointment(p, booked.body.id)).status === 'CANCELLED', 'the release');
    expect(await appointment(p, booked.body.id)).toMatchObject({
      payment: { status: 'FAILED' },
      cancellation: { by: 'SYSTEM', reason: expect.stringContaining('Insufficient funds') },
    });
    const [attempt] = await byRef(p, 'HOLD', booked.body.id);
    expect(attempt).toMatchObject({ status: 'FAILED', subtitle: 'Payment failed: insufficient funds' });
    expect((await wallet(p)).held.amountMinor).toBe(0);
    expect((await paymentOf(p, booked.body.id)).status).toBe('FAILED');
    // The seat is free again: three others can take the three seats.
    const others = await Promise.all([newPatient(), newPatient(), newPatient()]);
    expect((await Promise.all(others.map((o) => book(o, slot)))).map((r) => r.status)).toEqual([201, 201, 201]);
  });

  it('cancelled by the patient (late notice): half back; by the doctor: everything back; never twice', async () => {
    const p = await newPatient();
    await fund(p, fee * 2);
    const [a, b] = [await book(p, slots.take(), WALLET), await book(p, slots.take(), WALLET)];
    for (const r of [a, b]) expect(await settled(p, r.body.id, doctor)).toBe('CONFIRMED');
    for (const r of [a, b])
      await waitUntil(async () => (await paymentOf(p, r.body.id)).status === 'COMPLETED', 'capture');
    expect((await wallet(p)).balance.amountMinor).toBe(0);

    expect((await p.api.post(`/v1/appointments/${a.body.id}/cancel`, {}, { token: p.token })).status).toBe(200);
    const cancelled = await cancellations.waitFor((e) => e.payload.appointmentId === a.body.id);
    expect(cancelled.payload).toMatchObject({ cancelledBy: 'PATIENT', previousStatus: 'CONFIRMED' });
    const late = await refunds.waitFor((e) => e.payload.appointmentId === a.body.id);
    expect(late.payload).toMatchObject({
      percent: 50,
      policy: 'LATE_NOTICE',
      cancelledBy: 'PATIENT',
      amount: { amountMinor: Math.floor(fee / 2) },
    });

    expect((await doctor.api.post(`/v1/appointments/${b.body.id}/cancel`, {}, { token: doctor.token })).status).toBe(
      200,
    );
    const full = await refunds.waitFor((e) => e.payload.appointmentId === b.body.id);
    expect(full.payload).toMatchObject({ percent: 100, policy: 'PROVIDER_CANCELLED', amount: { amountMinor: fee } });

    await waitUntil(async () => (await wallet(p)).balance.amountMinor === Math.floor(fee / 2) + fee, 'both refunds');
    expect(await paymentOf(p, a.body.id)).toMatchObject({
      status: 'REFUNDED',
      refunded: { amountMinor: Math.floor(fee / 2) },
    });
    await sleep(500);
    expect((await entries(p)).filter((e) => e.type === 'REFUND')).toHaveLength(2);
    // The appointments read as the wallet's records do: refunded, not still paid.
    for (const r of [a, b])
      await waitUntil(async () => (await appointment(p, r.body.id)).payment.status === 'REFUNDED', 'payment REFUNDED');
  });

  it('cancelled from CONFIRMED before the confirmation reaches the wallet: captured, then refunded by policy, not released', async () => {
    // Scheduling's events played by the test, in the order a lagging consumer can see them.
    const p = await newPatient();
    await fund(p, fee);
    const start = new Date(Date.now() + 2 * 3_600_000); // late notice for a patient
    const base: AppointmentEventBase = {
      appointmentId: randomUUID(),
      number: `APT${Date.now()}`,
      patientId: p.userId,
      dependentId: null,
      doctorId: randomUUID(),
      clinicId: null,
      mode: ConsultationMode.ONLINE,
      start: start.toISOString(),
      end: new Date(start.getTime() + 1_800_000).toISOString(),
      timeZone: 'Africa/Lagos',
      status: AppointmentStatus.PENDING_PAYMENT,
      fee: { amountMinor: fee, currency: 'NGN' },
    };
    const id = base.appointmentId;
    await publishEvent(SchedulingEvents.appointmentHeld, id, {
      ...base,
      holdExpiresAt: new Date(Date.now() + 600_000).toISOString(),
      paymentMethod: 'WALLET',
    });
    await waitUntil(async () => (await byRef(p, 'HOLD', id)).length === 1, 'the fee to be held');

    await publishEvent(SchedulingEvents.appointmentCancelled, id, {
      ...base,
      status: AppointmentStatus.CANCELLED,
      cancelledBy: CancelledBy.PATIENT,
      reason: 'Cannot make it',
      previousStatus: AppointmentStatus.CONFIRMED,
    });
    const refund = await refunds.waitFor((e) => e.payload.appointmentId === id);
    expect(refund.payload).toMatchObject({
      percent: 50,
      policy: 'LATE_NOTICE',
      amount: { amountMinor: Math.floor(fee / 2) },
    });
    // The confirmation arrives last: it changes nothing.
    await publishEvent(SchedulingEvents.appointmentConfirmed, id, { ...base, status: AppointmentStatus.CONFIRMED });
    await consumerSettled(SchedulingEvents.appointmentConfirmed, 'wallet-claims--scheduling_appointment_confirmed_v1');

    const mine = (await entries(p)).filter((e) => e.reference.endsWith(`_${id}`));
    expect(mine.map((e) => e.type).sort()).toEqual(['CAPTURE', 'HOLD', 'REFUND']);
    expect(await paymentOf(p, id)).toMatchObject({
      status: 'REFUNDED',
      refunded: { amountMinor: Math.floor(fee / 2) },
    });
    expect(await wallet(p)).toMatchObject({ balance: { amountMinor: Math.floor(fee / 2) }, held: { amountMinor: 0 } });
  });

  it('an unpaid card booking expires: seat and payment both voided; money paid late stays in the wallet, uncharged', async () => {
    const p = await newPatient();
    const booked = await book(p, slots.take());
    expect(booked.body.payment).toMatchObject({ method: 'CARD', status: 'PENDING' });
    await waitUntil(
      async () => (await appointment(p, booked.body.id)).status === 'EXPIRED',
      'the hold to expire',
      20_000,
    );
    await waitUntil(async () => (await paymentOf(p, booked.body.id)).status === 'VOIDED', 'the payment to be voided');
    await pay(p, booked.body.id);
    await waitUntil(async () => (await wallet(p)).balance.amountMinor === fee, 'the late card money');
    await sleep(1_000);
    expect(await wallet(p)).toMatchObject({ balance: { amountMinor: fee }, held: { amountMinor: 0 } });
    expect(await byRef(p, 'HOLD', booked.body.id)).toEqual([]);
    expect(await byRef(p, 'CAPTURE', booked.body.id)).toEqual([]);
    expect((await appointment(p, booked.body.id)).status).toBe('EXPIRED');
  });

  it('an unpaid hold whose expiry job was lost (crash between the write and the job add) still expires after a restart', async () => {
    const p = await newPatient();
    const booked = await book(p, slots.take()); // a card booking: it waits for the checkout
    expect(booked.status).toBe(201);
    expect(await loseJob('scheduling-hold-expiry', `hold-${booked.body.id}`)).toBe(1);
    killService('scheduling');
    await waitUntil(() => serviceReady('scheduling'), 'scheduling to be restarted', 30_000);
    await waitUntil(
      async () => (await appointment(p, booked.body.id)).status === 'EXPIRED',
      'the hold to expire',
      30_000,
    );
    await waitUntil(async () => (await paymentOf(p, booked.body.id)).status === 'VOIDED', 'the payment to be voided');
  }, 90_000);

  it('wallet-claims killed mid-saga: every booking ends paid-and-confirmed or released, none stuck, none charged without a booking', async () => {
    const patients = await Promise.all([newPatient(), newPatient(), newPatient(), newPatient()]);
    await Promise.all(patients.map((p) => fund(p, fee)));
    const booked = await Promise.all(patients.map((p) => book(p, slots.take(), WALLET)));
    expect(booked.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    killService('wallet-claims');
    await waitUntil(() => serviceReady('wallet-claims'), 'wallet-claims to be restarted', 30_000);
    for (const [i, p] of patients.entries()) {
      const id = booked[i].body.id;
      const status = await settled(p, id, doctor);
      expect(['CONFIRMED', 'EXPIRED', 'CANCELLED']).toContain(status);
      if (status === 'CONFIRMED') {
        await waitUntil(async () => (await byRef(p, 'CAPTURE', id)).length === 1, `the capture of ${id}`, 30_000);
        expect(await wallet(p)).toMatchObject({ balance: { amountMinor: 0 }, held: { amountMinor: 0 } });
      } else {
        await waitUntil(async () => (await wallet(p)).held.amountMinor === 0, `the release of ${id}`, 30_000);
        expect((await wallet(p)).balance.amountMinor).toBe(fee);
        expect(await byRef(p, 'CAPTURE', id)).toEqual([]);
      }
    }
  });
});
