import { CallType, ParticipantRole } from '@telehealth/contracts';
import { DomainError } from '@telehealth/messaging';
import type { JoinGrant } from '../video-provider';

export const ROOM = 'room-5f0c6a52-8d1e-4a8e-9b43-0d3c1f2a7e11';
export const DOCTOR_ID = 'doc-7c2d';
export const PATIENT_ID = 'pat-41aa';

/** A join grant: the patient, admitted, in a VIDEO call, 600 s, now; override what a test is about. */
export function joinGrant(overrides: Partial<JoinGrant> = {}): JoinGrant {
  return {
    room: ROOM,
    identity: PATIENT_ID,
    displayName: 'Ada Obi',
    role: ParticipantRole.PARTICIPANT,
    callType: CallType.VIDEO,
    admitted: true,
    ttlSeconds: 600,
    now: new Date(),
    ...overrides,
  };
}

export const doctorGrant = (overrides: Partial<JoinGrant> = {}): JoinGrant =>
  joinGrant({ identity: DOCTOR_ID, displayName: 'Dr Bello', role: ParticipantRole.HOST, ...overrides });

/** The reason of the DomainError `promise` rejects with (rethrows anything else; fails the test when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<{ reason: string | undefined; message: string }> {
  try {
    await promise;
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    return { reason: err.options.reason, message: err.message };
  }
  throw new Error('expected a DomainError');
}
