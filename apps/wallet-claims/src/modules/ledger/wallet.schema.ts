import { Schema } from 'mongoose';
import { addOutbox, type OutboxFields } from '@telehealth/messaging/eventing';

export const WALLET_MODEL = 'Wallet';

/** Where a wallet's chain ended when it was last posted to: a hint, see WalletDoc.head. */
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
   * The newest entry's state, written after each posting so a posting to a wallet this process
   * has not cached starts from it instead of searching the chain. Never trusted for money: a
   * stale hint computes a seq that already exists, the insert fails on the chain key, and the
   * posting starts again from the chain itself.
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
