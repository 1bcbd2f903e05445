import { EntryStatus, EntryType } from '@telehealth/contracts';
import { checkChain, type ChainEntry } from './chain-check';
import { applyMovement, successStatusOf } from './movement';

const W = 'w1';

/** Builds a correct chain from movements, as the ledger would. */
function chain(moves: [EntryType, number, string?, string?][]): ChainEntry[] {
  let state = { balanceMinor: 0, heldMinor: 0 };
  return moves.map(([type, amountMinor, reference, related], i) => {
    const status = successStatusOf(type);
    const next = applyMovement(state, type, status, amountMinor);
    if (typeof next === 'string') throw new Error(`bad fixture at ${i}`);
    state = next;
    return {
      seq: i + 1,
      chainKey: `${W}:${i + 1}`,
      walletId: W,
      type,
      status,
      amountMinor,
      currency: 'NGN',
      reference: reference ?? `R${i}`,
      balanceAfterMinor: state.balanceMinor,
      heldAfterMinor: state.heldMinor,
      relatedReference: related ?? null,
      appointmentId: type === EntryType.CREDIT ? null : 'a1',
    };
  });
}

const good = () =>
  chain([
    [EntryType.CREDIT, 1000],
    [EntryType.HOLD, 400, 'HOLD_a1'],
    [EntryType.CAPTURE, 400, 'CAPTURE_a1', 'HOLD_a1'],
    [EntryType.REFUND, 200, 'REFUND_a1'],
    [EntryType.DEBIT, 300],
  ]);

describe('checkChain', () => {
  it('finds nothing wrong with a ledger the rules produced', () => {
    expect(checkChain(W, 'NGN', good())).toEqual([]);
  });

  it('reports an edited balance once, at the entry that was edited', () => {
    const entries = good();
    entries[1].balanceAfterMinor += 1;
    const problems = checkChain(W, 'NGN', entries);
    expect(problems.map((p) => p.seq)).toEqual([2, 3]);
    expect(problems[0].problem).toContain('replay gives 1000/400');
  });

  it('reports a gap in the chain and a foreign currency', () => {
    const entries = good();
    entries.splice(1, 1);
    entries[0].currency = 'USD';
    const problems = checkChain(W, 'NGN', entries).map((p) => p.problem);
    expect(problems).toEqual(expect.arrayContaining([expect.stringContaining('expected seq 2, found 3')]));
    expect(problems).toEqual(expect.arrayContaining([expect.stringContaining('currency USD')]));
  });

  it('reports a hold settled twice and a refund larger than the payment', () => {
    const entries = chain([
      [EntryType.CREDIT, 1000],
      [EntryType.HOLD, 400, 'HOLD_a1'],
      [EntryType.CAPTURE, 200, 'CAPTURE_a1', 'HOLD_a1'],
      [EntryType.RELEASE, 200, 'RELEASE_a1', 'HOLD_a1'],
      [EntryType.REFUND, 300, 'REFUND_a1'],
    ]);
    const problems = checkChain(W, 'NGN', entries).map((p) => p.problem);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('CAPTURE of 200 for a hold of 400'),
        expect.stringContaining('already settled by CAPTURE_a1'),
        expect.stringContaining('refunds of 300 exceed the 200 paid'),
      ]),
    );
  });

  it('reports a debit that could not have been afforded, even when its stored balance is "consistent"', () => {
    const entries = chain([[EntryType.CREDIT, 100]]);
    entries.push({
      ...entries[0],
      seq: 2,
      chainKey: `${W}:2`,
      type: EntryType.DEBIT,
      amountMinor: 150,
      reference: 'X',
      balanceAfterMinor: -50,
      heldAfterMinor: 0,
    });
    const problems = checkChain(W, 'NGN', entries).map((p) => p.problem);
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringContaining('not affordable'), expect.stringContaining('negative')]),
    );
  });

  it('treats FAILED entries as moving nothing', () => {
    const entries = chain([[EntryType.CREDIT, 100]]);
    entries.push({
      ...entries[0],
      seq: 2,
      chainKey: `${W}:2`,
      type: EntryType.HOLD,
      status: EntryStatus.FAILED,
      amountMinor: 500,
      reference: 'F',
    });
    expect(checkChain(W, 'NGN', entries)).toEqual([]);
  });
});
