import { Schema } from 'mongoose';
import { PrescriptionKind, PrescriptionStatus, type DoctorSnapshot } from '@telehealth/contracts';
import { addOutbox, type OutboxFields } from '@telehealth/messaging/eventing';

export const PRESCRIPTION_MODEL = 'Prescription';
export const PRESCRIPTION_CODE_MODEL = 'PrescriptionCode';

/**
 * A prescription as stored (seed 003 `prescriptions`, seed 001 `doctor_prescriptions`). Every
 * medical field is sealed with MedicalCipher: `contentEnc` (medications, diagnosis, notes, the
 * patient details the doctor stated), `patientEnc` (the patient snapshot frozen at signing) and
 * the cancellation reason. `version` counts changes: each is a conditional update from the version
 * it was decided on, carrying its events (the outbox).
 */
export interface PrescriptionDoc extends OutboxFields {
  _id: string;
  number: string;
  kind: PrescriptionKind;
  appointmentId: string;
  /** The account holder (also for a dependent's appointment). */
  patientId: string;
  dependentId: string | null;
  /** The author: the appointment's doctor (profile id). */
  doctorId: string;
  status: PrescriptionStatus;
  contentEnc: string;
  fileId: string | null;
  patientEnc: string | null;
  doctor: DoctorSnapshot | null;
  verificationCode: string | null;
  signedAt: Date | null;
  cancelledAt: Date | null;
  cancellationReasonEnc: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A verification code given at signing: its `_id` is the code, so no two prescriptions share one. */
export interface PrescriptionCodeDoc {
  _id: string;
  prescriptionId: string;
  at: Date;
}

const DoctorSnapshotSchema = new Schema<DoctorSnapshot>(
  {
    doctorId: { type: String, required: true },
    name: { type: String, required: true },
    registrationNumber: { type: String, default: null },
    qualifications: { type: [String], default: [] },
    clinic: {
      type: new Schema(
        { id: { type: String, required: true }, name: { type: String, required: true }, address: String },
        { _id: false },
      ),
      default: null,
    },
  },
  { _id: false },
);

export const PrescriptionSchema = new Schema<PrescriptionDoc>(
  {
    _id: { type: String, required: true },
    number: { type: String, required: true },
    kind: { type: String, enum: Object.values(PrescriptionKind), required: true },
    appointmentId: { type: String, required: true },
    patientId: { type: String, required: true },
    dependentId: { type: String, default: null },
    doctorId: { type: String, required: true },
    status: { type: String, enum: Object.values(PrescriptionStatus), required: true },
    contentEnc: { type: String, required: true },
    fileId: { type: String, default: null },
    patientEnc: { type: String, default: null },
    doctor: { type: DoctorSnapshotSchema, default: null },
    verificationCode: { type: String, default: null },
    signedAt: { type: Date, default: null },
    cancelledAt: { type: Date, default: null },
    cancellationReasonEnc: { type: String, default: null },
    version: { type: Number, required: true },
  },
  { collection: 'prescriptions', timestamps: true, versionKey: false, minimize: false },
);
PrescriptionSchema.index({ number: 1 }, { unique: true });
PrescriptionSchema.index({ patientId: 1, createdAt: -1 });
PrescriptionSchema.index({ doctorId: 1, createdAt: -1 });
PrescriptionSchema.index({ appointmentId: 1 });
addOutbox(PrescriptionSchema);

export const PrescriptionCodeSchema = new Schema<PrescriptionCodeDoc>(
  {
    _id: { type: String, required: true },
    prescriptionId: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'prescription_codes', versionKey: false },
);
