import { PaymentStatus as P, AppointmentStatus as S } from '@telehealth/contracts';
import { Action, decide, holdsSeat, nextStatus, paymentStatusAfter } from './lifecycle';

describe('appointment lifecycle', () => {
  it.each([
    [S.PENDING_PAYMENT, Action.PAY, S.CONFIRMED],
    [S.PENDING_PAYMENT, Action.EXPIRE, S.EXPIRED],
    [S.PENDING_PAYMENT, Action.FAIL_PAYMENT, S.CANCELLED],
    [S.PENDING_CONFIRMATION, Action.CONFIRM, S.CONFIRMED],
    [S.PENDING_CONFIRMATION, Action.DECLINE, S.DECLINED],
    [S.CONFIRMED, Action.START, S.IN_PROGRESS],
    [S.CONFIRMED, Action.NO_SHOW, S.NO_SHOW],
    [S.CONFIRMED, Action.RESCHEDULE, S.CONFIRMED],
    [S.PENDING_PAYMENT, Action.RESCHEDULE, S.PENDING_PAYMENT],
    [S.IN_PROGRESS, Action.COMPLETE, S.COMPLETED],
  ])('%s --%s--> %s', (from, action, to) => {
    expect(nextStatus(from, action)).toBe(to);
  });

  it.each([
    [S.PENDING_PAYMENT, Action.START],
    [S.PENDING_PAYMENT, Action.CONFIRM],
    [S.CONFIRMED, Action.COMPLETE],
    [S.CONFIRMED, Action.PAY],
    [S.IN_PROGRESS, Action.CANCEL],
    [S.COMPLETED, Action.CANCEL],
    [S.CANCELLED, Action.CONFIRM],
    [S.EXPIRED, Action.PAY],
    [S.DECLINED, Action.RESCHEDULE],
  ])('%s cannot %s', (from, action) => {
    expect(nextStatus(from, action)).toBeNull();
  });

  it('only pending, confirmed and in-progress appointments hold a seat', () => {
    expect(Object.values(S).filter(holdsSeat).sort()).toEqual(
      [S.CONFIRMED, S.IN_PROGRESS, S.PENDING_CONFIRMATION, S.PENDING_PAYMENT].sort(),
    );
  });

  it('paid: the target is chosen by a rule on the appointment (the doctor confirms, or not)', () => {
    expect(nextStatus(S.PENDING_PAYMENT, Action.PAY, { requiresConfirmation: true })).toBe(S.PENDING_CONFIRMATION);
    expect(nextStatus(S.PENDING_PAYMENT, Action.PAY, { requiresConfirmation: false })).toBe(S.CONFIRMED);
    expect(decide({ status: S.PENDING_PAYMENT, requiresConfirmation: true }, Action.PAY)).toEqual({
      action: Action.PAY,
      from: S.PENDING_PAYMENT,
      to: S.PENDING_CONFIRMATION,
    });
    expect(decide({ status: S.CONFIRMED, requiresConfirmation: true }, Action.PAY)).toBeNull();
  });

  it.each([
    [S.PENDING_CONFIRMATION, S.DECLINED, P.PAID, P.VOIDED],
    [S.PENDING_CONFIRMATION, S.CANCELLED, P.PAID, P.VOIDED],
    [S.PENDING_PAYMENT, S.EXPIRED, P.PENDING, P.VOIDED],
    [S.PENDING_PAYMENT, S.CANCELLED, P.FAILED, P.FAILED],
    [S.PENDING_CONFIRMATION, S.DECLINED, P.NOT_REQUIRED, P.NOT_REQUIRED],
    [S.CONFIRMED, S.CANCELLED, P.PAID, P.PAID],
    [S.PENDING_PAYMENT, S.CONFIRMED, P.PAID, P.PAID],
  ])('%s -> %s: payment %s becomes %s', (from, to, before, after) => {
    expect(paymentStatusAfter({ from, to }, before)).toBe(after);
  });
});

describe('recording a refund', () => {
  it('keeps a cancelled appointment cancelled, and is allowed from no other status', () => {
    expect(nextStatus(S.CANCELLED, Action.RECORD_REFUND)).toBe(S.CANCELLED);
    for (const from of Object.values(S).filter((s) => s !== S.CANCELLED))
      expect(nextStatus(from, Action.RECORD_REFUND)).toBeNull();
  });
});

describe('recording a prescription', () => {
  it('keeps the status, from a confirmed, running or ended appointment only', () => {
    const allowed = [S.CONFIRMED, S.IN_PROGRESS, S.COMPLETED, S.CANCELLED, S.NO_SHOW];
    for (const from of allowed) expect(nextStatus(from, Action.RECORD_PRESCRIPTION)).toBe(from);
    for (const from of Object.values(S).filter((s) => !allowed.includes(s)))
      expect(nextStatus(from, Action.RECORD_PRESCRIPTION)).toBeNull();
  });
});
