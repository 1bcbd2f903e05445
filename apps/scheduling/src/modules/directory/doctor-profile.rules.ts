import type { DoctorClinicFee, UpsertDoctorProfileRequest } from '@telehealth/contracts';
import { DomainError } from '@telehealth/messaging';
import {
  assertIntIn,
  assertMoney,
  assertTimeZone,
  flag,
  optionalText,
  requiredText,
  textList,
} from '../../validation/field-rules';
import type { DoctorProfileDoc } from './doctor-profile.schema';

/** What an upsert may set, validated and normalised (references are checked by the service). */
export type ProfileChanges = Partial<
  Omit<DoctorProfileDoc, '_id' | 'userId' | 'organisationId' | 'rating' | 'draft' | 'createdAt' | 'updatedAt'>
>;

export const MAX_CLINICS_PER_DOCTOR = 20;

/** Validates every field present in the request; absent fields are left out of the changes. */
export function profileChanges(q: UpsertDoctorProfileRequest): ProfileChanges {
  const c: ProfileChanges = {};
  if (q.firstName !== undefined) c.firstName = requiredText(q.firstName, 100, 'firstName');
  if (q.lastName !== undefined) c.lastName = requiredText(q.lastName, 100, 'lastName');
  if (q.title !== undefined) c.title = optionalText(q.title, 100, 'title');
  if (q.bio !== undefined) c.bio = optionalText(q.bio, 4000, 'bio');
  if (q.qualifications !== undefined) c.qualifications = textList(q.qualifications, 30, 200, 'qualifications');
  if (q.specializations !== undefined) c.specializations = textList(q.specializations, 30, 100, 'specializations');
  if (q.specialtyCode !== undefined) {
    c.specialtyCode =
      q.specialtyCode === null ? null : requiredText(q.specialtyCode, 40, 'specialtyCode').toUpperCase();
  }
  if (q.languages !== undefined) {
    c.languages = textList(q.languages, 20, 50, 'languages');
    c.languageKeys = c.languages.map((l) => l.toLowerCase());
  }
  if (q.registrationNumber !== undefined)
    c.registrationNumber = optionalText(q.registrationNumber, 100, 'registrationNumber');
  if (q.yearsOfExperience !== undefined) {
    assertIntIn(q.yearsOfExperience, 0, 80, 'yearsOfExperience');
    c.yearsOfExperience = q.yearsOfExperience;
  }
  if (q.clinics !== undefined) c.clinics = clinicFees(q.clinics, 'clinics');
  if (q.baseFee !== undefined) {
    assertMoney(q.baseFee, 'baseFee');
    c.baseFee = { amountMinor: q.baseFee.amountMinor, currency: q.baseFee.currency };
  }
  if (q.insuranceAccepted !== undefined) {
    c.insuranceAccepted = textList(q.insuranceAccepted, 50, 100, 'insuranceAccepted');
    c.insuranceKeys = c.insuranceAccepted.map((i) => i.toLowerCase());
  }
  if (q.timeZone !== undefined) {
    assertTimeZone(q.timeZone, 'timeZone');
    c.timeZone = q.timeZone;
  }
  for (const key of [
    'cashless',
    'requiresConfirmation',
    'allowDirectBooking',
    'availableOnline',
    'availableOffline',
    'active',
  ] as const) {
    if (q[key] !== undefined) c[key] = flag(q[key], key);
  }
  return c;
}

/** Fees per clinic: each clinic once, each fee valid money. */
function clinicFees(list: DoctorClinicFee[], field: string): DoctorClinicFee[] {
  if (!Array.isArray(list)) throw DomainError.invalid(field, 'must be a list of {clinicId, fee}');
  if (list.length > MAX_CLINICS_PER_DOCTOR) {
    throw DomainError.invalid(field, `must have at most ${MAX_CLINICS_PER_DOCTOR} clinics`);
  }
  const seen = new Set<string>();
  return list.map((entry, i) => {
    const clinicId = requiredText(entry?.clinicId, 64, `${field}.${i}.clinicId`);
    if (seen.has(clinicId)) throw DomainError.invalid(`${field}.${i}.clinicId`, 'appears more than once');
    seen.add(clinicId);
    assertMoney(entry.fee, `${field}.${i}.fee`);
    return { clinicId, fee: { amountMinor: entry.fee.amountMinor, currency: entry.fee.currency } };
  });
}

/** Public names of the fields a request changes (search keys are storage details). */
export const changedFieldsOf = (c: ProfileChanges): string[] =>
  Object.keys(c).filter((k) => k !== 'languageKeys' && k !== 'insuranceKeys');
