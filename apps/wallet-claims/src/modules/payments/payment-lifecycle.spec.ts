import { PaymentRecordStatus as S } from '@telehealth/contracts';
import { PAYMENT_LIFECYCLE, PaymentEvent, nextPaymentStatus, transitionsOn } from './payment-lifecycle';

const ORDER: S[] = [S.PENDING, S.COMPLETED, S.FAILED, S.VOIDED, S.REFUNDED];
/** How far along a record is: a status may only be followed by one at least as far. */
const rank: Record<S, number> = { [S.PENDING]: 0, [S.COMPLETED]: 1, [S.FAILED]: 2, [S.VOIDED]: 2, [S.REFUNDED]: 2 };

describe('the payment record lifecycle', () => {
  it('PENDING -> COMPLETED | FAILED | VOIDED, COMPLETED -> REFUNDED: the status changes it allows', () => {
    const moves = PAYMENT_LIFECYCLE.filter((t) => t.from !== t.to).map((t) => `${t.from} -${t.event}-> ${t.to}`);
    expect(moves.sort()).toEqual(
      [
        'PENDING -complete-> COMPLETED',
        'PENDING -fail-> FAILED',
        'PENDING -void-> VOIDED',
        'PENDING -refund-> REFUNDED',
        'COMPLETED -refund-> REFUNDED',
      ].sort(),
    );
  });

  it('records only move forward: nothing leads back, and ends stay ends', () => {
    for (const t of PAYMENT_LIFECYCLE) expect(rank[t.to]).toBeGreaterThanOrEqual(rank[t.from]);
    for (const end of [S.FAILED, S.VOIDED, S.REFUNDED])
      for (const t of PAYMENT_LIFECYCLE.filter((r) => r.from === end)) expect(t.to).toBe(end);
  });

  it('a late or replayed event never undoes an outcome', () => {
    expect(nextPaymentStatus(S.REFUNDED, PaymentEvent.COMPLETE)).toBeNull();
    expect(nextPaymentStatus(S.REFUNDED, PaymentEvent.VOID)).toBeNull();
    expect(nextPaymentStatus(S.COMPLETED, PaymentEvent.VOID)).toBeNull();
    expect(nextPaymentStatus(S.COMPLETED, PaymentEvent.FAIL)).toBeNull();
    expect(nextPaymentStatus(S.VOIDED, PaymentEvent.COMPLETE)).toBeNull();
    expect(nextPaymentStatus(S.FAILED, PaymentEvent.HELD)).toBeNull();
    expect(nextPaymentStatus(S.COMPLETED, PaymentEvent.CHECKOUT_OPENED)).toBeNull();
  });

  it('a redelivered event records the same outcome again', () => {
    expect(nextPaymentStatus(S.COMPLETED, PaymentEvent.COMPLETE)).toBe(S.COMPLETED);
    expect(nextPaymentStatus(S.FAILED, PaymentEvent.FAIL)).toBe(S.FAILED);
    expect(nextPaymentStatus(S.VOIDED, PaymentEvent.VOID)).toBe(S.VOIDED);
    expect(nextPaymentStatus(S.REFUNDED, PaymentEvent.REFUND)).toBe(S.REFUNDED);
  });

  it('a hold landing after the booking was voided is still recorded, without reviving the record', () => {
    expect(nextPaymentStatus(S.PENDING, PaymentEvent.HELD)).toBe(S.PENDING);
    expect(nextPaymentStatus(S.VOIDED, PaymentEvent.HELD)).toBe(S.VOIDED);
  });

  it('one row per (from, event), every event reachable, tried from PENDING first', () => {
    const keys = PAYMENT_LIFECYCLE.map((t) => `${t.from}:${t.event}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const event of Object.values(PaymentEvent)) {
      const rows = transitionsOn(event);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows[0].from).toBe(S.PENDING);
      expect(rows.map((r) => ORDER.indexOf(r.from))).toEqual([...rows.map((r) => ORDER.indexOf(r.from))].sort());
    }
  });
});
