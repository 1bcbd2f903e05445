import { AppointmentStatus as S } from '@telehealth/contracts';
import { Action, holdsSeat, nextStatus } from './lifecycle';

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
});
