import { Schema } from 'mongoose';
import { PaymentMethod, PaymentRecordStatus, type PaymentPurpose } from '@telehealth/contracts';
import { addOutbox, type OutboxFields } from '@telehealth/messaging/eventing';

export const PAYMENT_MODEL = 'Payment';
export const SETTLEMENT_MODEL = 'PaymentSettlement';

/**
 * Seeds 003/004 `payments`: one per paid appointment. Its status is a summary for reading; the
 * money itself is decided by ledger entries with unique references (HOLD_/CAPTURE_/RELEASE_/
 * REFUND_<appointment>) and by the settlement below.
 */
export interface PaymentDoc extends OutboxFields {
  _id: string;
  /** The appointment, or for CONSULTATION_REQUEST the on-demand request, the fee is for. */
  appointmentId: string;
  /** Absent on payments from before 1.4: APPOINTMENT. */
  purpose?: PaymentPurpose;
  patientId: string;
  walletId: string | null;
  amountMinor: number;
  currency: string;
  method: PaymentMethod;
  status: PaymentRecordStatus;
  reference: string | null;
  providerReference: string | null;
  checkoutUrl: string | null;
  topUpId: string | null;
  refundedMinor: number;
  failureReason: string | null;
  holdExpiresAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const PaymentSchema = new Schema<PaymentDoc>(
  {
    _id: { type: String, required: true },
    appointmentId: { type: String, required: true },
    purpose: { type: String, enum: ['APPOINTMENT', 'CONSULTATION_REQUEST'], default: 'APPOINTMENT' },
    patientId: { type: String, required: true },
    walletId: { type: String, default: null },
    amountMinor: { type: Number, required: true },
    currency: { type: String, required: true },
    method: { type: String, enum: Object.values(PaymentMethod), required: true },
    status: { type: String, enum: Object.values(PaymentRecordStatus), required: true },
    reference: { type: String, default: null },
    providerReference: { type: String, default: null },
    checkoutUrl: { type: String, default: null },
    topUpId: { type: String, default: null },
    refundedMinor: { type: Number, default: 0 },
    failureReason: { type: String, default: null },
    holdExpiresAt: { type: Date, default: null },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'payments', versionKey: false },
);
PaymentSchema.index({ appointmentId: 1 }, { unique: true });
PaymentSchema.index({ patientId: 1, createdAt: -1 });
PaymentSchema.index({ createdAt: 1, status: 1 });
addOutbox(PaymentSchema);

/**
 * How a held fee ends, decided once per appointment by unique insert (`_id` = appointment id):
 * CAPTURE (the appointment was confirmed) or VOID (it lapsed, was declined or cancelled first).
 * Whichever event is handled first wins; the other finds it and does nothing with the hold,
 * so a fee is never both captured and released, whatever order events arrive in.
 */
export interface SettlementDoc {
  _id: string;
  outcome: 'CAPTURE' | 'VOID';
  cause: string;
  at: Date;
}

export const SettlementSchema = new Schema<SettlementDoc>(
  {
    _id: { type: String, required: true },
    outcome: { type: String, enum: ['CAPTURE', 'VOID'], required: true },
    cause: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'payment_settlements', versionKey: false },
);
