import { Schema } from 'mongoose';
import { ConsentType } from '@telehealth/contracts';
import { addOutbox, type OutboxFields } from '@telehealth/messaging/eventing';

export const CONSENT_MODEL = 'Consent';

/** Seed 002 patient_consents: append-only; the latest record per type is in force. */
export interface ConsentDoc extends OutboxFields {
  _id: string;
  userId: string;
  type: ConsentType;
  documentVersion: string;
  granted: boolean;
  ip: string | null;
  userAgent: string | null;
  recordedAt: Date;
}

export const ConsentSchema = new Schema<ConsentDoc>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    type: { type: String, enum: Object.values(ConsentType), required: true },
    documentVersion: { type: String, required: true },
    granted: { type: Boolean, required: true },
    ip: { type: String, default: null },
    userAgent: { type: String, default: null },
    recordedAt: { type: Date, required: true },
  },
  { collection: 'consents', versionKey: false },
);
ConsentSchema.index({ userId: 1, recordedAt: -1 });
addOutbox(ConsentSchema);
