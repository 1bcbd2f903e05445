import { Role, ThreadSenderRole, ThreadSide, type Caller } from '@telehealth/contracts';
import type { FilterQuery } from 'mongoose';
import type { MessageThreadDoc } from './thread.schema';

type Parties = Pick<MessageThreadDoc, 'patientId' | 'doctorId' | 'organisationId'>;

/**
 * The caller's side of a thread: the patient, or the care side (the thread's doctor, or staff of
 * its organisation); null for anyone else. Only the two sides take part in a thread.
 */
export function sideOf(caller: Caller, t: Parties): ThreadSide | null {
  if (t.patientId === caller.userId) return ThreadSide.PATIENT;
  if (t.doctorId && t.doctorId === caller.doctorProfileId) return ThreadSide.CARE;
  if (t.organisationId && caller.organisationIds.includes(t.organisationId)) return ThreadSide.CARE;
  return null;
}

/** How the caller signs a message on their side. */
export const senderRoleOf = (t: Parties, side: ThreadSide): ThreadSenderRole =>
  side === ThreadSide.PATIENT ? ThreadSenderRole.PATIENT : t.doctorId ? ThreadSenderRole.DOCTOR : ThreadSenderRole.STAFF;

/** The threads the caller takes part in (an admin's own only: reading others' needs a reason, one at a time). */
export function threadsOf(caller: Caller): FilterQuery<MessageThreadDoc> {
  const or: FilterQuery<MessageThreadDoc>[] = [{ patientId: caller.userId }];
  if (caller.doctorProfileId) or.push({ doctorId: caller.doctorProfileId });
  if (caller.organisationIds.length) or.push({ organisationId: { $in: caller.organisationIds } });
  return { $or: or };
}

/** Unread messages of the caller's side (a thread they are on both sides of counts as the patient's). */
export function unreadOf(caller: Caller, t: Parties & Pick<MessageThreadDoc, 'version' | 'patientReadSeq' | 'careReadSeq'>) {
  const side = sideOf(caller, t);
  if (!side) return 0;
  return Math.max(0, t.version - (side === ThreadSide.PATIENT ? t.patientReadSeq : t.careReadSeq));
}

export const isAdmin = (caller: Caller): boolean => caller.roles.includes(Role.ADMIN);
