import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  FilePurpose,
  PrescriptionKind,
  PrescriptionStatus,
  Role,
  type CreatePrescriptionRequest,
  type PrescriptionView,
} from '@telehealth/contracts';
import { DomainError, requireRole, type RequestMeta } from '@telehealth/messaging';
import { Clock } from '@telehealth/service-kit';
import { readableNumber } from '../../../../common/readable-number';
import { CareAppointments } from '../../../care/care-appointments';
import { Files } from '../../../files/files';
import { PRESCRIPTION_LINK } from '../../prescription-file-reader';
import { requirePrescribable } from '../../appointment-rules';
import { draftContent } from '../../prescription-content';
import { toPrescriptionView } from '../../prescription.mapper';
import { PrescriptionStore } from '../../prescription.store';

/**
 * The appointment's doctor starts a draft: structured (medications checked field by field) or
 * uploaded (a confirmed file holds the prescription). Nothing is announced until it is signed.
 */
@Injectable()
export class CreatePrescription {
  constructor(
    private readonly store: PrescriptionStore,
    private readonly appointments: CareAppointments,
    private readonly clock: Clock,
    private readonly files: Files,
  ) {}

  async execute(q: CreatePrescriptionRequest, meta: RequestMeta): Promise<PrescriptionView> {
    const caller = requireRole(meta, Role.DOCTOR);
    if (typeof q.appointmentId !== 'string' || !q.appointmentId)
      throw DomainError.invalid('appointmentId', 'must be an appointment id');
    const appointment = requirePrescribable(await this.appointments.get(q.appointmentId), caller.doctorProfileId);
    const kind = q.kind ?? PrescriptionKind.STRUCTURED;
    if (!Object.values(PrescriptionKind).includes(kind))
      throw DomainError.invalid('kind', `must be one of ${Object.values(PrescriptionKind).join(', ')}`);
    const fileId = kind === PrescriptionKind.UPLOADED ? uploadedFile(q) : null;
    if (kind === PrescriptionKind.UPLOADED && q.medications !== undefined)
      throw DomainError.invalid('medications', 'an uploaded prescription holds its medications in its file');
    const content = draftContent(q);
    const id = randomUUID();
    // The file must be the doctor's, confirmed, uploaded as a PRESCRIPTION; it is linked to this one.
    if (fileId)
      await this.files.attach(fileId, caller, {
        purposes: [FilePurpose.PRESCRIPTION],
        link: { kind: PRESCRIPTION_LINK, id },
        field: 'fileId',
      });
    const now = this.clock.now();
    const created = await this.store.insert({
      _id: id,
      number: readableNumber('RX', id, now),
      kind,
      appointmentId: appointment._id,
      patientId: appointment.patientId,
      dependentId: appointment.dependentId,
      doctorId: appointment.doctorId,
      status: PrescriptionStatus.DRAFT,
      content,
      fileId,
      patient: null,
      doctor: null,
      verificationCode: null,
      signedAt: null,
      cancelledAt: null,
      cancellationReason: null,
    });
    return toPrescriptionView(created);
  }
}

/** The file of an uploaded prescription (its upload confirmed through the files routes). */
function uploadedFile(q: CreatePrescriptionRequest): string {
  if (typeof q.fileId !== 'string' || !q.fileId.trim())
    throw DomainError.invalid('fileId', 'an uploaded prescription needs the id of its confirmed file');
  return q.fileId.trim();
}
