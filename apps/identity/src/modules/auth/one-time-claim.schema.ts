import { Schema } from 'mongoose';

export const CLAIM_MODEL = 'OneTimeClaim';

/** A used one-time secret: its key (`password-reset:<hash>`) inserted once. */
export interface ClaimDoc {
  _id: string;
  claimedAt: Date;
}

export const ClaimSchema = new Schema<ClaimDoc>(
  { _id: { type: String, required: true }, claimedAt: { type: Date, required: true } },
  { collection: 'one_time_claims', versionKey: false },
);
