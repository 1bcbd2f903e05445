import { AppointmentStatus, CancelledBy, PaymentEvents, PaymentRecordStatus } from '@telehealth/contracts';
import { HOUR, FEE, NOW, cancelledEvent, held, paymentsHarness, type PaymentsHarness } from '../testing/fakes';
import { NotYet } from './refund-payment.usecase';

describe('RefundPayment (the appointment was cancelled)', () => {
  let h: PaymentsHarness;
  beforeEach(() => {
    h = paymentsHarness();
  });

  it('before confirmation: the hold is released, the payment voided, nothing refunded', async () => {
    await held(h, 'appt-1');
    await h.refund.execute(cancelledEvent('appt-1', AppointmentStatus.PENDING_PAYMENT), NOW, 'corr-3');
    expect(h.ledger.references()).toEqual(['HOLD_appt-1', 'RELEASE_appt-1']);
    expect(h.store.only().status).toBe(PaymentRecordStatus.VOIDED);
  });

  it('after capture, by the patient with enough notice: everything back, announced', async () => {
    await held(h, 'appt-1');
    await h.capture.execute('appt-1', 'corr-2');
    await h.refund.execute(cancelledEvent('appt-1', AppointmentStatus.CONFIRMED, CancelledBy.PATIENT, 48), NOW, 'c');
    expect(h.ledger.references()).toEqual(['HOLD_appt-1', 'CAPTURE_appt-1', 'REFUND_appt-1']);
    expect(h.store.only()).toMatchObject({ status: PaymentRecordStatus.REFUNDED, refundedMinor: FEE });
    expect(h.ledger.events.at(-1)).toMatchObject({
      type: PaymentEvents.refundIssued.type,
      payload: { percent: 100, policy: 'FULL_NOTICE', amount: { amountMinor: FEE } },
    });
  });

  it('by the patient late: the late share, measured to the cancellation time', async () => {
    await held(h, 'appt-1');
    await h.capture.execute('appt-1', 'corr-2');
    const cancelledAt = new Date(NOW.getTime() + 40 * HOUR); // 8 hours before a start 48 h ahead
    await h.refund.execute(cancelledEvent('appt-1', AppointmentStatus.CONFIRMED), cancelledAt, 'c');
    expect(h.store.only()).toMatchObject({ status: PaymentRecordStatus.REFUNDED, refundedMinor: FEE / 2 });
    expect(h.wallets.of('patient-1').balanceMinor).toBe(FEE * 2 - FEE / 2);
  });

  it('by the doctor: everything back, whatever the notice; redelivered: refunded once', async () => {
    await held(h, 'appt-1');
    await h.capture.execute('appt-1', 'corr-2');
    const late = cancelledEvent('appt-1', AppointmentStatus.CONFIRMED, CancelledBy.DOCTOR, 1);
    await h.refund.execute(late, NOW, 'c');
    await h.refund.execute(late, NOW, 'c');
    expect(h.ledger.references()).toEqual(['HOLD_appt-1', 'CAPTURE_appt-1', 'REFUND_appt-1']);
    expect(h.wallets.of('patient-1').balanceMinor).toBe(FEE * 2);
  });

  it('cancelled from CONFIRMED before the confirmation was handled: captured here first, then refunded by policy', async () => {
    await held(h, 'appt-1');
    const cancelledAt = new Date(NOW.getTime() + 40 * HOUR);
    await h.refund.execute(cancelledEvent('appt-1', AppointmentStatus.CONFIRMED), cancelledAt, 'c');
    expect(h.ledger.references()).toEqual(['HOLD_appt-1', 'CAPTURE_appt-1', 'REFUND_appt-1']);
    expect(h.store.only()).toMatchObject({ status: PaymentRecordStatus.REFUNDED, refundedMinor: FEE / 2 });
    // The confirmation arriving now changes nothing.
    await h.capture.execute('appt-1', 'corr-2');
    expect(h.store.only().status).toBe(PaymentRecordStatus.REFUNDED);
  });

  it('cancelled from CONFIRMED with nothing held yet: NotYet, so the event is retried', async () => {
    await held(h, 'appt-1', 0);
    await expect(
      h.refund.execute(cancelledEvent('appt-1', AppointmentStatus.CONFIRMED), NOW, 'c'),
    ).rejects.toBeInstanceOf(NotYet);
  });

  it('a refund of nothing (0% late share) posts nothing and leaves the payment COMPLETED', async () => {
    h.config.REFUND_LATE_PERCENT = 0;
    await held(h, 'appt-1');
    await h.capture.execute('appt-1', 'corr-2');
    await h.refund.execute(cancelledEvent('appt-1', AppointmentStatus.CONFIRMED, CancelledBy.PATIENT, 1), NOW, 'c');
    expect(h.ledger.references()).toEqual(['HOLD_appt-1', 'CAPTURE_appt-1']);
    expect(h.store.only().status).toBe(PaymentRecordStatus.COMPLETED);
  });

  it('no payment (free appointment): nothing', async () => {
    await h.refund.execute(cancelledEvent('appt-free', AppointmentStatus.CONFIRMED), NOW, 'c');
    expect(h.settlements.docs.size).toBe(0);
  });
});
