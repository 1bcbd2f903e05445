import {
  AppointmentStatus,
  ConsultationMode,
  CallPreference,
  PaymentStatus,
  SchedulingEvents,
} from '@telehealth/contracts';
import {
  HOUR,
  NOW,
  appointmentsHarness,
  doctor,
  metaOf,
  patient,
  refusal,
  slotAt,
  type AppointmentsHarness,
} from '../testing/fakes';

const online = (slotId: string, extra: object = {}) => ({
  slotId,
  mode: ConsultationMode.ONLINE,
  contactNumber: '+2348000000000',
  callPreference: CallPreference.VIDEO,
  ...extra,
});

describe('BookAppointment', () => {
  let h: AppointmentsHarness;
  beforeEach(() => {
    h = appointmentsHarness();
  });

  it('a paid slot: the seat is held until payment, with its expiry job; only `held` is announced', async () => {
    const slot = h.slots.offer(slotAt(48));
    const view = await h.book.execute(online(slot.id), metaOf(patient));
    expect(view).toMatchObject({
      status: AppointmentStatus.PENDING_PAYMENT,
      payment: { status: PaymentStatus.PENDING, amount: slot.fee },
      holdExpiresAt: new Date(NOW.getTime() + 900_000).toISOString(),
      number: expect.stringMatching(/^APT20300306\d{6}$/),
      roomId: `room-${view.id}`,
    });
    expect(h.seats.holders()).toEqual([view.id]);
    expect(h.holds.jobs.get(view.id)).toEqual(new Date(NOW.getTime() + 900_000));
    expect(h.confirmations.jobs.size).toBe(0);
    expect(h.store.types()).toEqual([SchedulingEvents.appointmentHeld.type]);
  });

  it('a free slot of a doctor who books directly is confirmed at once', async () => {
    const slot = h.slots.offer(slotAt(48, { fee: { amountMinor: 0, currency: 'NGN' } }));
    const view = await h.book.execute(online(slot.id), metaOf(patient));
    expect(view).toMatchObject({
      status: AppointmentStatus.CONFIRMED,
      payment: { status: PaymentStatus.NOT_REQUIRED },
    });
    expect(h.store.types()).toEqual([
      SchedulingEvents.appointmentHeld.type,
      SchedulingEvents.appointmentConfirmed.type,
    ]);
    expect(h.holds.jobs.size + h.confirmations.jobs.size).toBe(0);
  });

  it('a free slot of a doctor who confirms waits for them, with a deadline job', async () => {
    const slot = h.slots.offer(slotAt(48, { fee: { amountMinor: 0, currency: 'NGN' } }), {
      requiresConfirmation: true,
    });
    const view = await h.book.execute(online(slot.id), metaOf(patient));
    const deadline = new Date(NOW.getTime() + 24 * HOUR);
    expect(view).toMatchObject({ status: AppointmentStatus.PENDING_CONFIRMATION, confirmBy: deadline.toISOString() });
    expect(h.confirmations.jobs.get(view.id)).toEqual(deadline);
  });

  it('a full slot is refused and nothing is written', async () => {
    const slot = h.slots.offer(slotAt(48));
    await h.book.execute(online(slot.id), metaOf(patient));
    expect(await refusal(h.book.execute(online(slot.id, { idempotencyKey: 'k2' }), metaOf(patient)))).toBe('SLOT_FULL');
    expect(h.store.docs.size).toBe(1);
  });

  it('a retry with the Idempotency-Key answers with the first booking and takes no second seat', async () => {
    const slot = h.slots.offer(slotAt(48, { capacity: 3 }));
    const first = await h.book.execute(online(slot.id, { idempotencyKey: 'k1' }), metaOf(patient));
    const again = await h.book.execute(online(slot.id, { idempotencyKey: 'k1' }), metaOf(patient));
    expect(again.id).toBe(first.id);
    expect(h.seats.holders()).toEqual([first.id]);
    expect(
      await refusal(h.book.execute(online(slot.id, { idempotencyKey: 'k1', reason: 'other' }), metaOf(patient))),
    ).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it("under a daily cap, a booking past the doctor's cap is refused and its seat given back", async () => {
    h = appointmentsHarness({ MAX_APPOINTMENTS_PER_DAY: 1 });
    const a = h.slots.offer(slotAt(48));
    const b = h.slots.offer(slotAt(49));
    const first = await h.book.execute(online(a.id), metaOf(patient));
    expect(await refusal(h.book.execute(online(b.id), metaOf(patient)))).toBe('DAILY_CAP_REACHED');
    expect(h.seats.holders()).toEqual([first.id]);
  });

  it('its rule edited between the look-up and the booking: refused, the seat given back', async () => {
    const slot = h.slots.offer(slotAt(48));
    h.slots.ruleEdited = true;
    expect(await refusal(h.book.execute(online(slot.id), metaOf(patient)))).toBe('AVAILABILITY_CHANGED');
    expect(h.seats.seats.size + h.store.docs.size).toBe(0);
    h.slots.ruleEdited = false;
    await h.book.execute(online(slot.id), metaOf(patient));
    expect(h.slots.marked).toEqual([slot.id]);
  });

  it('refuses what cannot be booked: not a patient, no such slot, missing online details', async () => {
    const slot = h.slots.offer(slotAt(48));
    expect(await refusal(h.book.execute(online(slot.id), metaOf(doctor)))).toBe('FORBIDDEN');
    expect(await refusal(h.book.execute(online(slotAt(50).id), metaOf(patient)))).toBe('SLOT_NOT_OFFERED');
    expect(await refusal(h.book.execute(online(slot.id, { contactNumber: undefined }), metaOf(patient)))).toBe(
      'VALIDATION_FAILED',
    );
    expect(await refusal(h.book.execute(online(slot.id, { dependentId: 'not-mine' }), metaOf(patient)))).toBe(
      'NOT_FOUND',
    );
    expect(h.store.docs.size + h.seats.seats.size).toBe(0);
  });
});
