import { Schema } from 'mongoose';

export const DOCTOR_MODEL = 'Doctor';

/** What teleconsultation knows of a doctor, from scheduling's doctor.profile-changed events. */
export interface DoctorDoc {
  /** The doctor profile id (scheduling's). */
  _id: string;
  userId: string | null;
  firstName: string;
  lastName: string;
  specialtyCode: string | null;
  availableOnline: boolean;
  active: boolean;
  /** When scheduling made the change held here: an older event never overwrites it. */
  asOf: Date;
}

export const DoctorSchema = new Schema<DoctorDoc>(
  {
    _id: { type: String, required: true },
    userId: { type: String, default: null },
    firstName: { type: String, required: true },
    lastName: { type: String, required: true },
    specialtyCode: { type: String, default: null },
    availableOnline: { type: Boolean, default: false },
    active: { type: Boolean, default: true },
    asOf: { type: Date, required: true },
  },
  { collection: 'doctors', versionKey: false },
);
