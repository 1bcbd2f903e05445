import { AppointmentStatus, PaymentStatus, SchedulingEvents } from '@telehealth/contracts';
import { Action } from '../../lifecycle';
import { appointmentsHarness, booked, slotAt, type AppointmentsHarness } from '../testing/fakes';

describe('ExpireHold (the hold-expiry timer)', () => {
  let h: AppointmentsHarness;
  beforeEach(() => {
    h = appointmentsHarness();
  });

  it('an unpaid hold expires: the seat is free, the pending fee voided, announced', async () => {
    const a = await booked(h, slotAt(48));
    await h.expireHold.execute(a._id);
    expect(await h.store.load(a._id)).toMatchObject({
      status: AppointmentStatus.EXPIRED,
      payment: { status: PaymentStatus.VOIDED },
    });
    expect(h.seats.holders()).toEqual([]);
    expect(h.store.types().at(-1)).toBe(SchedulingEvents.appointmentHoldExpired.type);
  });

  it('a paid or cancelled booking is left alone; an unknown id is ignored', async () => {
    const kept = await booked(h, slotAt(48), { paid: true });
    await h.expireHold.execute(kept._id);
    await h.expireHold.execute('no-such-appointment');
    expect(await h.store.load(kept._id)).toMatchObject({ status: AppointmentStatus.CONFIRMED, version: 1 });
    expect(h.store.log.map((t) => t.action)).toEqual([Action.PAY]);
  });

  it('a payment landing between its read and its write wins: the expiry loses quietly', async () => {
    const a = await booked(h, slotAt(48));
    const readByTheTimer = await h.store.load(a._id);
    await h.paymentOutcome.execute({
      appointmentId: a._id,
      paid: true,
      reference: 'r',
      coveredByInsurance: false,
      correlationId: 'c',
    });
    const load = h.store.load.bind(h.store);
    h.store.load = async () => readByTheTimer; // the timer read the hold before the payment landed
    await expect(h.expireHold.execute(a._id)).resolves.toBeUndefined();
    h.store.load = load;
    expect(await h.store.load(a._id)).toMatchObject({ status: AppointmentStatus.CONFIRMED, version: 1 });
    expect(h.seats.holders()).toEqual([a._id]);
  });
});
