import { Schema } from 'mongoose';
import { EntryStatus, EntryType } from '@telehealth/contracts';
import { addOutbox, type OutboxFields } from '@telehealth/messaging/eventing';

export const LEDGER_ENTRY_MODEL = 'LedgerEntry';

/**
 * One immutable movement of a wallet (seed 000 `transactions`, widened to holds). Entries form
 * a chain per wallet: `seq` counts from 1 and `chainKey` = `${walletId}:${seq}` is unique, so
 * two postings computed from the same predecessor can never both land (the loser recomputes
 * from the winner). That unique insert is what keeps a wallet from going negative under any
 * concurrency, on MongoDB and on any engine with unique indexes. `reference` is unique platform-wide, so a
 * movement with a business reference (HOLD_<appointment>, a provider's top-up) happens once.
 */
export interface LedgerEntryDoc extends OutboxFields {
  _id: string;
  walletId: string;
  userId: string;
  seq: number;
  chainKey: string;
  type: EntryType;
  status: EntryStatus;
  amountMinor: number;
  currency: string;
  reference: string;
  title: string;
  subtitle: string;
  balanceAfterMinor: number;
  heldAfterMinor: number;
  appointmentId: string | null;
  paymentId: string | null;
  topUpId: string | null;
  relatedReference: string | null;
  createdAt: Date;
}

export const LedgerEntrySchema = new Schema<LedgerEntryDoc>(
  {
    _id: { type: String, required: true },
    walletId: { type: String, required: true },
    userId: { type: String, required: true },
    seq: { type: Number, required: true },
    chainKey: { type: String, required: true },
    type: { type: String, enum: Object.values(EntryType), required: true },
    status: { type: String, enum: Object.values(EntryStatus), required: true },
    amountMinor: { type: Number, required: true },
    currency: { type: String, required: true },
    reference: { type: String, required: true },
    title: { type: String, required: true },
    subtitle: { type: String, required: true },
    balanceAfterMinor: { type: Number, required: true },
    heldAfterMinor: { type: Number, required: true },
    appointmentId: { type: String, default: null },
    paymentId: { type: String, default: null },
    topUpId: { type: String, default: null },
    relatedReference: { type: String, default: null },
    createdAt: { type: Date, required: true },
  },
  { collection: 'ledger_entries', versionKey: false },
);
LedgerEntrySchema.index({ chainKey: 1 }, { unique: true });
LedgerEntrySchema.index({ reference: 1 }, { unique: true });
LedgerEntrySchema.index({ walletId: 1, seq: -1 });
LedgerEntrySchema.index({ walletId: 1, createdAt: -1 });
LedgerEntrySchema.index({ createdAt: 1, type: 1 });
LedgerEntrySchema.index({ appointmentId: 1 });
addOutbox(LedgerEntrySchema);
