import { Schema } from 'mongoose';
import { addOutbox, type OutboxFields } from '@telehealth/messaging/eventing';

export const WALLET_MODEL = 'Wallet';

/**
 * A user's wallet in one currency. It holds no balance: the balance is the newest ledger entry's
 * `balanceAfter` (see ledger-entry.schema), so there is no second copy that could disagree.
 * Opened by unique insert on (userId, currency): concurrent openings make one wallet and one event.
 */
export interface WalletDoc extends OutboxFields {
  _id: string;
  userId: string;
  currency: string;
  hasActiveCard: boolean;
  createdAt: Date;
}

export const WalletSchema = new Schema<WalletDoc>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    currency: { type: String, required: true },
    hasActiveCard: { type: Boolean, default: false },
    createdAt: { type: Date, required: true },
  },
  { collection: 'wallets', versionKey: false },
);
WalletSchema.index({ userId: 1, currency: 1 }, { unique: true });
WalletSchema.index({ createdAt: -1, _id: 1 });
addOutbox(WalletSchema);
