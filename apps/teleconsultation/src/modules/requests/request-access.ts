import { ConsultationRequestStatus, Role, type Caller } from '@telehealth/contracts';
import { DomainError } from '@telehealth/messaging';
import type { FilterQuery } from 'mongoose';
import type { DoctorDoc } from '../doctors/doctor.schema';
import type { ConsultationRequestDoc } from './consultation-request.schema';

/** Who may see a request: its patient, an admin, the doctor who took it, or (while open) its specialty's online doctors. */
export type RequestRelation = 'patient' | 'doctor' | 'admin' | null;

/** A doctor who can take requests of a specialty now: listed, online, of that specialty. */
export const takesRequests = (d: DoctorDoc | null, specialtyCode: string): boolean =>
  !!d && d.active && d.availableOnline && d.specialtyCode === specialtyCode;

export function requestRelationOf(
  caller: Caller,
  r: ConsultationRequestDoc,
  doctor: DoctorDoc | null,
): RequestRelation {
  if (r.patientId === caller.userId) return 'patient';
  if (caller.doctorProfileId && r.acceptedBy === caller.doctorProfileId) return 'doctor';
  if (r.status === ConsultationRequestStatus.OPEN && takesRequests(doctor, r.specialtyCode)) return 'doctor';
  if (caller.roles.includes(Role.ADMIN)) return 'admin';
  return null;
}

export function requireVisibleRequest(
  caller: Caller,
  r: ConsultationRequestDoc | null,
  doctor: DoctorDoc | null,
): { r: ConsultationRequestDoc; relation: Exclude<RequestRelation, null> } {
  const relation = r ? requestRelationOf(caller, r, doctor) : null;
  if (!r || !relation) throw DomainError.notFound('Consultation request');
  return { r, relation };
}

/** The requests a caller may list: their own; a doctor's specialty queue and those they took; all for admins. */
export function visibleRequests(caller: Caller, doctor: DoctorDoc | null): FilterQuery<ConsultationRequestDoc> {
  if (caller.roles.includes(Role.ADMIN)) return {};
  const or: FilterQuery<ConsultationRequestDoc>[] = [{ patientId: caller.userId }];
  if (caller.doctorProfileId) or.push({ acceptedBy: caller.doctorProfileId });
  if (doctor && doctor.specialtyCode && takesRequests(doctor, doctor.specialtyCode))
    or.push({ status: ConsultationRequestStatus.OPEN, specialtyCode: doctor.specialtyCode });
  return { $or: or };
}

export const notOpen = (r: Pick<ConsultationRequestDoc, 'status'>): DomainError =>
  DomainError.conflict(`The request is ${r.status}: it can no longer be taken or withdrawn`, 'REQUEST_NOT_OPEN');
