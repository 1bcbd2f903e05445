import { Schema } from 'mongoose';

export const SEAT_CLAIM_MODEL = 'SeatClaim';

/**
 * One seat of one slot, held by one appointment. `_id` is `${slotId}#${seat}` for seat in
 * [0, capacity): inserting it is how a seat is taken, and the unique `_id` is what makes a
 * slot of N seats impossible to book N+1 times under any concurrency (a unique-index insert
 * stays atomic on every MongoDB-wire database; a conditional counter update does not).
 * Releasing a seat deletes its claim; the appointment keeps its history.
 */
export interface SeatClaimDoc {
  _id: string;
  slotId: string;
  doctorId: string;
  seat: number;
  appointmentId: string;
  /** Start of the slot, for per-day counts and clean-up. */
  start: Date;
  claimedAt: Date;
}

export const SeatClaimSchema = new Schema<SeatClaimDoc>(
  {
    _id: { type: String, required: true },
    slotId: { type: String, required: true },
    doctorId: { type: String, required: true },
    seat: { type: Number, required: true },
    appointmentId: { type: String, required: true },
    start: { type: Date, required: true },
    claimedAt: { type: Date, required: true },
  },
  { collection: 'seat_claims', versionKey: false },
);
SeatClaimSchema.index({ slotId: 1 });
SeatClaimSchema.index({ doctorId: 1, start: 1 });
SeatClaimSchema.index({ appointmentId: 1 });
