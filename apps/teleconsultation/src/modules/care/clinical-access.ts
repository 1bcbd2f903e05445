import { Injectable } from '@nestjs/common';
import { ClinicalReader, ClinicalResourceKind, Role, type Caller } from '@telehealth/contracts';
import { DomainError } from '@telehealth/messaging';
import { AccessLog } from '../access-log/access-log';
import { CareRelationships } from './care-relationships';

/** What is read, about whom, and (for an admin) why. */
export interface ClinicalRead {
  /** The account holder the data belongs to (a dependent's data belongs to their holder too). */
  patientId: string;
  dependentId?: string | null;
  kind: ClinicalResourceKind;
  id: string;
  /** The doctor profile that wrote it (a note, a prescription): its author may always read it. */
  authorDoctorId?: string | null;
  /** An admin's stated reason (X-Access-Reason). */
  reason?: string | null;
}

const LABELS: Record<ClinicalResourceKind, string> = {
  [ClinicalResourceKind.MEDICAL_RECORD]: 'Medical record',
  [ClinicalResourceKind.NOTE]: 'Note',
  [ClinicalResourceKind.PRESCRIPTION]: 'Prescription',
  [ClinicalResourceKind.FILE]: 'File',
  [ClinicalResourceKind.THREAD]: 'Thread',
};

/** Shortest reason accepted: "x" says nothing an auditor can check. */
export const MIN_REASON_LENGTH = 10;

/**
 * The one check for reading a patient's clinical data. The patient (and so a dependent's
 * guardian); the treating doctor (the author, or a current care relationship); an admin who
 * states a reason ("break glass"). Anyone else gets a 404, as for a record that does not exist.
 * Every read by someone other than the patient is logged before it is answered.
 */
@Injectable()
export class ClinicalAccess {
  constructor(
    private readonly relationships: CareRelationships,
    private readonly log: AccessLog,
  ) {}

  /** The caller's capacity, or a 404 (never a hint the data exists); logs the read. */
  async read(caller: Caller, what: ClinicalRead): Promise<ClinicalReader> {
    const reader = await this.mayRead(caller, what);
    if (!reader) throw DomainError.notFound(LABELS[what.kind]);
    if (reader !== ClinicalReader.PATIENT)
      await this.log.record({
        patientId: what.patientId,
        dependentId: what.dependentId,
        kind: what.kind,
        resourceId: what.id,
        readerId: caller.userId,
        readerRole: reader,
        reason: reader === ClinicalReader.ADMIN ? what.reason : null,
      });
    return reader;
  }

  /** The caller's capacity, or null; neither logs nor throws, except for an admin without a reason. */
  async mayRead(caller: Caller, what: ClinicalRead): Promise<ClinicalReader | null> {
    if (caller.userId === what.patientId) return ClinicalReader.PATIENT;
    const doctor = caller.doctorProfileId;
    if (doctor && what.authorDoctorId === doctor) return ClinicalReader.DOCTOR;
    if (doctor && (await this.relationships.doctorMayAccess(doctor, what.patientId))) return ClinicalReader.DOCTOR;
    if (caller.roles.includes(Role.ADMIN)) {
      requireReason(what.reason);
      return ClinicalReader.ADMIN;
    }
    return null;
  }
}

/** Break glass: an admin reads clinical data only with a reason the patient will see. */
export function requireReason(reason: string | null | undefined): void {
  if (!reason || reason.trim().length < MIN_REASON_LENGTH)
    throw DomainError.invalid(
      'X-Access-Reason',
      `an admin must state why (at least ${MIN_REASON_LENGTH} characters) in this header; the patient sees it`,
      'REASON_REQUIRED',
    );
}
