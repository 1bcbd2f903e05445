import { Injectable } from '@nestjs/common';
import { ClinicalResourceKind, PrescriptionStatus, Role, type Caller } from '@telehealth/contracts';
import { DomainError } from '@telehealth/messaging';
import type { FilterQuery } from 'mongoose';
import { ClinicalAccess } from '../care/clinical-access';
import type { Prescription } from './prescription';
import type { PrescriptionDoc } from './prescription.schema';

const isAuthor = (caller: Caller, p: Pick<Prescription, 'doctorId'>): boolean =>
  !!caller.doctorProfileId && caller.doctorProfileId === p.doctorId;

/**
 * Who may do what with a prescription. Reading goes through ClinicalAccess (the patient, its
 * author or a treating doctor, an admin with a stated reason; audited; others 404); a draft is
 * its author's alone until signed, and stays so if cancelled unsigned (admins with a reason excepted). Changing it is its author's.
 */
@Injectable()
export class PrescriptionAccess {
  constructor(private readonly clinical: ClinicalAccess) {}

  /** `p` if the caller may read it (the read logged); otherwise 404. */
  async read(caller: Caller, p: Prescription | null, reason?: string): Promise<Prescription> {
    if (!p) throw DomainError.notFound('Prescription');
    // Never issued (a draft, or a draft set aside): its author's alone.
    const unissued = !p.signedAt;
    if (unissued && !isAuthor(caller, p) && !caller.roles.includes(Role.ADMIN))
      throw DomainError.notFound('Prescription');
    await this.clinical.read(caller, {
      patientId: p.patientId,
      dependentId: p.dependentId,
      kind: ClinicalResourceKind.PRESCRIPTION,
      id: p._id,
      authorDoctorId: p.doctorId,
      reason,
    });
    return p;
  }

  /** `p` if the caller wrote it; its patient is told they may not (403); anyone else 404. */
  requireAuthor(caller: Caller, p: Prescription | null): Prescription {
    if (p && isAuthor(caller, p)) return p;
    if (p?.signedAt && caller.userId === p.patientId)
      throw DomainError.forbidden('Only the doctor who wrote a prescription may change it');
    throw DomainError.notFound('Prescription');
  }

  /** The prescriptions a caller lists: their own once issued, and those they wrote (drafts too). */
  listFilter(caller: Caller): FilterQuery<PrescriptionDoc> {
    const or: FilterQuery<PrescriptionDoc>[] = [{ patientId: caller.userId, signedAt: { $ne: null } }];
    if (caller.doctorProfileId) or.push({ doctorId: caller.doctorProfileId });
    return { $or: or };
  }

  /** Logs the list's reads of others' prescriptions (the patient's own are not logged). */
  async logListed(caller: Caller, items: Prescription[]): Promise<void> {
    for (const p of items) if (p.patientId !== caller.userId) await this.read(caller, p);
  }
}

/** A change refused by the prescription's state: 409 naming it. */
export function refuseUnlessDraft(p: Prescription): void {
  if (p.status === PrescriptionStatus.SIGNED)
    throw DomainError.conflict(`Prescription ${p.number} is signed and can no longer change`, 'PRESCRIPTION_SIGNED');
  if (p.status === PrescriptionStatus.CANCELLED)
    throw DomainError.conflict(`Prescription ${p.number} was cancelled`, 'PRESCRIPTION_CANCELLED');
}
