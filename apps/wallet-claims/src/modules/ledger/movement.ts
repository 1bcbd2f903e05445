import { EntryStatus, EntryType } from '@telehealth/contracts';

/** A wallet's state after some entry: everything in it, and the part reserved by holds. */
export interface WalletState {
  balanceMinor: number;
  heldMinor: number;
}

export const EMPTY_STATE: WalletState = { balanceMinor: 0, heldMinor: 0 };

/** Why a movement cannot be applied to a state. */
export type Refusal = 'INSUFFICIENT_FUNDS' | 'NOTHING_HELD';

/**
 * The one definition of what each entry does to a wallet. The ledger posts with it, the
 * reconciliation replays with it, statements total with it: they cannot disagree.
 * FAILED entries move nothing; a HOLD is PENDING while it reserves money.
 */
export function applyMovement(
  state: WalletState,
  type: EntryType,
  status: EntryStatus,
  amountMinor: number,
): WalletState | Refusal {
  if (status === EntryStatus.FAILED) return state;
  const available = state.balanceMinor - state.heldMinor;
  switch (type) {
    case EntryType.CREDIT:
    case EntryType.REFUND:
      return { ...state, balanceMinor: state.balanceMinor + amountMinor };
    case EntryType.DEBIT:
      if (available < amountMinor) return 'INSUFFICIENT_FUNDS';
      return { ...state, balanceMinor: state.balanceMinor - amountMinor };
    case EntryType.HOLD:
      if (available < amountMinor) return 'INSUFFICIENT_FUNDS';
      return { ...state, heldMinor: state.heldMinor + amountMinor };
    case EntryType.CAPTURE:
      if (state.heldMinor < amountMinor) return 'NOTHING_HELD';
      return { balanceMinor: state.balanceMinor - amountMinor, heldMinor: state.heldMinor - amountMinor };
    case EntryType.RELEASE:
      if (state.heldMinor < amountMinor) return 'NOTHING_HELD';
      return { ...state, heldMinor: state.heldMinor - amountMinor };
  }
}

/** The status an entry of this type has when it moves money. */
export const successStatusOf = (type: EntryType): EntryStatus =>
  type === EntryType.HOLD ? EntryStatus.PENDING : EntryStatus.SUCCESS;

/** Signed effect on the balance (for statements): money in is positive. */
export function balanceDelta(type: EntryType, status: EntryStatus, amountMinor: number): number {
  if (status === EntryStatus.FAILED) return 0;
  switch (type) {
    case EntryType.CREDIT:
    case EntryType.REFUND:
      return amountMinor;
    case EntryType.DEBIT:
    case EntryType.CAPTURE:
      return -amountMinor;
    case EntryType.HOLD:
    case EntryType.RELEASE:
      return 0;
  }
}
