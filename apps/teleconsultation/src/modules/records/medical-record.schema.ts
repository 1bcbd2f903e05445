import { EntrySource } from '@telehealth/contracts';
import { Schema } from 'mongoose';

export const MEDICAL_RECORD_MODEL = 'MedicalRecord';

/** The sections of a record; each entry belongs to one. */
export enum Section {
  CONDITIONS = 'conditions',
  ALLERGIES = 'allergies',
  MEDICATIONS = 'medications',
  SURGERIES = 'surgeries',
  FAMILY_HISTORY = 'familyHistory',
  VITALS = 'vitals',
}
/** The sections a patient writes as their history (PUT); vitals are only ever added. */
export const HISTORY_SECTIONS = [
  Section.CONDITIONS,
  Section.ALLERGIES,
  Section.MEDICATIONS,
  Section.SURGERIES,
  Section.FAMILY_HISTORY,
] as const;

export interface EntryDoc {
  _id: string;
  section: Section;
  source: EntrySource;
  addedBy: string;
  doctorId: string | null;
  appointmentId: string | null;
  addedAt: Date;
  /** The entry's clinical fields, one encrypted JSON field (MedicalCipher). */
  data: string;
}

/**
 * One patient's (or dependent's) medical record. Who added what and when stays readable; every
 * clinical value is encrypted. Changed only by conditional single-document updates on version.
 */
export interface MedicalRecordDoc {
  _id: string;
  patientId: string;
  dependentId: string | null;
  /** Encrypted. */
  bloodGroup: string | null;
  /** Encrypted. */
  genotype: string | null;
  entries: EntryDoc[];
  version: number;
  retainUntil: Date;
  createdAt: Date;
  updatedAt: Date;
}

const EntrySchema = new Schema<EntryDoc>(
  {
    _id: { type: String, required: true },
    section: { type: String, enum: Object.values(Section), required: true },
    source: { type: String, enum: Object.values(EntrySource), required: true },
    addedBy: { type: String, required: true },
    doctorId: { type: String, default: null },
    appointmentId: { type: String, default: null },
    addedAt: { type: Date, required: true },
    data: { type: String, required: true },
  },
  { _id: false },
);

export const MedicalRecordSchema = new Schema<MedicalRecordDoc>(
  {
    _id: { type: String, required: true },
    patientId: { type: String, required: true },
    dependentId: { type: String, default: null },
    bloodGroup: { type: String, default: null },
    genotype: { type: String, default: null },
    entries: { type: [EntrySchema], default: [] },
    version: { type: Number, required: true },
    retainUntil: { type: Date, required: true },
  },
  { collection: 'medical_records', versionKey: false, timestamps: true },
);
MedicalRecordSchema.index({ patientId: 1 });
