import { Inject, Injectable } from '@nestjs/common';
import { ClinicalReader, ClinicalResourceKind, ErrorCode, type Caller, type FilePurpose } from '@telehealth/contracts';
import { DomainError } from '@telehealth/messaging';
import { CLINICAL_PURPOSES, type FileAccessPolicy, type FileRecord } from '@telehealth/storage';
import { AccessLog } from '../access-log/access-log';
import { CareRelationships } from '../care/care-relationships';
import { ClinicalAccess } from '../care/clinical-access';

/**
 * A module whose items use files (a message thread, ...) and can vouch for readers ClinicalAccess
 * does not know: a participant of a thread a file is attached to. The FILE_LINK_READERS hook:
 * provide an array of these (FilesModule provides none); the read is logged like any other.
 */
export interface FileLinkReader {
  /** The link kind it answers for (as recorded by FileRegistry.attach). */
  kind: string;
  /** In what capacity `caller` may read the item `linkId` (and so the files attached to it), or null. */
  mayRead(linkId: string, caller: Caller): Promise<ClinicalReader | null>;
}

export const FILE_LINK_READERS = Symbol('FILE_LINK_READERS');

/**
 * Who reads teleconsultation's files. A clinical file (every purpose but AVATAR) is clinical data
 * about its patient: ClinicalAccess decides (the patient; the uploading doctor as its author; a
 * doctor with a care relationship; an admin with a stated reason) and logs every read by someone
 * other than the patient; then the readers of what it is attached to (FILE_LINK_READERS). Anyone
 * else: 404, as for a file that does not exist. An avatar: anyone signed in.
 */
@Injectable()
export class FileAccessPolicyImpl implements FileAccessPolicy {
  constructor(
    private readonly clinical: ClinicalAccess,
    private readonly relationships: CareRelationships,
    private readonly log: AccessLog,
    @Inject(FILE_LINK_READERS) private readonly linkReaders: FileLinkReader[],
  ) {}

  async authorizeRead(file: FileRecord, caller: Caller, context: { accessReason?: string }): Promise<void> {
    if (!CLINICAL_PURPOSES.includes(file.purpose)) return;
    try {
      await this.clinical.read(caller, {
        patientId: file.patientId,
        kind: ClinicalResourceKind.FILE,
        id: file._id,
        authorDoctorId: file.ownerDoctorProfileId,
        reason: context.accessReason,
      });
      return;
    } catch (err) {
      if (!(err instanceof DomainError && err.code === ErrorCode.NOT_FOUND)) throw err;
    }
    for (const link of file.links) {
      for (const reader of this.linkReaders.filter((r) => r.kind === link.kind)) {
        const role = await reader.mayRead(link.id, caller);
        if (!role) continue;
        if (role !== ClinicalReader.PATIENT)
          await this.log.record({
            patientId: file.patientId,
            kind: ClinicalResourceKind.FILE,
            resourceId: file._id,
            readerId: caller.userId,
            readerRole: role,
          });
        return;
      }
    }
    throw DomainError.notFound('File');
  }

  /** A doctor uploads for a patient they treat (a scan, a document); anyone else only for themself. */
  async authorizeUploadFor(patientId: string, caller: Caller, _purpose: FilePurpose): Promise<void> {
    const doctor = caller.doctorProfileId;
    if (doctor && (await this.relationships.doctorMayAccess(doctor, patientId))) return;
    throw DomainError.notFound('Patient');
  }
}
