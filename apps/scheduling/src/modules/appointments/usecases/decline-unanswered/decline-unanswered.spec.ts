import { AppointmentStatus, CancelledBy, PaymentStatus, SchedulingEvents } from '@telehealth/contracts';
import { Action } from '../../lifecycle';
import { appointmentsHarness, booked, doctor, metaOf, slotAt, type AppointmentsHarness } from '../testing/fakes';
import { UNANSWERED } from './decline-unanswered.usecase';

describe('DeclineUnanswered (the confirmation-deadline timer)', () => {
  let h: AppointmentsHarness;
  beforeEach(() => {
    h = appointmentsHarness();
  });

  it('a request still unanswered is declined by the system: seat free, held fee voided, told why', async () => {
    const a = await booked(h, slotAt(48), { paid: true, requiresConfirmation: true });
    await h.declineUnanswered.execute(a._id);
    expect(await h.store.load(a._id)).toMatchObject({
      status: AppointmentStatus.DECLINED,
      payment: { status: PaymentStatus.VOIDED },
      cancellation: { by: CancelledBy.SYSTEM, reason: UNANSWERED },
    });
    expect(h.store.events.at(-1)).toMatchObject({
      type: SchedulingEvents.appointmentDeclined.type,
      payload: { declinedBy: CancelledBy.SYSTEM, reason: UNANSWERED },
    });
    expect(h.seats.holders()).toEqual([]);
  });

  it('answered first: nothing happens', async () => {
    const a = await booked(h, slotAt(48), { paid: true, requiresConfirmation: true });
    await h.transition.execute({ id: a._id, action: Action.CONFIRM }, metaOf(doctor));
    await h.declineUnanswered.execute(a._id);
    expect((await h.store.load(a._id))?.status).toBe(AppointmentStatus.CONFIRMED);
    expect(h.store.log.map((t) => t.action)).toEqual([Action.PAY, Action.CONFIRM]);
  });
});
