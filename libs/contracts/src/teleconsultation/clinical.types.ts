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
