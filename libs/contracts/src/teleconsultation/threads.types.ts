import type { Page, PageQuery } from '../common/pagination';

/**
 * Secure messaging (issue 11 §5, seeds 003 `messages` and 002 `conversations`): one thread per
 * care relationship, between a patient and a doctor or a provider organisation.
 */

/** The two sides of a thread: the patient, and who cares for them (the doctor, or the organisation's staff). */
export enum ThreadSide {
  PATIENT = 'PATIENT',
  CARE = 'CARE',
}

/** Who wrote a message. */
export enum ThreadSenderRole {
  PATIENT = 'PATIENT',
  DOCTOR = 'DOCTOR',
  STAFF = 'STAFF',
}

export interface ThreadView {
  id: string;
  /** The patient (identity user id). */
  patientId: string;
  /** The doctor (public profile id), for a thread with a doctor; else null. */
  doctorId: string | null;
  /** The provider organisation, for a thread with an organisation; else null. */
  organisationId: string | null;
  /** The caller's side of the thread (null for an admin reading with a stated reason). */
  side: ThreadSide | null;
  /** How many messages were posted (the newest message's `seq`). */
  messageCount: number;
  /** Messages the caller's side has not read yet (0 for an admin). */
  unread: number;
  lastMessageAt: string | null;
  createdAt: string;
}

export interface MessageView {
  id: string;
  threadId: string;
  /** Position in the thread: 1, 2, 3, ... without gaps. */
  seq: number;
  senderId: string;
  senderRole: ThreadSenderRole;
  text: string | null;
  /** File ids (the files library, issue 11 §1). */
  attachmentIds: string[];
  createdAt: string;
}

/**
 * Open (or find) the thread of a care relationship. A patient names a doctor or an
 * organisation; a doctor names a patient; organisation staff name a patient and their organisation.
 */
export interface OpenThreadRequest {
  doctorId?: string;
  organisationId?: string;
  patientId?: string;
}

export type ThreadQuery = PageQuery;

/** The caller's threads, with their unread messages in total. */
export interface ThreadPage extends Page<ThreadView> {
  unreadTotal: number;
}

export interface ThreadRef {
  id: string;
  /** An admin's stated reason for reading another's thread (X-Access-Reason). */
  accessReason?: string;
}

export interface MessageQuery extends PageQuery, ThreadRef {}

export interface PostMessageRequest {
  id: string;
  text?: string;
  attachmentIds?: string[];
}

export interface MarkReadRequest {
  id: string;
  /** Read up to this message (default: the newest). Read state never moves backwards. */
  upToSeq?: number;
}
