import { AppointmentStatus } from '@telehealth/contracts';
import { HOUR, NOW, appointmentsHarness, booked, slotAt } from '../testing/fakes';

describe('ResumeAppointmentTimers (start-up sweep)', () => {
  it('gives every unpaid hold and every waiting request its lost job back, and counts them', async () => {
    const h = appointmentsHarness();
    const hold = await booked(h, slotAt(48));
    const waiting = await booked(h, slotAt(49), { paid: true, requiresConfirmation: true });
    await booked(h, slotAt(50), { paid: true });
    h.holds.jobs.clear();
    h.confirmations.jobs.clear();

    expect(await h.resumeTimers.execute('hold-expiry')).toBe(1);
    expect(await h.resumeTimers.execute('confirmation-deadline')).toBe(1);
    expect(h.holds.jobs.get(hold._id)).toEqual(hold.holdExpiresAt);
    expect(h.confirmations.jobs.get(waiting._id)).toEqual(waiting.confirmBy);
  });

  it('a request from before deadlines existed counts from its last change', async () => {
    const h = appointmentsHarness();
    const waiting = await booked(h, slotAt(72), { paid: true, requiresConfirmation: true });
    h.store.put({ ...waiting, confirmBy: undefined, status: AppointmentStatus.PENDING_CONFIRMATION });
    h.confirmations.jobs.clear();
    await h.resumeTimers.execute('confirmation-deadline');
    expect(h.confirmations.jobs.get(waiting._id)).toEqual(new Date(NOW.getTime() + 24 * HOUR));
  });
});
