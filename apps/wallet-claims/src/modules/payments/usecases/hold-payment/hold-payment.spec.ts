import { DomainError } from '@telehealth/messaging';
import { PaymentEvents, PaymentMethod, PaymentRecordStatus } from '@telehealth/contracts';
import { FEE, heldEvent, paymentsHarness, type PaymentsHarness } from '../testing/fakes';

describe('HoldPayment (scheduling held a seat)', () => {
  let h: PaymentsHarness;
  beforeEach(() => {
    h = paymentsHarness();
  });

  it('wallet: records the payment and holds the fee, announcing the payment completed with the entry', async () => {
    await h.wallets.fund('patient-1', FEE);
    await h.hold.execute(heldEvent('appt-1'), 'corr-1');
    expect(h.store.only()).toMatchObject({
      _id: 'pay-1',
      appointmentId: 'appt-1',
      method: PaymentMethod.WALLET,
      status: PaymentRecordStatus.PENDING,
      walletId: 'wallet-patient-1-NGN',
      reference: 'HOLD_appt-1',
    });
    expect(h.wallets.of('patient-1')).toEqual({ balanceMinor: FEE, heldMinor: FEE });
    expect(h.ledger.events).toMatchObject([
      {
        type: PaymentEvents.appointmentPaymentCompleted.type,
        correlationId: 'corr-1',
        payload: { appointmentId: 'appt-1', reference: 'HOLD_appt-1' },
      },
    ]);
  });

  it('redelivered: one payment, one hold', async () => {
    await h.wallets.fund('patient-1', FEE * 3);
    await h.hold.execute(heldEvent('appt-1'), 'corr-1');
    await h.hold.execute(heldEvent('appt-1'), 'corr-1');
    expect(h.store.docs.size).toBe(1);
    expect(h.ledger.references()).toEqual(['HOLD_appt-1']);
    expect(h.wallets.of('patient-1').heldMinor).toBe(FEE);
  });

  it('too little money: a FAILED entry announcing the failure, the payment FAILED with the reason', async () => {
    await h.wallets.fund('patient-1', 1_000);
    await h.hold.execute(heldEvent('appt-1'), 'corr-1');
    expect(h.ledger.references()).toEqual(['HOLD_appt-1 (failed)']);
    expect(h.store.only()).toMatchObject({
      status: PaymentRecordStatus.FAILED,
      failureReason: 'Insufficient funds: the fee is 5000.00 NGN, the wallet has 10.00 NGN available',
    });
    expect(h.ledger.events).toMatchObject([
      { type: PaymentEvents.appointmentPaymentFailed.type, payload: { reason: 'INSUFFICIENT_FUNDS' } },
    ]);
  });

  it('free appointments record nothing', async () => {
    await h.hold.execute(heldEvent('appt-1', { fee: { amountMinor: 0, currency: 'NGN' } }), 'corr-1');
    expect(h.store.docs.size).toBe(0);
  });

  it('the hold had lapsed by the time it arrived: failed (EXPIRED) without touching the ledger', async () => {
    await h.wallets.fund('patient-1', FEE);
    h.clock.advance(15 * 60_000);
    await h.hold.execute(heldEvent('appt-1'), 'corr-1');
    expect(h.ledger.entries).toEqual([]);
    expect(h.store.only().status).toBe(PaymentRecordStatus.FAILED);
    expect(h.store.events).toMatchObject([
      { type: PaymentEvents.appointmentPaymentFailed.type, correlationId: 'corr-1', payload: { reason: 'EXPIRED' } },
    ]);
  });

  it('the booking was already settled (lapsed or cancelled first): nothing is held', async () => {
    await h.wallets.fund('patient-1', FEE);
    await h.settlements.decide('appt-1', 'VOID', 'appointment.hold-expired');
    await h.hold.execute(heldEvent('appt-1'), 'corr-1');
    expect(h.ledger.entries).toEqual([]);
    expect(h.store.only().status).toBe(PaymentRecordStatus.PENDING);
  });

  it('card: opens one checkout (a top-up for the fee) and records its url, holding nothing yet', async () => {
    await h.hold.execute(heldEvent('appt-1', { paymentMethod: 'CARD' }), 'corr-1');
    await h.hold.execute(heldEvent('appt-1', { paymentMethod: 'CARD' }), 'corr-1');
    expect(h.topUps.started).toHaveLength(1);
    expect(h.topUps.started[0]).toMatchObject({ amountMinor: FEE, appointmentId: 'appt-1' });
    expect(h.store.only()).toMatchObject({
      method: PaymentMethod.CARD,
      status: PaymentRecordStatus.PENDING,
      checkoutUrl: expect.stringContaining('https://checkout.test/'),
      providerReference: 'TOPUP_appt-1',
    });
    expect(h.ledger.entries).toEqual([]);
  });

  it('card refused by the provider: failed (DECLINED) with its message, so the seat is freed now', async () => {
    h.topUps.refuse = DomainError.invalid('email', 'is required by Paystack');
    await h.hold.execute(heldEvent('appt-1', { paymentMethod: 'CARD' }), 'corr-1');
    expect(h.store.only()).toMatchObject({ status: PaymentRecordStatus.FAILED });
    expect(h.store.only().failureReason).toMatch(/^The card checkout could not be opened: /);
    expect(h.store.events).toMatchObject([{ payload: { reason: 'DECLINED' } }]);
  });

  it('card provider unavailable: thrown, so the event is retried; nothing failed', async () => {
    h.topUps.refuse = DomainError.unavailable('provider down', 'UPSTREAM_UNAVAILABLE');
    await expect(h.hold.execute(heldEvent('appt-1', { paymentMethod: 'CARD' }), 'corr-1')).rejects.toThrow(
      'provider down',
    );
    expect(h.store.only().status).toBe(PaymentRecordStatus.PENDING);
    expect(h.store.events).toEqual([]);
  });
});
