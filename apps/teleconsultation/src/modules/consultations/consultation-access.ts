import { Role, type Caller, type ConsultationStatus } from '@telehealth/contracts';
import { DomainError } from '@telehealth/messaging';
import type { FilterQuery } from 'mongoose';
import type { Action } from './lifecycle';
import type { ConsultationDoc } from './consultation.schema';

/**
 * How the caller relates to a session: its patient (the account holder, also for a dependent's
 * consultation), its doctor, or an admin observing. Provider staff have no place in the call.
 */
export type Relation = 'patient' | 'doctor' | 'observer' | null;

export function relationOf(caller: Caller, s: Pick<ConsultationDoc, 'doctorId' | 'patientId'>): Relation {
  if (caller.doctorProfileId && caller.doctorProfileId === s.doctorId) return 'doctor';
  if (caller.userId === s.patientId) return 'patient';
  if (caller.roles.includes(Role.ADMIN)) return 'observer';
  return null;
}

/** Someone else's session is indistinguishable from a missing one. */
export function requireVisible(
  caller: Caller,
  s: ConsultationDoc | null,
): { s: ConsultationDoc; relation: Exclude<Relation, null> } {
  const relation = s ? relationOf(caller, s) : null;
  if (!s || !relation) throw DomainError.notFound('Consultation');
  return { s, relation };
}

export function requireRelation(relation: Relation, allowed: Relation[], what: string): void {
  if (!allowed.includes(relation))
    throw DomainError.forbidden(`Only the ${allowed.filter(Boolean).join(' or ')} may ${what} this consultation`);
}

/** The sessions a caller may list. */
export function visibleFilter(caller: Caller): FilterQuery<ConsultationDoc> {
  if (caller.roles.includes(Role.ADMIN)) return {};
  const or: FilterQuery<ConsultationDoc>[] = [{ patientId: caller.userId }];
  if (caller.doctorProfileId) or.push({ doctorId: caller.doctorProfileId });
  return { $or: or };
}

export const illegalTransition = (s: { status: ConsultationStatus }, action: Action): DomainError =>
  DomainError.conflict(`Cannot ${action} a consultation that is ${s.status}`, `ILLEGAL_TRANSITION_FROM_${s.status}`);

export const concurrentChange = (id: string): DomainError =>
  DomainError.conflict(`Consultation ${id} changed at the same moment; reload and retry`, 'CONCURRENT_CHANGE');
