import { AppointmentStatus, CancelledBy, PaymentStatus, SchedulingEvents } from '@telehealth/contracts';
import { Action } from '../../lifecycle';
import { HOUR, NOW, appointmentsHarness, booked, slotAt, type AppointmentsHarness } from '../testing/fakes';

const paid = (appointmentId: string) => ({
  appointmentId,
  paid: true as const,
  reference: `HOLD_${appointmentId}`,
  coveredByInsurance: false,
  correlationId: 'corr-1',
});

describe('RecordPaymentOutcome', () => {
  let h: AppointmentsHarness;
  beforeEach(() => {
    h = appointmentsHarness();
  });

  it('paid, doctor books directly: confirmed through the lifecycle, hold job withdrawn, announced', async () => {
    const a = await booked(h, slotAt(48));
    await h.paymentOutcome.execute(paid(a._id));
    expect(await h.store.load(a._id)).toMatchObject({
      status: AppointmentStatus.CONFIRMED,
      payment: { status: PaymentStatus.PAID, reference: `HOLD_${a._id}` },
      holdExpiresAt: null,
      version: 1,
    });
    expect(h.store.log).toEqual([
      { id: a._id, action: Action.PAY, from: AppointmentStatus.PENDING_PAYMENT, to: AppointmentStatus.CONFIRMED },
    ]);
    expect(h.holds.jobs.has(a._id)).toBe(false);
    expect(h.store.types().at(-1)).toBe(SchedulingEvents.appointmentConfirmed.type);
  });

  it('paid, doctor confirms: the rule sends it to PENDING_CONFIRMATION with its deadline; nothing announced yet', async () => {
    const a = await booked(h, slotAt(72), { requiresConfirmation: true });
    h.clock.advance(HOUR);
    await h.paymentOutcome.execute(paid(a._id));
    const deadline = new Date(NOW.getTime() + 25 * HOUR);
    expect(await h.store.load(a._id)).toMatchObject({
      status: AppointmentStatus.PENDING_CONFIRMATION,
      confirmBy: deadline,
    });
    expect(h.confirmations.jobs.get(a._id)).toEqual(deadline);
    expect(h.store.types()).toEqual([SchedulingEvents.appointmentHeld.type]);
  });

  it('redelivered: changes nothing more, but gives a waiting request its lost deadline job', async () => {
    const a = await booked(h, slotAt(48), { requiresConfirmation: true });
    await h.paymentOutcome.execute(paid(a._id));
    h.confirmations.jobs.clear();
    await h.paymentOutcome.execute(paid(a._id));
    expect((await h.store.load(a._id))?.version).toBe(1);
    expect(h.confirmations.jobs.has(a._id)).toBe(true);
  });

  it('failed: cancelled by the system with the reason, payment FAILED, seat released', async () => {
    const a = await booked(h, slotAt(48));
    await h.paymentOutcome.execute({
      appointmentId: a._id,
      paid: false,
      message: 'insufficient funds',
      correlationId: 'corr-2',
    });
    expect(await h.store.load(a._id)).toMatchObject({
      status: AppointmentStatus.CANCELLED,
      payment: { status: PaymentStatus.FAILED },
      cancellation: { by: CancelledBy.SYSTEM, reason: 'Payment failed: insufficient funds' },
    });
    expect(h.store.events.at(-1)).toMatchObject({
      type: SchedulingEvents.appointmentCancelled.type,
      correlationId: 'corr-2',
      payload: { previousStatus: AppointmentStatus.PENDING_PAYMENT },
    });
    expect(h.seats.holders()).toEqual([]);
  });

  it('arriving after the hold expired: ignored', async () => {
    const a = await booked(h, slotAt(48));
    await h.expireHold.execute(a._id);
    await h.paymentOutcome.execute(paid(a._id));
    expect(await h.store.load(a._id)).toMatchObject({ status: AppointmentStatus.EXPIRED, version: 1 });
  });
});
