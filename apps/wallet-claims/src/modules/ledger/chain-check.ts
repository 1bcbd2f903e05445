import { EntryStatus, EntryType, type ReconciliationMismatch } from '@telehealth/contracts';
import { EMPTY_STATE, applyMovement, successStatusOf, type WalletState } from './movement';
import type { LedgerEntryDoc } from './ledger-entry.schema';

export type ChainEntry = Pick<
  LedgerEntryDoc,
  | 'seq'
  | 'chainKey'
  | 'walletId'
  | 'type'
  | 'status'
  | 'amountMinor'
  | 'currency'
  | 'reference'
  | 'balanceAfterMinor'
  | 'heldAfterMinor'
  | 'relatedReference'
  | 'appointmentId'
>;

/**
 * Replays one wallet's entries (in seq order) with the movement rules and reports every place
 * where the stored ledger disagrees with its own replay: a gap or repeat in the chain, a
 * balance or held amount that is not what the movements add up to, a negative amount, a hold
 * settled twice or for a different amount, a refund larger than what was captured.
 */
export function checkChain(
  walletId: string,
  currency: string,
  entries: Iterable<ChainEntry>,
): ReconciliationMismatch[] {
  const problems: ReconciliationMismatch[] = [];
  const report = (seq: number | null, problem: string) => problems.push({ walletId, seq, problem });
  let state: WalletState = EMPTY_STATE;
  let expectedSeq = 1;
  const holds = new Map<string, { amount: number; settledBy: string | null }>();
  const captured = new Map<string, number>();
  const refunded = new Map<string, number>();

  for (const e of entries) {
    if (e.seq !== expectedSeq) report(e.seq, `expected seq ${expectedSeq}, found ${e.seq}`);
    expectedSeq = e.seq + 1;
    if (e.chainKey !== `${walletId}:${e.seq}`) report(e.seq, `chain key ${e.chainKey} does not match`);
    if (e.currency !== currency) report(e.seq, `currency ${e.currency} in a ${currency} wallet`);
    if (!Number.isSafeInteger(e.amountMinor) || e.amountMinor <= 0)
      report(e.seq, `amount ${e.amountMinor} is not positive`);
    if (e.status !== EntryStatus.FAILED && e.status !== successStatusOf(e.type))
      report(e.seq, `${e.type} entry with status ${e.status}`);

    const next = applyMovement(state, e.type, e.status, e.amountMinor);
    if (typeof next === 'string') report(e.seq, `${e.type} of ${e.amountMinor} was not affordable (${next})`);
    else state = next;
    if (e.balanceAfterMinor !== state.balanceMinor || e.heldAfterMinor !== state.heldMinor) {
      report(
        e.seq,
        `stored balance ${e.balanceAfterMinor}/held ${e.heldAfterMinor}, replay gives ${state.balanceMinor}/${state.heldMinor}`,
      );
      // Carry on from what is stored, so one bad entry is reported once, not on every later one.
      state = { balanceMinor: e.balanceAfterMinor, heldMinor: e.heldAfterMinor };
    }
    if (e.balanceAfterMinor < 0 || e.heldAfterMinor < 0 || e.balanceAfterMinor < e.heldAfterMinor)
      report(e.seq, `negative: balance ${e.balanceAfterMinor}, held ${e.heldAfterMinor}`);

    if (e.status === EntryStatus.FAILED) continue;
    if (e.type === EntryType.HOLD) holds.set(e.reference, { amount: e.amountMinor, settledBy: null });
    if (e.type === EntryType.CAPTURE || e.type === EntryType.RELEASE) {
      const hold = e.relatedReference ? holds.get(e.relatedReference) : undefined;
      if (!hold) report(e.seq, `${e.type} settles no hold of this wallet (${e.relatedReference ?? 'none'})`);
      else if (hold.settledBy) report(e.seq, `hold ${e.relatedReference} already settled by ${hold.settledBy}`);
      else if (hold.amount !== e.amountMinor)
        report(e.seq, `${e.type} of ${e.amountMinor} for a hold of ${hold.amount}`);
      if (hold) hold.settledBy = e.reference;
      if (e.type === EntryType.CAPTURE && e.appointmentId)
        captured.set(e.appointmentId, (captured.get(e.appointmentId) ?? 0) + e.amountMinor);
    }
    if (e.type === EntryType.REFUND && e.appointmentId) {
      const total = (refunded.get(e.appointmentId) ?? 0) + e.amountMinor;
      refunded.set(e.appointmentId, total);
      if (total > (captured.get(e.appointmentId) ?? 0))
        report(e.seq, `refunds of ${total} exceed the ${captured.get(e.appointmentId) ?? 0} paid`);
    }
  }
  return problems;
}
