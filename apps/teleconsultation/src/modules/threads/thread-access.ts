import { Role, ThreadSenderRole, ThreadSide, type Caller } from '@telehealth/contracts';
import type { FilterQuery } from 'mongoose';
import type { MessageThreadDoc } from './thread.schema';
import type { ReadState } from './thread.store';

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
  side === ThreadSide.PATIENT
    ? ThreadSenderRole.PATIENT
    : t.doctorId
      ? ThreadSenderRole.DOCTOR
      : ThreadSenderRole.STAFF;

/** The threads the caller takes part in (an admin's own only: reading others' needs a reason, one at a time). */
export function threadsOf(caller: Caller): FilterQuery<MessageThreadDoc> {
  const or: FilterQuery<MessageThreadDoc>[] = [{ patientId: caller.userId }];
  if (caller.doctorProfileId) or.push({ doctorId: caller.doctorProfileId });
  if (caller.organisationIds.length) or.push({ organisationId: { $in: caller.organisationIds } });
  return { $or: or };
}

/** The other side's messages the caller's side has not read (never its own). */
export function unreadOf(caller: Caller, t: ReadState): number {
  const side = sideOf(caller, t);
  if (side === ThreadSide.PATIENT) return Math.max(0, t.careSent - t.patientReadCount);
  if (side === ThreadSide.CARE) return Math.max(0, t.patientSent - t.careReadCount);
  return 0;
}

export const isAdmin = (caller: Caller): boolean => caller.roles.includes(Role.ADMIN);
