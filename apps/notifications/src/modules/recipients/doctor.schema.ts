import { Schema } from 'mongoose';

export const DOCTOR_MODEL = 'DoctorDirectoryEntry';

/**
 * What this service knows of a doctor profile (scheduling's), from its events: the account to
 * notify and the organisation whose settings apply.
 */
export interface DoctorDoc {
  _id: string; // doctor profile id
  userId: string | null;
  organisationId: string | null;
  firstName: string | null;
  lastName: string | null;
  occurredAt: Date;
}
export const DoctorSchema = new Schema<DoctorDoc>(
  {
    _id: { type: String, required: true },
    userId: { type: String, default: null },
    organisationId: { type: String, default: null },
    firstName: { type: String, default: null },
    lastName: { type: String, default: null },
    occurredAt: { type: Date, required: true },
  },
  { collection: 'doctors', versionKey: false },
);
