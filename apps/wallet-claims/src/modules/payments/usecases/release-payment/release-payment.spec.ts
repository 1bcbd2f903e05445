import { PaymentRecordStatus } from '@telehealth/contracts';
import { FEE, held, heldEvent, paymentsHarness, type PaymentsHarness } from '../testing/fakes';

describe('ReleasePayment (the booking lapsed or was declined)', () => {
  let h: PaymentsHarness;
  beforeEach(() => {
    h = paymentsHarness();
  });

  it('gives the held fee back once and voids the payment', async () => {
    await held(h, 'appt-1');
    await h.release.execute('appt-1', 'appointment.declined', 'corr-2');
    await h.release.execute('appt-1', 'appointment.declined', 'corr-2');
    expect(h.ledger.references()).toEqual(['HOLD_appt-1', 'RELEASE_appt-1']);
    expect(h.wallets.of('patient-1')).toEqual({ balanceMinor: FEE * 2, heldMinor: 0 });
    expect(h.store.only().status).toBe(PaymentRecordStatus.VOIDED);
    expect(h.settlements.docs.get('appt-1')).toMatchObject({ outcome: 'VOID', cause: 'appointment.declined' });
  });

  it('after a capture was decided: releases nothing', async () => {
    await held(h, 'appt-1');
    await h.capture.execute('appt-1', 'corr-2');
    await h.release.execute('appt-1', 'appointment.hold-expired', 'corr-3');
    expect(h.ledger.references()).toEqual(['HOLD_appt-1', 'CAPTURE_appt-1']);
    expect(h.store.only().status).toBe(PaymentRecordStatus.COMPLETED);
  });

  it('the hold lands after the booking lapsed: whoever comes second gives the money back', async () => {
    await h.wallets.fund('patient-1', FEE);
    await h.hold.execute(heldEvent('appt-1', { paymentMethod: 'CARD' }), 'corr-1');
    await h.release.execute('appt-1', 'appointment.hold-expired', 'corr-2'); // nothing held yet
    expect(h.store.only().status).toBe(PaymentRecordStatus.VOIDED);
    // The card's money arrives, and its handler read the settlement just before the booking lapsed.
    const find = h.settlements.find.bind(h.settlements);
    let stale = true;
    h.settlements.find = async (id) => (stale ? ((stale = false), null) : find(id));
    await h.checkoutOutcome.execute({ appointmentId: 'appt-1', paid: true, correlationId: 'evt-1' });
    expect(h.ledger.references()).toEqual(['HOLD_appt-1', 'RELEASE_appt-1']);
    expect(h.wallets.of('patient-1')).toEqual({ balanceMinor: FEE, heldMinor: 0 });
    // The hold is recorded on the voided payment, which stays VOIDED.
    expect(h.store.only()).toMatchObject({ status: PaymentRecordStatus.VOIDED, reference: 'HOLD_appt-1' });
  });

  it('no payment: the settlement is still decided, so a late hold is given back', async () => {
    await h.release.execute('appt-1', 'appointment.hold-expired', 'corr-2');
    expect(h.settlements.docs.get('appt-1')?.outcome).toBe('VOID');
    expect(h.ledger.entries).toEqual([]);
  });
});
