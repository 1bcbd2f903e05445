import { ClinicalReader, ClinicalResourceKind } from '@telehealth/contracts';
import { Schema } from 'mongoose';

export const ACCESS_ENTRY_MODEL = 'AccessEntry';

/** One read of a patient's clinical data by someone other than the patient. Append-only. */
export interface AccessEntryDoc {
  _id: string;
  /** The account holder, who lists these (also for their dependents' data). */
  patientId: string;
  dependentId: string | null;
  kind: ClinicalResourceKind;
  resourceId: string;
  readerId: string;
  readerRole: ClinicalReader;
  /** Encrypted (MedicalCipher): the reason may name a condition. */
  reason: string | null;
  at: Date;
}

export const AccessEntrySchema = new Schema<AccessEntryDoc>(
  {
    _id: { type: String, required: true },
    patientId: { type: String, required: true },
    dependentId: { type: String, default: null },
    kind: { type: String, enum: Object.values(ClinicalResourceKind), required: true },
    resourceId: { type: String, required: true },
    readerId: { type: String, required: true },
    readerRole: { type: String, enum: Object.values(ClinicalReader), required: true },
    reason: { type: String, default: null },
    at: { type: Date, required: true },
  },
  { collection: 'access_log', versionKey: false },
);
AccessEntrySchema.index({ patientId: 1, at: -1 });
