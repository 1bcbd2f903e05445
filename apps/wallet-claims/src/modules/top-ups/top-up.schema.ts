import { Schema } from 'mongoose';
import { PaymentProviderName, TopUpStatus } from '@telehealth/contracts';
import { addOutbox, type OutboxFields } from '@telehealth/messaging/eventing';

export const TOP_UP_MODEL = 'TopUp';
export const WEBHOOK_RECEIPT_MODEL = 'WebhookReceipt';

/**
 * Money a user is bringing in through a payment provider. `_id` is derived from the user's
 * Idempotency-Key (or the appointment, for a card payment), so a retry finds this top-up; the
 * credit itself is the ledger entry with this `reference`, which can exist only once.
 */
export interface TopUpDoc extends OutboxFields {
  _id: string;
  walletId: string;
  userId: string;
  provider: PaymentProviderName;
  amountMinor: number;
  currency: string;
  status: TopUpStatus;
  reference: string;
  checkoutUrl: string | null;
  providerReference: string | null;
  failureReason: string | null;
  entryId: string | null;
  /** Set when the money pays for an appointment (method CARD): the fee is held once credited. */
  appointmentId: string | null;
  createdAt: Date;
  completedAt: Date | null;
}

export const TopUpSchema = new Schema<TopUpDoc>(
  {
    _id: { type: String, required: true },
    walletId: { type: String, required: true },
    userId: { type: String, required: true },
    provider: { type: String, enum: Object.values(PaymentProviderName), required: true },
    amountMinor: { type: Number, required: true },
    currency: { type: String, required: true },
    status: { type: String, enum: Object.values(TopUpStatus), required: true },
    reference: { type: String, required: true },
    checkoutUrl: { type: String, default: null },
    providerReference: { type: String, default: null },
    failureReason: { type: String, default: null },
    entryId: { type: String, default: null },
    appointmentId: { type: String, default: null },
    createdAt: { type: Date, required: true },
    completedAt: { type: Date, default: null },
  },
  { collection: 'top_ups', versionKey: false },
);
TopUpSchema.index({ reference: 1 }, { unique: true });
TopUpSchema.index({ userId: 1, createdAt: -1 });
TopUpSchema.index({ createdAt: 1, status: 1 });
addOutbox(TopUpSchema);

/** A provider notification seen, `_id` = `${provider}:${eventId}`: replays are acknowledged and ignored. */
export interface WebhookReceiptDoc {
  _id: string;
  provider: string;
  kind: string;
  reference: string | null;
  receivedAt: Date;
}

export const WebhookReceiptSchema = new Schema<WebhookReceiptDoc>(
  {
    _id: { type: String, required: true },
    provider: { type: String, required: true },
    kind: { type: String, required: true },
    reference: { type: String, default: null },
    receivedAt: { type: Date, required: true },
  },
  { collection: 'webhook_receipts', versionKey: false },
);
