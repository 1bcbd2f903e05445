import { Schema } from 'mongoose';

export const BOOKING_KEY_MODEL = 'BookingKey';

/**
 * An Idempotency-Key being used for a booking, `_id` = `${patientId}:${key}`. Inserted before
 * the seat is taken, so of concurrent retries exactly one books; the others wait for its
 * appointment. Deleted when that attempt fails, so a later retry may try again.
 */
export interface BookingKeyDoc {
  _id: string;
  appointmentId: string;
  claimedAt: Date;
}

export const BookingKeySchema = new Schema<BookingKeyDoc>(
  {
    _id: { type: String, required: true },
    appointmentId: { type: String, required: true },
    claimedAt: { type: Date, required: true },
  },
  { collection: 'booking_keys', versionKey: false },
);
