import type { Relation } from './consultation-access';

/**
 * The identity a join token names, and webhooks report back: the side and whom it stands for
 * (`doctor:<doctor profile id>`, `patient:<user id>`, `observer:<user id>`), so a room event says
 * which side of the session joined without a look-up.
 */
export const participantIdentity = (relation: Exclude<Relation, null>, id: string): string => `${relation}:${id}`;

export type Side = 'doctor' | 'patient';

/** The side of the session an identity is, or null (an observer, or someone else's identity). */
export function sideOf(identity: string, s: { doctorId: string; patientId: string }): Side | null {
  if (identity === `doctor:${s.doctorId}`) return 'doctor';
  if (identity === `patient:${s.patientId}`) return 'patient';
  return null;
}
