import { PaymentRecordStatus } from '@telehealth/contracts';
import { PaymentEvent } from '../../payment-lifecycle';
import { FEE, held, paymentsHarness, type PaymentsHarness } from '../testing/fakes';

describe('CapturePayment (the appointment was confirmed)', () => {
  let h: PaymentsHarness;
  beforeEach(() => {
    h = paymentsHarness();
  });

  it('captures the held fee once and completes the payment', async () => {
    await held(h, 'appt-1');
    await h.capture.execute('appt-1', 'corr-2');
    await h.capture.execute('appt-1', 'corr-2');
    expect(h.ledger.references()).toEqual(['HOLD_appt-1', 'CAPTURE_appt-1']);
    expect(h.wallets.of('patient-1')).toEqual({ balanceMinor: FEE, heldMinor: 0 });
    expect(h.store.only().status).toBe(PaymentRecordStatus.COMPLETED);
    expect(h.settlements.docs.get('appt-1')).toMatchObject({ outcome: 'CAPTURE', cause: 'appointment.confirmed' });
  });

  it('confirmed after the hold was voided: captures nothing', async () => {
    await held(h, 'appt-1');
    await h.settlements.decide('appt-1', 'VOID', 'appointment.hold-expired');
    await h.capture.execute('appt-1', 'corr-2');
    expect(h.ledger.references()).toEqual(['HOLD_appt-1']);
    expect(h.store.only().status).toBe(PaymentRecordStatus.PENDING);
  });

  it('no held fee (it failed) or no payment (free): nothing captured, nothing decided', async () => {
    await held(h, 'appt-1', 0);
    await h.capture.execute('appt-1', 'corr-2');
    await h.capture.execute('appt-free', 'corr-2');
    expect(h.ledger.references()).toEqual(['HOLD_appt-1 (failed)']);
    expect(h.settlements.docs.size).toBe(0);
    expect(h.store.log.map((c) => c.event)).toEqual([PaymentEvent.FAIL]);
  });
});
