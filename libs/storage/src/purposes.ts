import { FilePurpose } from '@telehealth/contracts';
import { mb, type StorageSettings } from './storage.config';

export const MIME = {
  PDF: 'application/pdf',
  JPEG: 'image/jpeg',
  PNG: 'image/png',
  WEBP: 'image/webp',
  DICOM: 'application/dicom',
  GLB: 'model/gltf-binary',
  STL: 'model/stl',
  THREE_MF: 'model/3mf',
} as const;

/**
 * The types each purpose accepts: both the declared type and the type sniffed from the bytes at
 * confirm must be one of them (and the same). 3D models: the formats `file-type` recognises.
 */
export const PURPOSE_TYPES: Record<FilePurpose, readonly string[]> = {
  [FilePurpose.MEDICAL_DOCUMENT]: [MIME.PDF, MIME.JPEG, MIME.PNG],
  [FilePurpose.PRESCRIPTION]: [MIME.PDF, MIME.JPEG, MIME.PNG],
  [FilePurpose.MESSAGE_ATTACHMENT]: [MIME.PDF, MIME.JPEG, MIME.PNG, MIME.WEBP],
  [FilePurpose.SCAN]: [MIME.JPEG, MIME.PNG, MIME.DICOM, MIME.GLB, MIME.STL, MIME.THREE_MF],
  [FilePurpose.AVATAR]: [MIME.JPEG, MIME.PNG, MIME.WEBP],
};

/** Purposes whose files are clinical: reading one is a clinical read (access checked and audited). */
export const CLINICAL_PURPOSES: readonly FilePurpose[] = [
  FilePurpose.MEDICAL_DOCUMENT,
  FilePurpose.PRESCRIPTION,
  FilePurpose.MESSAGE_ATTACHMENT,
  FilePurpose.SCAN,
];

export interface PurposeRule {
  types: readonly string[];
  maxBytes: number;
}

type Limits = Pick<
  StorageSettings,
  | 'FILE_MAX_MB_MEDICAL_DOCUMENT'
  | 'FILE_MAX_MB_PRESCRIPTION'
  | 'FILE_MAX_MB_MESSAGE_ATTACHMENT'
  | 'FILE_MAX_MB_SCAN'
  | 'FILE_MAX_MB_AVATAR'
>;

/** Each purpose's types and size limit (from the FILE_MAX_MB_* settings). */
export function purposeRules(limits: Limits): Record<FilePurpose, PurposeRule> {
  const max: Record<FilePurpose, number> = {
    [FilePurpose.MEDICAL_DOCUMENT]: limits.FILE_MAX_MB_MEDICAL_DOCUMENT,
    [FilePurpose.PRESCRIPTION]: limits.FILE_MAX_MB_PRESCRIPTION,
    [FilePurpose.MESSAGE_ATTACHMENT]: limits.FILE_MAX_MB_MESSAGE_ATTACHMENT,
    [FilePurpose.SCAN]: limits.FILE_MAX_MB_SCAN,
    [FilePurpose.AVATAR]: limits.FILE_MAX_MB_AVATAR,
  };
  return Object.fromEntries(
    Object.values(FilePurpose).map((p) => [p, { types: PURPOSE_TYPES[p], maxBytes: mb(max[p]) }]),
  ) as Record<FilePurpose, PurposeRule>;
}

/**
 * Where a file's bytes live, with nothing about its owner or its name in it (keys show up in
 * logs and bucket listings): `<prefix>/<purpose>/<yyyy>/<mm>/<fileId>/<sha256>` once confirmed,
 * under a key of the content so a later re-upload to the upload URL can never replace it, and
 * `<prefix>/uploads/<fileId>` while the client uploads (deleted once confirmed or refused).
 */
export const objectKeys = {
  upload: (prefix: string, fileId: string): string => `${prefix}/uploads/${fileId}`,
  stored: (prefix: string, purpose: FilePurpose, createdAt: Date, fileId: string, sha256: string): string =>
    [
      prefix,
      purpose.toLowerCase().replace(/_/g, '-'),
      String(createdAt.getUTCFullYear()),
      String(createdAt.getUTCMonth() + 1).padStart(2, '0'),
      fileId,
      sha256,
    ].join('/'),
};
