/**
 * Files on object storage (libs/storage): what any service that keeps files (teleconsultation,
 * aftercare, the marketplace) answers about them. The bytes never travel through the gateway or
 * NATS: clients PUT to a short-lived presigned URL, then confirm; downloads are presigned GETs.
 */

/** What a file is for: decides the types and the size a file may have, and who may read it. */
export enum FilePurpose {
  /** A document for the medical record (a lab result, a letter): PDF, JPEG, PNG. */
  MEDICAL_DOCUMENT = 'MEDICAL_DOCUMENT',
  /** An uploaded prescription (seed 001 `doctor_prescriptions`): PDF, JPEG, PNG. */
  PRESCRIPTION = 'PRESCRIPTION',
  /** A file attached to a secure message: PDF, JPEG, PNG, WEBP. */
  MESSAGE_ATTACHMENT = 'MESSAGE_ATTACHMENT',
  /** Imaging: JPEG, PNG, DICOM, or a 3D model (glTF binary, .glb). */
  SCAN = 'SCAN',
  /** A profile picture: JPEG, PNG, WEBP. */
  AVATAR = 'AVATAR',
}

/**
 * PENDING_UPLOAD: an upload URL was handed out, nothing confirmed yet. READY: confirmed, its
 * real type and size checked and its SHA-256 recorded. REJECTED: the stored bytes did not match
 * (the object was deleted).
 */
export enum FileStatus {
  PENDING_UPLOAD = 'PENDING_UPLOAD',
  READY = 'READY',
  REJECTED = 'REJECTED',
}

/** Something a file is used by (a message, a prescription, a medical-record document). */
export interface FileLink {
  kind: string;
  id: string;
}

export interface FileView {
  id: string;
  purpose: FilePurpose;
  status: FileStatus;
  /** The file name the uploader declared (shown to people; never part of the storage key). */
  name: string;
  /** The type declared at upload; once READY, the type sniffed from the bytes. */
  contentType: string;
  /** Bytes: declared at upload; once READY, the stored size. */
  size: number;
  /** Hex SHA-256 of the stored bytes, once READY. */
  sha256: string | null;
  /** Who uploaded it. */
  ownerId: string;
  /** The patient the file is about (the uploader, unless a doctor uploaded it for a patient). */
  patientId: string;
  links: FileLink[];
  createdAt: string;
  /** Why a confirm refused the bytes (REJECTED only). */
  rejectedReason: string | null;
}

/** Where and how to upload: a presigned PUT the client sends the bytes to, with these headers. */
export interface UploadInstructions {
  method: 'PUT';
  url: string;
  /** Send exactly these (Content-Type and Content-Length are part of the signature). */
  headers: Record<string, string>;
  expiresAt: string;
}

export interface UploadTicket {
  file: FileView;
  upload: UploadInstructions;
}

export interface FileDownload {
  file: FileView;
  download: { url: string; expiresAt: string };
}
