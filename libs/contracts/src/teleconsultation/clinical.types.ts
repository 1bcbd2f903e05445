import type { PageQuery } from '../common/pagination';

/** What clinical data a read touched: each read by someone other than the patient is logged. */
export enum ClinicalResourceKind {
  MEDICAL_RECORD = 'MEDICAL_RECORD',
  NOTE = 'NOTE',
  PRESCRIPTION = 'PRESCRIPTION',
  FILE = 'FILE',
  THREAD = 'THREAD',
}

/** In what capacity someone read a patient's clinical data. */
export enum ClinicalReader {
  PATIENT = 'PATIENT',
  /** The treating doctor: the author, or a doctor with a current care relationship. */
  DOCTOR = 'DOCTOR',
  /** An admin who stated a reason ("break glass"). */
  ADMIN = 'ADMIN',
}

/**
 * An admin's stated reason for reading a patient's clinical data (the `X-Access-Reason` header at
 * the gateway). Required of admins, ignored for the patient and treating doctors.
 */
export interface AccessReason {
  accessReason?: string;
}

/** One read of a patient's clinical data by someone else (`GET /v1/me/access-log`). */
export interface AccessLogEntryView {
  id: string;
  /** The dependent whose data was read, or null for the account holder's own. */
  dependentId: string | null;
  kind: ClinicalResourceKind;
  resourceId: string;
  readerId: string;
  readerRole: ClinicalReader;
  /** The admin's stated reason (break glass); null for treating doctors. */
  reason: string | null;
  breakGlass: boolean;
  at: string;
}

export type AccessLogQuery = PageQuery;

/** A consultation note is written as a draft and signed once; after that only addenda change it. */
export enum NoteStatus {
  DRAFT = 'DRAFT',
  SIGNED = 'SIGNED',
}

/** A diagnosis, with its ICD-10 code where the doctor gives one (e.g. `J06.9`). */
export interface Diagnosis {
  code: string | null;
  description: string;
}

/** What a doctor writes about a consultation: a SOAP note. */
export interface NoteContent {
  /** What the patient reports. */
  subjective: string | null;
  /** What the doctor observed and measured. */
  objective: string | null;
  assessment: string | null;
  plan: string | null;
  diagnoses: Diagnosis[];
  /** Advice for the follow-up, and when (days from the consultation). */
  followUp: string | null;
  followUpInDays: number | null;
}

/** A correction or addition to a signed note: who, when, why. */
export interface NoteAddendumView {
  id: string;
  authorId: string;
  text: string;
  reason: string;
  at: string;
}

export interface ConsultationNoteView extends NoteContent {
  id: string;
  appointmentId: string;
  patientId: string;
  dependentId: string | null;
  /** The doctor profile that wrote it. */
  doctorId: string;
  status: NoteStatus;
  /** Incremented by each change; send it back to edit or sign what you read (409 otherwise). */
  version: number;
  createdAt: string;
  updatedAt: string;
  signedAt: string | null;
  addenda: NoteAddendumView[];
}

export interface CreateNoteRequest extends Partial<NoteContent> {
  appointmentId: string;
}
export interface EditNoteRequest extends Partial<NoteContent> {
  id: string;
  /** The version the edit was made on (optional: without it, the edit applies to the latest). */
  version?: number;
}
export interface SignNoteRequest {
  id: string;
  version?: number;
}
export interface AddAddendumRequest {
  id: string;
  text: string;
  reason: string;
}
export interface NoteQuery extends AccessReason {
  id: string;
}
export interface AppointmentNotesQuery extends AccessReason {
  appointmentId: string;
}

/** Who added an entry to a medical record. */
export enum EntrySource {
  /** The patient (or the guardian of a dependent) wrote it; they may change it. */
  PATIENT = 'PATIENT',
  /** A treating doctor added it from a consultation; it stays as written. */
  DOCTOR = 'DOCTOR',
}

export enum ConditionStatus {
  ACTIVE = 'ACTIVE',
  RESOLVED = 'RESOLVED',
}

export enum AllergySeverity {
  MILD = 'MILD',
  MODERATE = 'MODERATE',
  SEVERE = 'SEVERE',
}

export interface ConditionEntry {
  name: string;
  /** ICD-10 code, e.g. `E11.9`. */
  icd10Code: string | null;
  status: ConditionStatus;
  /** Date (YYYY-MM-DD) it was diagnosed or began. */
  since: string | null;
  notes: string | null;
}
export interface AllergyEntry {
  substance: string;
  reaction: string | null;
  severity: AllergySeverity | null;
}
export interface MedicationEntry {
  name: string;
  dose: string | null;
  frequency: string | null;
  since: string | null;
  until: string | null;
}
export interface SurgeryEntry {
  procedure: string;
  date: string | null;
  notes: string | null;
}
export interface FamilyHistoryEntry {
  /** e.g. mother, brother. */
  relation: string;
  condition: string;
  notes: string | null;
}
/** One set of measurements; every value optional, at least one given. */
export interface VitalsEntry {
  /** When measured (date-time). */
  measuredAt: string;
  systolicMmHg: number | null;
  diastolicMmHg: number | null;
  heartRateBpm: number | null;
  temperatureC: number | null;
  respiratoryRate: number | null;
  spo2Percent: number | null;
  weightKg: number | null;
  heightCm: number | null;
  bloodGlucoseMmolL: number | null;
}

/** Who added an entry, when, and from which appointment (a doctor's). */
export interface EntryMeta {
  id: string;
  source: EntrySource;
  addedBy: string;
  /** The doctor profile that added it (DOCTOR entries). */
  doctorId: string | null;
  appointmentId: string | null;
  addedAt: string;
}

/** The history a patient writes: each section given replaces the patient's own entries in it. */
export interface MedicalHistory {
  bloodGroup?: string | null;
  genotype?: string | null;
  conditions?: ConditionEntry[];
  allergies?: AllergyEntry[];
  medications?: MedicationEntry[];
  surgeries?: SurgeryEntry[];
  familyHistory?: FamilyHistoryEntry[];
}

/** The patient's medical record (seed 004): their own history and what treating doctors added. */
export interface MedicalRecordView {
  patientId: string;
  dependentId: string | null;
  bloodGroup: string | null;
  genotype: string | null;
  conditions: (ConditionEntry & EntryMeta)[];
  allergies: (AllergyEntry & EntryMeta)[];
  medications: (MedicationEntry & EntryMeta)[];
  surgeries: (SurgeryEntry & EntryMeta)[];
  familyHistory: (FamilyHistoryEntry & EntryMeta)[];
  /** Newest first, the latest 50. */
  vitals: (VitalsEntry & EntryMeta)[];
  /** Incremented by each change: send it back with PUT to be sure you replace what you read. */
  version: number;
  updatedAt: string | null;
}

/** Whose record: the caller's own, or one of their dependents'. */
export interface OwnRecordQuery {
  dependentId?: string;
}
export interface UpdateOwnRecordRequest extends MedicalHistory, OwnRecordQuery {
  version?: number;
}
export interface PatientRecordQuery extends AccessReason {
  patientId: string;
  dependentId?: string;
}

/** Entries added to a record: by a treating doctor (from an appointment), or vitals by the patient. */
export interface AddRecordEntriesRequest {
  conditions?: ConditionEntry[];
  allergies?: AllergyEntry[];
  medications?: MedicationEntry[];
  surgeries?: SurgeryEntry[];
  familyHistory?: FamilyHistoryEntry[];
  vitals?: VitalsEntry[];
}
export interface AddOwnEntriesRequest extends OwnRecordQuery {
  vitals: VitalsEntry[];
}
export interface AddPatientEntriesRequest extends AddRecordEntriesRequest {
  patientId: string;
  dependentId?: string;
  /** The appointment with this patient the entries come from (the caller's own). */
  appointmentId: string;
}
