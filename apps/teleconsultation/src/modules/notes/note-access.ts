import { Injectable } from '@nestjs/common';
import { ClinicalResourceKind, NoteStatus, type Caller } from '@telehealth/contracts';
import { DomainError } from '@telehealth/messaging';
import { ClinicalAccess } from '../care/clinical-access';
import type { NoteDoc } from './note.schema';

const readOf = (n: NoteDoc, reason?: string | null) => ({
  patientId: n.patientId,
  dependentId: n.dependentId,
  kind: ClinicalResourceKind.NOTE,
  id: n._id,
  authorDoctorId: n.doctorId,
  reason,
});

/**
 * Who may do what with a note. A draft is its author's alone (invisible to anyone else); a
 * signed note is read like any clinical data (ClinicalAccess: the patient, treating doctors,
 * admins with a reason, audited). Only the author changes a note.
 */
@Injectable()
export class NoteAccess {
  constructor(private readonly access: ClinicalAccess) {}

  isAuthor(caller: Caller, n: NoteDoc): boolean {
    return !!caller.doctorProfileId && caller.doctorProfileId === n.doctorId;
  }

  /** Reads the note (logged), or 404 as for a note that does not exist. */
  async read(caller: Caller, n: NoteDoc | null, reason?: string): Promise<NoteDoc> {
    if (!n || (n.status === NoteStatus.DRAFT && !this.isAuthor(caller, n))) throw DomainError.notFound('Note');
    await this.access.read(caller, readOf(n, reason));
    return n;
  }

  /** Whether the caller may see the note in a list (no log: `read` logs what is answered). */
  async visible(caller: Caller, n: NoteDoc, reason?: string): Promise<boolean> {
    if (n.status === NoteStatus.DRAFT) return this.isAuthor(caller, n);
    return (await this.access.mayRead(caller, readOf(n, reason))) !== null;
  }

  /** The note for a change by its author; 403 to its patient (who knows it exists), 404 to anyone else. */
  requireAuthor(caller: Caller, n: NoteDoc | null, what: string): NoteDoc {
    if (n && this.isAuthor(caller, n)) return n;
    if (n && n.status === NoteStatus.SIGNED && caller.userId === n.patientId)
      throw DomainError.forbidden(`Only the doctor who wrote a note may ${what} it`);
    throw DomainError.notFound('Note');
  }
}

export const noteSigned = (): DomainError =>
  DomainError.conflict('The note is signed: correct it with an addendum', 'NOTE_SIGNED');

export const staleNote = (id: string): DomainError =>
  DomainError.conflict(`Note ${id} changed since you read it; reload and retry`, 'CONCURRENT_CHANGE');
