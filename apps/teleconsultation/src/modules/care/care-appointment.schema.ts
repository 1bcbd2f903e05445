import { AppointmentStatus, ConsultationMode } from '@telehealth/contracts';
import { Schema } from 'mongoose';

export const CARE_APPOINTMENT_MODEL = 'CareAppointment';

/**
 * Every appointment as scheduling last announced it, whatever its mode: who treats whom and
 * when. Clinical access (notes, prescriptions, records, threads) is decided from these.
 */
export interface CareAppointmentDoc {
  /** The appointment id (scheduling's). */
  _id: string;
  /** The account holder who booked; also for a dependent's appointment. */
  patientId: string;
  dependentId: string | null;
  /** The doctor profile id (scheduling's). */
  doctorId: string;
  organisationId: string | null;
  clinicId: string | null;
  mode: ConsultationMode;
  start: Date;
  end: Date;
  status: AppointmentStatus;
  /** When scheduling made the change held here: an older event never overwrites it. */
  asOf: Date;
}

export const CareAppointmentSchema = new Schema<CareAppointmentDoc>(
  {
    _id: { type: String, required: true },
    patientId: { type: String, required: true },
    dependentId: { type: String, default: null },
    doctorId: { type: String, required: true },
    organisationId: { type: String, default: null },
    clinicId: { type: String, default: null },
    mode: { type: String, enum: Object.values(ConsultationMode), required: true },
    start: { type: Date, required: true },
    end: { type: Date, required: true },
    status: { type: String, enum: Object.values(AppointmentStatus), required: true },
    asOf: { type: Date, required: true },
  },
  { collection: 'care_appointments', versionKey: false },
);
// "Does this doctor treat this patient?", asked on every clinical read by a doctor.
CareAppointmentSchema.index({ doctorId: 1, patientId: 1, end: -1 });
CareAppointmentSchema.index({ patientId: 1, start: -1 });
