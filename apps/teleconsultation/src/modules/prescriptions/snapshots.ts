import type { ClinicView, DoctorProfileView, DoctorSnapshot, Gender, PatientSnapshot } from '@telehealth/contracts';
import type { PrescriptionContent } from './prescription';

/** The person a prescription is for, as identity describes them. */
export interface PatientFacts {
  firstName: string;
  lastName: string;
  dateOfBirth: string | null;
  gender: Gender | null;
}

/** What the patient's medical record adds: known allergies, and the latest weight recorded. */
export interface RecordFacts {
  allergies: string[];
  weightKg: number | null;
}

/** Whole years between a YYYY-MM-DD birth date and `at` (UTC), or null when unknown. */
export function ageAt(dateOfBirth: string | null, at: Date): number | null {
  const m = dateOfBirth ? /^(\d{4})-(\d{2})-(\d{2})/.exec(dateOfBirth) : null;
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  let age = at.getUTCFullYear() - y;
  if (at.getUTCMonth() + 1 < mo || (at.getUTCMonth() + 1 === mo && at.getUTCDate() < d)) age -= 1;
  return age >= 0 ? age : null;
}

/** Allergies from both sources, once each (case-insensitively), in the order first given. */
function mergedAllergies(...lists: string[][]): string[] {
  const seen = new Map<string, string>();
  for (const a of lists.flat()) {
    const key = a.trim().toLowerCase();
    if (key && !seen.has(key)) seen.set(key, a.trim());
  }
  return [...seen.values()];
}

/**
 * The patient frozen at signing: who (identity), their age then, the weight the doctor stated
 * (else the record's latest), and their allergies (the medical record's and the draft's).
 */
export function patientSnapshot(
  who: { patientId: string; dependentId: string | null },
  person: PatientFacts,
  content: PrescriptionContent,
  record: RecordFacts,
  at: Date,
): PatientSnapshot {
  return {
    patientId: who.patientId,
    dependentId: who.dependentId,
    name: `${person.firstName} ${person.lastName}`.trim(),
    dateOfBirth: person.dateOfBirth,
    age: ageAt(person.dateOfBirth, at),
    sex: person.gender,
    weightKg: content.patientDetails.weightKg ?? record.weightKg,
    allergies: mergedAllergies(record.allergies, content.patientDetails.allergies),
  };
}

const addressOf = (c: ClinicView): string | null =>
  [c.address?.line1, c.address?.line2, c.address?.city, c.address?.country].filter(Boolean).join(', ') || null;

/** The doctor frozen at signing: name, registration number, qualifications, and the appointment's clinic. */
export function doctorSnapshot(profile: DoctorProfileView, clinic: ClinicView | null): DoctorSnapshot {
  return {
    doctorId: profile.id,
    name: `Dr ${profile.firstName} ${profile.lastName}`.trim(),
    registrationNumber: profile.registrationNumber,
    qualifications: [...profile.qualifications],
    clinic: clinic ? { id: clinic.id, name: clinic.name, address: addressOf(clinic) } : null,
  };
}
