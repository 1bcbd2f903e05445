import { Schema } from 'mongoose';

export const DAY_CLAIM_MODEL = 'DayClaim';

/**
 * One of a doctor's appointments on one local day, `_id` = `${doctorId}:${localDate}#${n}` for
 * n in [0, cap): the per-day cap is enforced the way seats are, by unique inserts.
 */
export interface DayClaimDoc {
  _id: string;
  doctorId: string;
  localDate: string;
  appointmentId: string;
  claimedAt: Date;
}

export const DayClaimSchema = new Schema<DayClaimDoc>(
  {
    _id: { type: String, required: true },
    doctorId: { type: String, required: true },
    localDate: { type: String, required: true },
    appointmentId: { type: String, required: true },
    claimedAt: { type: Date, required: true },
  },
  { collection: 'day_claims', versionKey: false },
);
DayClaimSchema.index({ doctorId: 1, localDate: 1 });
