import { Schema } from 'mongoose';
import { FilePurpose, FileStatus, type FileLink } from '@telehealth/contracts';

export const FILE_MODEL = 'StoredFile';

/**
 * A file a service keeps on object storage, in that service's own database (collection `files`).
 * What the uploader declared is kept apart from what confirm found in the stored bytes.
 */
export interface FileRecord {
  /** The file id (a UUID): also in its storage keys, never its name or its owner. */
  _id: string;
  /** Who uploaded it (user id). */
  ownerId: string;
  /** The uploader's doctor profile, when a doctor uploaded it (for a patient). */
  ownerDoctorProfileId: string | null;
  /** The patient the file is about. */
  patientId: string;
  purpose: FilePurpose;
  status: FileStatus;
  /** The declared file name, encrypted when the service gives a cipher (it can say much). */
  declaredName: string;
  declaredType: string;
  declaredSize: number;
  /** Sniffed from the bytes and measured, at confirm. */
  storedType: string | null;
  storedSize: number | null;
  sha256: string | null;
  /** Where the client uploads (deleted once confirmed or refused). */
  uploadKey: string;
  /** Where the confirmed bytes live. */
  key: string | null;
  rejectedReason: string | null;
  /** What uses it (a message, a prescription, a record document): recorded by `attach`. */
  links: FileLink[];
  /** Soft delete by the owner: hidden from everyone, the bytes kept for the retention period. */
  deleted: boolean;
  deletedAt: Date | null;
  createdAt: Date;
  confirmedAt: Date | null;
}

const LinkSchema = new Schema<FileLink>(
  { kind: { type: String, required: true }, id: { type: String, required: true } },
  { _id: false },
);

export const FileRecordSchema = new Schema<FileRecord>(
  {
    _id: { type: String, required: true },
    ownerId: { type: String, required: true },
    ownerDoctorProfileId: { type: String, default: null },
    patientId: { type: String, required: true },
    purpose: { type: String, enum: Object.values(FilePurpose), required: true },
    status: { type: String, enum: Object.values(FileStatus), required: true },
    declaredName: { type: String, required: true },
    declaredType: { type: String, required: true },
    declaredSize: { type: Number, required: true },
    storedType: { type: String, default: null },
    storedSize: { type: Number, default: null },
    sha256: { type: String, default: null },
    uploadKey: { type: String, required: true },
    key: { type: String, default: null },
    rejectedReason: { type: String, default: null },
    links: { type: [LinkSchema], default: [] },
    deleted: { type: Boolean, default: false },
    deletedAt: { type: Date, default: null },
    createdAt: { type: Date, required: true },
    confirmedAt: { type: Date, default: null },
  },
  { collection: 'files', versionKey: false },
);
FileRecordSchema.index({ patientId: 1, createdAt: -1 });
FileRecordSchema.index({ ownerId: 1, createdAt: -1 });
FileRecordSchema.index({ 'links.kind': 1, 'links.id': 1 });
