import { defineRpc } from '../common/contract';
import type { FileDownload, FilePurpose, FileView, UploadTicket } from '../common/files';
import type { AccessReason } from './clinical.types';

/** A client asks to upload a file: what it is and for what; the bytes go to the URL answered. */
export interface RequestFileUpload {
  /** The file name shown to people (1-255 characters, no path). */
  name: string;
  /** The declared MIME type: must be one the purpose accepts, and what the bytes turn out to be. */
  contentType: string;
  /** Exact size in bytes (the upload URL accepts exactly this many). */
  size: number;
  purpose: FilePurpose;
  /** The patient the file is about: the caller when absent; another patient only for their treating doctor. */
  patientId?: string;
}

export type FileById = { id: string };

/**
 * Files in teleconsultation (medical documents, prescriptions, message attachments, scans,
 * avatars) on object storage: two-step upload through a presigned URL, download through a
 * short-lived presigned URL after the clinical access check (audited).
 */
export const FilesRpc = {
  requestUpload: defineRpc<RequestFileUpload, UploadTicket>(
    'teleconsultation',
    'files.upload.request',
    1,
    'Registers a file (PENDING_UPLOAD) and answers a presigned PUT URL bound to its declared type and size.',
  ),
  confirm: defineRpc<FileById, FileView>(
    'teleconsultation',
    'files.upload.confirm',
    1,
    'The uploader says the bytes are there: size and real type checked (refused and deleted on a mismatch), SHA-256 recorded; idempotent.',
  ),
  get: defineRpc<FileById & AccessReason, FileDownload>(
    'teleconsultation',
    'files.get',
    1,
    'The file and a short-lived download URL, for the uploader, the patient, their treating doctor or an admin with a reason (audited); 404 to anyone else.',
  ),
  remove: defineRpc<FileById, { deleted: true }>(
    'teleconsultation',
    'files.delete',
    1,
    'Soft delete by the uploader (hidden from then on, bytes kept for retention); a file in use stays (409).',
  ),
} as const;
