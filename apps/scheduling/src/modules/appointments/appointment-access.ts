import { Role, type Caller } from '@telehealth/contracts';
import { DomainError } from '@telehealth/messaging';
import type { FilterQuery } from 'mongoose';
import type { AppointmentDoc } from './appointment.schema';

/** How the caller relates to an appointment: what they may see and do. */
export type Relation = 'patient' | 'doctor' | 'staff' | 'admin' | null;

export function relationOf(caller: Caller, a: AppointmentDoc): Relation {
  if (caller.roles.includes(Role.ADMIN)) return 'admin';
  if (caller.doctorProfileId && caller.doctorProfileId === a.doctorId) return 'doctor';
  if (
    caller.roles.includes(Role.PROVIDER_STAFF) &&
    a.organisationId &&
    caller.organisationIds.includes(a.organisationId)
  )
    return 'staff';
  if (a.patientId === caller.userId) return 'patient';
  return null;
}

/** Someone else's appointment is indistinguishable from a missing one. */
export function requireVisible(
  caller: Caller,
  a: AppointmentDoc | null,
): { a: AppointmentDoc; relation: Exclude<Relation, null> } {
  const relation = a ? relationOf(caller, a) : null;
  if (!a || !relation) throw DomainError.notFound('Appointment');
  return { a, relation };
}

export function requireRelation(relation: Relation, allowed: Relation[], what: string): void {
  if (!allowed.includes(relation))
    throw DomainError.forbidden(`Only the ${allowed.filter(Boolean).join(', ')} may ${what} this appointment`);
}

/** The appointments a caller may list. */
export function visibleFilter(caller: Caller): FilterQuery<AppointmentDoc> {
  if (caller.roles.includes(Role.ADMIN)) return {};
  const or: FilterQuery<AppointmentDoc>[] = [{ patientId: caller.userId }];
  if (caller.doctorProfileId) or.push({ doctorId: caller.doctorProfileId });
  if (caller.roles.includes(Role.PROVIDER_STAFF) && caller.organisationIds.length)
    or.push({ organisationId: { $in: caller.organisationIds } });
  return { $or: or };
}
