import { Schema } from 'mongoose';
import { addOutbox, type OutboxFields } from '@telehealth/messaging/eventing';

export const WALLET_MODEL = 'Wallet';

/** Where a wallet's chain ends (seq 0: empty); see WalletDoc.head. */
export interface HeadHint {
  seq: number;
  balanceMinor: number;
  heldMinor: number;
}

/**
 * A user's wallet in one currency. It holds no balance: the balance is the newest ledger entry's
 * `balanceAfter` (see ledger-entry.schema). Its id is derived from (userId, currency), and it is
 * opened by unique insert: concurrent openings make one wallet and one event.
 */
export interface WalletDoc extends OutboxFields {
  _id: string;
  userId: string;
  currency: string;
  hasActiveCard: boolean;
  createdAt: Date;
  /**
   * The empty chain it was opened with: the first posting to a new wallet starts from it
   * instead of searching the entries. It is not kept up to date (one more write per posting cost
   * more than it saved: postings over 1,000 wallets 41/s without it, 16/s with it). Never trusted
   * for money: an old head computes a seq that already exists, the insert fails on the chain
   * key, and the posting starts again from the chain itself.
   */
  head?: HeadHint | null;
}

export const WalletSchema = new Schema<WalletDoc>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    currency: { type: String, required: true },
    hasActiveCard: { type: Boolean, default: false },
    createdAt: { type: Date, required: true },
    head: { type: { seq: Number, balanceMinor: Number, heldMinor: Number, _id: false }, default: null },
  },
  { collection: 'wallets', versionKey: false },
);
WalletSchema.index({ userId: 1, currency: 1 }, { unique: true });
WalletSchema.index({ createdAt: -1, _id: 1 });
addOutbox(WalletSchema);
