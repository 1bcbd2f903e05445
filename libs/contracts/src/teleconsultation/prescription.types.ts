import type { PageQuery } from '../common/pagination';
import type { Gender } from '../identity/identity.types';

/** DRAFT (the doctor edits it) -> SIGNED (issued: immutable, verifiable) -> CANCELLED (kept, marked so). */
export enum PrescriptionStatus {
  DRAFT = 'DRAFT',
  SIGNED = 'SIGNED',
  CANCELLED = 'CANCELLED',
}

/** Written in the platform (seed 003) or an uploaded file (seed 001 `doctor_prescriptions`). */
export enum PrescriptionKind {
  STRUCTURED = 'STRUCTURED',
  UPLOADED = 'UPLOADED',
}

/** What a verification code says about its prescription (never who it is for or what it prescribes). */
export enum PrescriptionValidity {
  VALID = 'VALID',
  CANCELLED = 'CANCELLED',
  UNKNOWN = 'UNKNOWN',
}

/** One medication line (seed 003 `medications`). */
export interface Medication {
  name: string;
  /** e.g. "500 mg". */
  strength: string;
  /** e.g. "tablet", "syrup". */
  form: string;
  /** e.g. "1 tablet". */
  dose: string;
  /** e.g. "oral". */
  route: string;
  /** e.g. "every 6 hours". */
  frequency: string;
  /** e.g. "5 days". */
  duration: string;
  quantity: number;
  refills: number;
  instructions: string | null;
}

/** What the doctor states about the patient on the draft (weight; allergies when the record has none). */
export interface PatientDetailsInput {
  weightKg?: number | null;
  allergies?: string[];
}

/** The patient as they were when the prescription was signed: later changes never alter it. */
export interface PatientSnapshot {
  /** The account holder. */
  patientId: string;
  /** The dependent the prescription is for, or null. */
  dependentId: string | null;
  name: string;
  dateOfBirth: string | null;
  /** Whole years at signing. */
  age: number | null;
  sex: Gender | null;
  weightKg: number | null;
  allergies: string[];
}

/** The doctor as they were when the prescription was signed. */
export interface DoctorSnapshot {
  doctorId: string;
  name: string;
  registrationNumber: string | null;
  qualifications: string[];
  clinic: { id: string; name: string; address: string | null } | null;
}

export interface PrescriptionView {
  id: string;
  /** e.g. RX-20261202-4F7K2Q. */
  number: string;
  kind: PrescriptionKind;
  appointmentId: string;
  patientId: string;
  dependentId: string | null;
  doctorId: string;
  status: PrescriptionStatus;
  medications: Medication[];
  diagnosis: string | null;
  notes: string | null;
  /** UPLOADED: the file holding the prescription. */
  fileId: string | null;
  /** As stated on the draft; frozen into `patient` at signing. */
  patientDetails: { weightKg: number | null; allergies: string[] };
  patient: PatientSnapshot | null;
  doctor: DoctorSnapshot | null;
  /** Set at signing: what a pharmacist types at GET /v1/prescriptions/verify/{code}. */
  verificationCode: string | null;
  signedAt: string | null;
  cancelledAt: string | null;
  cancellationReason: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CreatePrescriptionRequest {
  appointmentId: string;
  kind?: PrescriptionKind;
  medications?: Medication[];
  diagnosis?: string | null;
  notes?: string | null;
  patientDetails?: PatientDetailsInput;
  /** UPLOADED: the confirmed file holding the prescription. */
  fileId?: string;
}

export interface UpdatePrescriptionRequest {
  id: string;
  medications?: Medication[];
  diagnosis?: string | null;
  notes?: string | null;
  patientDetails?: PatientDetailsInput;
}

export interface CancelPrescriptionRequest {
  id: string;
  reason: string;
}

export interface PrescriptionQuery extends PageQuery {
  appointmentId?: string;
  status?: PrescriptionStatus;
}

/** The printable render, base64 over NATS; the gateway answers it as application/pdf. */
export interface PrescriptionPdfView {
  fileName: string;
  contentType: 'application/pdf';
  base64: string;
}

/** Public: whether a code names a prescription, and who issued it. No patient data, no medications. */
export interface PrescriptionVerificationView {
  code: string;
  status: PrescriptionValidity;
  issuedAt: string | null;
  doctorName: string | null;
  registrationNumber: string | null;
}
