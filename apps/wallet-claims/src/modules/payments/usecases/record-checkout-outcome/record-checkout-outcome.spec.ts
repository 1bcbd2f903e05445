import { PaymentEvents, PaymentRecordStatus } from '@telehealth/contracts';
import { FEE, heldEvent, paymentsHarness, type PaymentsHarness } from '../testing/fakes';

describe('RecordCheckoutOutcome (a card checkout for an appointment ended)', () => {
  let h: PaymentsHarness;
  beforeEach(async () => {
    h = paymentsHarness();
    await h.hold.execute(heldEvent('appt-1', { paymentMethod: 'CARD' }), 'corr-1');
  });

  it('paid: the money arrived in the wallet, and the fee is held now', async () => {
    await h.wallets.fund('patient-1', FEE); // the top-up's credit
    await h.checkoutOutcome.execute({ appointmentId: 'appt-1', paid: true, correlationId: 'evt-1' });
    expect(h.ledger.references()).toEqual(['HOLD_appt-1']);
    expect(h.store.only()).toMatchObject({ status: PaymentRecordStatus.PENDING, reference: 'HOLD_appt-1' });
    expect(h.ledger.events).toMatchObject([{ type: PaymentEvents.appointmentPaymentCompleted.type }]);
  });

  it('paid after the booking ended: the money stays in the wallet, nothing is held', async () => {
    await h.wallets.fund('patient-1', FEE);
    await h.release.execute('appt-1', 'appointment.hold-expired', 'corr-2');
    await h.checkoutOutcome.execute({ appointmentId: 'appt-1', paid: true, correlationId: 'evt-1' });
    expect(h.ledger.entries).toEqual([]);
    expect(h.wallets.of('patient-1')).toEqual({ balanceMinor: FEE, heldMinor: 0 });
  });

  it('failed: the payment fails (DECLINED) with the provider reason; a second report changes nothing', async () => {
    await h.checkoutOutcome.execute({ appointmentId: 'appt-1', paid: false, reason: 'Card declined' });
    await h.checkoutOutcome.execute({ appointmentId: 'appt-1', paid: false, reason: 'Card declined' });
    expect(h.store.only()).toMatchObject({ status: PaymentRecordStatus.FAILED, failureReason: 'Card declined' });
    expect(h.store.events).toMatchObject([
      { type: PaymentEvents.appointmentPaymentFailed.type, payload: { reason: 'DECLINED', message: 'Card declined' } },
    ]);
  });

  it('failed after the booking was voided: the record stays VOIDED', async () => {
    await h.release.execute('appt-1', 'appointment.hold-expired', 'corr-2');
    await h.checkoutOutcome.execute({ appointmentId: 'appt-1', paid: false, reason: 'Card declined' });
    expect(h.store.only().status).toBe(PaymentRecordStatus.VOIDED);
    expect(h.store.events).toEqual([]);
  });

  it('an appointment without a payment: ignored', async () => {
    await h.checkoutOutcome.execute({ appointmentId: 'appt-x', paid: false, reason: 'Card declined' });
    await h.checkoutOutcome.execute({ appointmentId: 'appt-x', paid: true, correlationId: 'e' });
    expect(h.store.log).toEqual([expect.objectContaining({ event: 'checkout-opened' })]);
  });
});
