import { SchedulingEvents, type AppointmentDeclinedV1 } from '@telehealth/contracts';
import { Api, EventTap, sleep, waitUntil } from '@telehealth/testing';
import { adminSession, newPatient, type Session } from '../support/actors';
import { loseJob } from '../support/queues';
import { killService, serviceReady } from '../support/services';
import { entries, fund, mismatches, paymentOf, wallet } from '../wallet/wallet-support';
import { SlotDealer, book, type Slot } from './booking-support';
import { lagosDate, newDoctor, type DoctorSession } from './directory-support';

// The e2e platform runs with CONFIRMATION_WINDOW_MINUTES=0.15: a doctor has 9 s to answer.
const WINDOW_MS = 9_000;
const FEE = 500_000;
const WALLET = { paymentMethod: 'WALLET' };

const appointment = async (s: Session, id: string) =>
  (await s.api.get(`/v1/appointments/${id}`, { token: s.token })).body;

const byRef = async (s: Session, prefix: string, appointmentId: string) =>
  (await entries(s)).filter((e) => e.reference === `${prefix}_${appointmentId}`);

/** A patient with exactly the fee in their wallet, whose booking of `slot` is paid and waits for the doctor. */
async function waitingRequest(slot: Slot): Promise<{ p: Session; id: string; createdAt: string }> {
  const p = await newPatient();
  await fund(p, FEE);
  const booked = await book(p, slot, WALLET);
  expect(booked.status).toBe(201);
  const id: string = booked.body.id;
  await waitUntil(async () => (await appointment(p, id)).status === 'PENDING_CONFIRMATION', 'the fee to be held');
  expect(await wallet(p)).toMatchObject({ held: { amountMinor: FEE } });
  return { p, id, createdAt: booked.body.createdAt };
}

describe('Confirmation deadline: a booking request the doctor leaves unanswered', () => {
  let doctor: DoctorSession;
  let slots: SlotDealer;
  let declined: EventTap<AppointmentDeclinedV1>;

  beforeAll(async () => {
    // A doctor of their own who must accept every booking: online, one seat per slot.
    doctor = await newDoctor(await adminSession());
    const profile = await doctor.api.patch(
      `/v1/doctors/${doctor.doctorProfileId}`,
      {
        requiresConfirmation: true,
        availableOnline: true,
        baseFee: { amountMinor: FEE, currency: 'NGN' },
        active: true,
      },
      { token: doctor.token },
    );
    expect(profile.status).toBe(200);
    const day = lagosDate(2);
    const rule = await doctor.api.post(
      `/v1/doctors/${doctor.doctorProfileId}/availability/rules`,
      {
        weekday: new Date(`${day}T00:00:00Z`).getUTCDay(),
        startTime: '09:00',
        endTime: '12:00',
        slotMinutes: 30,
        maxPatients: 1,
        mode: 'ONLINE',
      },
      { token: doctor.token },
    );
    expect(rule.status).toBe(201);
    const listed = await new Api().get(`/v1/doctors/${doctor.doctorProfileId}/slots?from=${day}&to=${day}`);
    expect(listed.status).toBe(200);
    slots = new SlotDealer(listed.body);
    declined = await EventTap.open(SchedulingEvents.appointmentDeclined);
  }, 60_000);
  afterAll(async () => declined.close());
  afterEach(async () => expect(await mismatches()).toEqual([]));

  it('is declined by the system at its deadline: the held fee is released, the patient told, the seat free again', async () => {
    const slot = slots.take();
    const { p, id, createdAt } = await waitingRequest(slot);
    // The patient's app can show until when the doctor may answer.
    const { confirmBy } = await appointment(p, id);
    expect(Date.parse(confirmBy) - Date.parse(createdAt)).toBeGreaterThanOrEqual(WINDOW_MS);
    expect(Date.parse(confirmBy) - Date.parse(createdAt)).toBeLessThan(WINDOW_MS + 5_000);

    const event = await declined.waitFor((e) => e.payload.appointmentId === id, 30_000);
    expect(event.payload).toMatchObject({
      status: 'DECLINED',
      fee: { amountMinor: FEE },
      declinedBy: 'SYSTEM',
      reason: expect.stringContaining('did not confirm'),
    });
    // Not before the window, which began when it was paid (after it was booked).
    expect(Date.parse(event.occurredAt) - Date.parse(createdAt)).toBeGreaterThanOrEqual(WINDOW_MS);
    expect(await appointment(p, id)).toMatchObject({
      status: 'DECLINED',
      confirmBy: null,
      cancellation: { by: 'SYSTEM', reason: expect.stringContaining('did not confirm') },
    });

    await waitUntil(async () => (await wallet(p)).held.amountMinor === 0, 'the release of the fee');
    expect(await wallet(p)).toMatchObject({
      balance: { amountMinor: FEE },
      held: { amountMinor: 0 },
      available: { amountMinor: FEE },
    });
    expect(await byRef(p, 'RELEASE', id)).toEqual([expect.objectContaining({ type: 'RELEASE', status: 'SUCCESS' })]);
    expect(await byRef(p, 'CAPTURE', id)).toEqual([]);
    expect((await paymentOf(p, id)).status).toBe('VOIDED');

    type Notice = { kind: string; body: string; data: { appointmentId?: string } };
    const notice = async () =>
      ((await p.api.get('/v1/notifications', { token: p.token })).body.items as Notice[]).find(
        (n) => n.kind === 'APPOINTMENT_DECLINED' && n.data.appointmentId === id,
      );
    await waitUntil(async () => (await notice()) !== undefined, 'the patient to be told');
    // Told that nobody answered, not that the doctor refused.
    expect((await notice())!.body).toContain('did not answer your booking request in time');

    const other = await newPatient();
    expect((await book(other, slot)).status).toBe(201);
  });

  it('answered by the doctor before the deadline: it passes without effect (confirmed: captured once; declined: released once)', async () => {
    const [kept, refused] = await Promise.all([waitingRequest(slots.take()), waitingRequest(slots.take())]);
    const confirmed = await doctor.api.post(`/v1/appointments/${kept.id}/confirm`, {}, { token: doctor.token });
    expect(confirmed.body).toMatchObject({ status: 'CONFIRMED' });
    const declinedNow = await doctor.api.post(`/v1/appointments/${refused.id}/decline`, {}, { token: doctor.token });
    expect(declinedNow.body).toMatchObject({ status: 'DECLINED', cancellation: null });

    const last = Math.max(Date.parse(kept.createdAt), Date.parse(refused.createdAt));
    await sleep(Math.max(0, last + WINDOW_MS + 4_000 - Date.now()));
    expect(await appointment(kept.p, kept.id)).toMatchObject({ status: 'CONFIRMED', cancellation: null });
    expect(declined.matching((e) => e.payload.appointmentId === kept.id)).toEqual([]);
    await waitUntil(async () => (await byRef(kept.p, 'CAPTURE', kept.id)).length === 1, 'the capture');
    expect(await byRef(kept.p, 'RELEASE', kept.id)).toEqual([]);
    expect(await wallet(kept.p)).toMatchObject({ balance: { amountMinor: 0 }, held: { amountMinor: 0 } });
    expect((await paymentOf(kept.p, kept.id)).status).toBe('COMPLETED');

    // The doctor's own decline stands alone: no second one from the deadline.
    expect(await appointment(refused.p, refused.id)).toMatchObject({ status: 'DECLINED', cancellation: null });
    expect(declined.matching((e) => e.payload.appointmentId === refused.id)).toEqual([
      expect.objectContaining({ payload: expect.objectContaining({ declinedBy: 'DOCTOR' }) }),
    ]);
    await waitUntil(async () => (await byRef(refused.p, 'RELEASE', refused.id)).length === 1, 'the release');
    expect(await wallet(refused.p)).toMatchObject({ balance: { amountMinor: FEE }, held: { amountMinor: 0 } });
  });

  it("a declined request's payment reads as the wallet's record of it: VOIDED, not PAID", async () => {
    const { p, id } = await waitingRequest(slots.take());
    expect((await appointment(p, id)).payment.status).toBe('PAID');
    const res = await doctor.api.post(`/v1/appointments/${id}/decline`, {}, { token: doctor.token });
    expect(res.body).toMatchObject({ status: 'DECLINED' });
    await waitUntil(async () => (await paymentOf(p, id)).status === 'VOIDED', 'the wallet to void the payment');
    expect((await appointment(p, id)).payment.status).toBe('VOIDED');
  });

  it('a request whose deadline job was lost (crash between the write and the job add) is still declined after a restart', async () => {
    const { p, id, createdAt } = await waitingRequest(slots.take());
    expect(await loseJob('scheduling-confirmation-deadline', `confirm-by-${id}`)).toBe(1);
    killService('scheduling');
    await waitUntil(() => serviceReady('scheduling'), 'scheduling to be restarted', 30_000);

    const event = await declined.waitFor((e) => e.payload.appointmentId === id, 45_000);
    // The deadline it was given when paid, not a new one from the restart.
    expect(Date.parse(event.occurredAt) - Date.parse(createdAt)).toBeGreaterThanOrEqual(WINDOW_MS);
    expect(await appointment(p, id)).toMatchObject({ status: 'DECLINED', cancellation: { by: 'SYSTEM' } });
    await waitUntil(async () => (await wallet(p)).held.amountMinor === 0, 'the release of the fee');
    expect(await byRef(p, 'RELEASE', id)).toHaveLength(1);
  }, 90_000);
});
