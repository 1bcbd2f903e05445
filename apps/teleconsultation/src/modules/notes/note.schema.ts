import { NoteStatus } from '@telehealth/contracts';
import { addOutbox, type OutboxFields } from '@telehealth/messaging/eventing';
import { Schema } from 'mongoose';

export const NOTE_MODEL = 'ConsultationNote';

export interface AddendumDoc {
  _id: string;
  authorId: string;
  /** Encrypted (MedicalCipher). */
  text: string;
  /** Encrypted (MedicalCipher). */
  reason: string;
  at: Date;
}

/**
 * A doctor's SOAP note on one appointment (one note per appointment). Its content is one
 * encrypted field (MedicalCipher: subjective, objective, assessment, plan, diagnoses, follow-up);
 * ids, dates and status stay readable so it can be found and audited without decrypting.
 */
export interface NoteDoc extends OutboxFields {
  _id: string;
  appointmentId: string;
  patientId: string;
  dependentId: string | null;
  doctorId: string;
  authorId: string;
  status: NoteStatus;
  content: string;
  addenda: AddendumDoc[];
  version: number;
  signedAt: Date | null;
  /** Never removed before: CLINICAL_RETENTION_YEARS after it was written. */
  retainUntil: Date;
  createdAt: Date;
  updatedAt: Date;
}

const AddendumSchema = new Schema<AddendumDoc>(
  {
    _id: { type: String, required: true },
    authorId: { type: String, required: true },
    text: { type: String, required: true },
    reason: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { _id: false },
);

export const NoteSchema = new Schema<NoteDoc>(
  {
    _id: { type: String, required: true },
    appointmentId: { type: String, required: true },
    patientId: { type: String, required: true },
    dependentId: { type: String, default: null },
    doctorId: { type: String, required: true },
    authorId: { type: String, required: true },
    status: { type: String, enum: Object.values(NoteStatus), required: true },
    content: { type: String, required: true },
    addenda: { type: [AddendumSchema], default: [] },
    version: { type: Number, required: true },
    signedAt: { type: Date, default: null },
    retainUntil: { type: Date, required: true },
  },
  { collection: 'consultation_notes', versionKey: false, timestamps: true },
);
// One note per appointment: two concurrent "start the note" give one.
NoteSchema.index({ appointmentId: 1 }, { unique: true });
NoteSchema.index({ patientId: 1, createdAt: -1 });
addOutbox(NoteSchema);
