import { Schema } from 'mongoose';
import { addOutbox, type OutboxFields } from '@telehealth/messaging/eventing';

export const SPECIALTY_MODEL = 'Specialty';

/** Seed 003 specialties: what patients search doctors by. `code` is the stable public key. */
export interface SpecialtyDoc extends OutboxFields {
  _id: string;
  code: string;
  name: string;
  description: string | null;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export const SpecialtySchema = new Schema<SpecialtyDoc>(
  {
    _id: { type: String, required: true },
    code: { type: String, required: true },
    name: { type: String, required: true },
    description: { type: String, default: null },
    active: { type: Boolean, default: true },
  },
  { collection: 'specialties', timestamps: true, versionKey: false },
);
SpecialtySchema.index({ code: 1 }, { unique: true });
SpecialtySchema.index({ active: 1, name: 1 });
/** Its changes are announced with the change (outbox). */
addOutbox(SpecialtySchema);
