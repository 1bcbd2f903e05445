import { defineEvent } from '../common/contract';
import type { Money } from '../scheduling/scheduling.types';
import type { EntryStatus, EntryType, PaymentProviderName } from './wallet.types';

export interface WalletOpenedV1 {
  walletId: string;
  userId: string;
  currency: string;
}

/** Every ledger movement event carries the entry and the wallet's state right after it. */
export interface WalletMovementV1 {
  walletId: string;
  userId: string;
  entryId: string;
  seq: number;
  type: EntryType;
  status: EntryStatus;
  amount: Money;
  reference: string;
  title: string;
  balanceAfter: Money;
  heldAfter: Money;
  appointmentId: string | null;
  paymentId: string | null;
}

export interface TopUpFailedV1 {
  topUpId: string;
  walletId: string;
  userId: string;
  provider: PaymentProviderName;
  amount: Money;
  reference: string;
  reason: string;
}

export const WalletEvents = {
  walletOpened: defineEvent<WalletOpenedV1>(
    'wallet-claims',
    'wallet.opened',
    1,
    'A wallet was opened for a user (on registration, or on first use).',
  ),
  walletCredited: defineEvent<WalletMovementV1>(
    'wallet-claims',
    'wallet.credited',
    1,
    'Money came into a wallet: a top-up, an adjustment or a refund (see `type`).',
  ),
  walletDebited: defineEvent<WalletMovementV1>(
    'wallet-claims',
    'wallet.debited',
    1,
    'Money left a wallet at once (an adjustment).',
  ),
  fundsHeld: defineEvent<WalletMovementV1>(
    'wallet-claims',
    'wallet.funds-held',
    1,
    'Money was reserved for a payment; it is captured or released later.',
  ),
  fundsCaptured: defineEvent<WalletMovementV1>('wallet-claims', 'wallet.funds-captured', 1, 'A hold became a payment.'),
  fundsReleased: defineEvent<WalletMovementV1>(
    'wallet-claims',
    'wallet.funds-released',
    1,
    'A hold was given back (booking lapsed, declined or cancelled before capture).',
  ),
  topUpFailed: defineEvent<TopUpFailedV1>(
    'wallet-claims',
    'top-up.failed',
    1,
    'The payment provider reported a top-up as failed; nothing was credited.',
  ),
} as const;
