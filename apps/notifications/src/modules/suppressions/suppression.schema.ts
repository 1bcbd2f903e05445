import { Schema } from 'mongoose';

export const SUPPRESSION_MODEL = 'Suppression';

/** Users nobody may contact any more (account deleted): checked again right before sending. */
export interface SuppressionDoc {
  _id: string; // userId
  reason: string;
  at: Date;
}
export const SuppressionSchema = new Schema<SuppressionDoc>(
  {
    _id: { type: String, required: true },
    reason: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'suppressions', versionKey: false },
);
