import { AppointmentStatus, CancelledBy, PaymentStatus, SchedulingEvents } from '@telehealth/contracts';
import { Action } from '../../lifecycle';
import {
  HOUR,
  appointmentsHarness,
  booked,
  doctor,
  metaOf,
  otherPatient,
  patient,
  refusal,
  slotAt,
  staff,
  type AppointmentsHarness,
} from '../testing/fakes';

describe('TransitionAppointment', () => {
  let h: AppointmentsHarness;
  beforeEach(() => {
    h = appointmentsHarness();
  });

  it('the doctor confirms a paid request: confirmed, its deadline job withdrawn, announced', async () => {
    const a = await booked(h, slotAt(48), { paid: true, requiresConfirmation: true });
    expect(h.confirmations.jobs.has(a._id)).toBe(true);
    const view = await h.transition.execute({ id: a._id, action: Action.CONFIRM }, metaOf(doctor));
    expect(view).toMatchObject({ status: AppointmentStatus.CONFIRMED, payment: { status: PaymentStatus.PAID } });
    expect(h.confirmations.jobs.has(a._id)).toBe(false);
    expect(h.store.types().at(-1)).toBe(SchedulingEvents.appointmentConfirmed.type);
  });

  it('a declined paid request has its payment voided, as the wallet voids its hold; the seat is free', async () => {
    const a = await booked(h, slotAt(48), { paid: true, requiresConfirmation: true });
    expect(a.payment.status).toBe(PaymentStatus.PAID);
    const view = await h.transition.execute({ id: a._id, action: Action.DECLINE }, metaOf(staff));
    expect(view).toMatchObject({ status: AppointmentStatus.DECLINED, payment: { status: PaymentStatus.VOIDED } });
    expect(h.store.events.at(-1)).toMatchObject({
      type: SchedulingEvents.appointmentDeclined.type,
      payload: { declinedBy: CancelledBy.CLINIC, status: AppointmentStatus.DECLINED },
    });
    expect(h.seats.holders()).toEqual([]);
  });

  it('a patient cancels an unpaid hold: cancelled, seat and hold job gone, the pending fee voided', async () => {
    const a = await booked(h, slotAt(48));
    const view = await h.transition.execute(
      { id: a._id, action: Action.CANCEL, reason: ' changed plans ' },
      metaOf(patient),
    );
    expect(view).toMatchObject({
      status: AppointmentStatus.CANCELLED,
      payment: { status: PaymentStatus.VOIDED },
      cancellation: { by: CancelledBy.PATIENT, reason: 'changed plans' },
    });
    expect(h.store.events.at(-1)?.payload).toMatchObject({
      cancelledBy: CancelledBy.PATIENT,
      previousStatus: AppointmentStatus.PENDING_PAYMENT,
    });
    expect(h.seats.holders()).toEqual([]);
    expect(h.holds.jobs.has(a._id)).toBe(false);
  });

  it("a confirmed appointment cancelled keeps its captured payment (refunds are the wallet's)", async () => {
    const a = await booked(h, slotAt(48), { paid: true });
    const view = await h.transition.execute({ id: a._id, action: Action.CANCEL }, metaOf(doctor));
    expect(view).toMatchObject({ status: AppointmentStatus.CANCELLED, payment: { status: PaymentStatus.PAID } });
  });

  it('runs the consultation: start, then complete', async () => {
    const a = await booked(h, slotAt(48), { paid: true });
    await h.transition.execute({ id: a._id, action: Action.START }, metaOf(doctor));
    const done = await h.transition.execute({ id: a._id, action: Action.COMPLETE }, metaOf(doctor));
    expect(done.status).toBe(AppointmentStatus.COMPLETED);
    expect(h.store.log.map((t) => t.action)).toEqual([Action.PAY, Action.START, Action.COMPLETE]);
  });

  it('refuses what the lifecycle or the relation forbids, changing nothing', async () => {
    const a = await booked(h, slotAt(48));
    expect(await refusal(h.transition.execute({ id: a._id, action: Action.START }, metaOf(doctor)))).toBe(
      'ILLEGAL_TRANSITION_FROM_PENDING_PAYMENT',
    );
    expect(await refusal(h.transition.execute({ id: a._id, action: Action.CONFIRM }, metaOf(patient)))).toBe(
      'FORBIDDEN',
    );
    expect(await refusal(h.transition.execute({ id: a._id, action: Action.CANCEL }, metaOf(otherPatient)))).toBe(
      'NOT_FOUND',
    );
    expect(h.store.log).toEqual([]);
  });

  it('a patient cannot cancel inside the cut-off; the clinic still can', async () => {
    const a = await booked(h, slotAt(3), { paid: true });
    h.clock.advance(1.5 * HOUR);
    expect(await refusal(h.transition.execute({ id: a._id, action: Action.CANCEL }, metaOf(patient)))).toBe(
      'CUTOFF_PASSED',
    );
    expect((await h.transition.execute({ id: a._id, action: Action.CANCEL }, metaOf(staff))).status).toBe(
      AppointmentStatus.CANCELLED,
    );
  });
});
