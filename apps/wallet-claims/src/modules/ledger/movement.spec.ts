import { EntryStatus, EntryType } from '@telehealth/contracts';
import { applyMovement, balanceDelta, successStatusOf } from './movement';

const S = EntryStatus.SUCCESS;

describe('applyMovement', () => {
  const s = { balanceMinor: 1000, heldMinor: 300 };

  it('credits and refunds raise the balance, not the held amount', () => {
    expect(applyMovement(s, EntryType.CREDIT, S, 50)).toEqual({ balanceMinor: 1050, heldMinor: 300 });
    expect(applyMovement(s, EntryType.REFUND, S, 50)).toEqual({ balanceMinor: 1050, heldMinor: 300 });
  });

  it('a debit or hold may use only what is not held', () => {
    expect(applyMovement(s, EntryType.DEBIT, S, 700)).toEqual({ balanceMinor: 300, heldMinor: 300 });
    expect(applyMovement(s, EntryType.DEBIT, S, 701)).toBe('INSUFFICIENT_FUNDS');
    expect(applyMovement(s, EntryType.HOLD, EntryStatus.PENDING, 700)).toEqual({ balanceMinor: 1000, heldMinor: 1000 });
    expect(applyMovement(s, EntryType.HOLD, EntryStatus.PENDING, 701)).toBe('INSUFFICIENT_FUNDS');
  });

  it('capture takes held money out of the wallet; release only un-reserves it', () => {
    expect(applyMovement(s, EntryType.CAPTURE, S, 300)).toEqual({ balanceMinor: 700, heldMinor: 0 });
    expect(applyMovement(s, EntryType.RELEASE, S, 300)).toEqual({ balanceMinor: 1000, heldMinor: 0 });
    expect(applyMovement(s, EntryType.CAPTURE, S, 301)).toBe('NOTHING_HELD');
    expect(applyMovement(s, EntryType.RELEASE, S, 301)).toBe('NOTHING_HELD');
  });

  it('failed entries move nothing, even ones that could not have been applied', () => {
    expect(applyMovement(s, EntryType.DEBIT, EntryStatus.FAILED, 5000)).toBe(s);
  });

  it('never yields a negative balance or held amount from any sequence', () => {
    const types = Object.values(EntryType);
    let state = { balanceMinor: 0, heldMinor: 0 };
    let seed = 7;
    for (let i = 0; i < 5000; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const type = types[seed % types.length];
      const next = applyMovement(state, type, successStatusOf(type), (seed >> 8) % 500);
      if (typeof next === 'string') continue;
      state = next;
      expect(state.heldMinor).toBeGreaterThanOrEqual(0);
      expect(state.balanceMinor - state.heldMinor).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('balanceDelta', () => {
  it('signs money in and out; holds and releases do not change the balance', () => {
    expect(balanceDelta(EntryType.CREDIT, S, 10)).toBe(10);
    expect(balanceDelta(EntryType.CAPTURE, S, 10)).toBe(-10);
    expect(balanceDelta(EntryType.HOLD, EntryStatus.PENDING, 10)).toBe(0);
    expect(balanceDelta(EntryType.DEBIT, EntryStatus.FAILED, 10)).toBe(0);
  });
});
