import type { DoctorProfileChangedV1, DoctorProfileView } from '@telehealth/contracts';
import type { DoctorProfileDoc } from './doctor-profile.schema';

export const toDoctorProfileView = (d: DoctorProfileDoc): DoctorProfileView => ({
  id: d._id,
  userId: d.userId,
  organisationId: d.organisationId,
  firstName: d.firstName,
  lastName: d.lastName,
  title: d.title,
  bio: d.bio,
  qualifications: d.qualifications,
  specializations: d.specializations,
  specialtyCode: d.specialtyCode,
  languages: d.languages,
  registrationNumber: d.registrationNumber,
  yearsOfExperience: d.yearsOfExperience,
  rating: { average: d.rating.average, count: d.rating.count },
  clinics: d.clinics.map((c) => ({
    clinicId: c.clinicId,
    fee: { amountMinor: c.fee.amountMinor, currency: c.fee.currency },
  })),
  baseFee: { amountMinor: d.baseFee.amountMinor, currency: d.baseFee.currency },
  cashless: d.cashless,
  insuranceAccepted: d.insuranceAccepted,
  requiresConfirmation: d.requiresConfirmation,
  allowDirectBooking: d.allowDirectBooking,
  availableOnline: d.availableOnline,
  availableOffline: d.availableOffline,
  timeZone: d.timeZone,
  active: d.active,
});

type ProfileFacts = Pick<
  DoctorProfileDoc,
  | '_id'
  | 'userId'
  | 'organisationId'
  | 'firstName'
  | 'lastName'
  | 'specialtyCode'
  | 'baseFee'
  | 'availableOnline'
  | 'availableOffline'
  | 'active'
>;

/** The `scheduling.doctor.profile-changed.v1` payload for a profile as it is after the change. */
export const profileChangedPayload = (
  p: ProfileFacts,
  change: DoctorProfileChangedV1['change'],
  changedFields: string[],
): DoctorProfileChangedV1 => ({
  doctorProfileId: p._id,
  userId: p.userId,
  organisationId: p.organisationId,
  change,
  changedFields,
  firstName: p.firstName,
  lastName: p.lastName,
  specialtyCode: p.specialtyCode,
  baseFee: { amountMinor: p.baseFee.amountMinor, currency: p.baseFee.currency },
  availableOnline: p.availableOnline,
  availableOffline: p.availableOffline,
  active: p.active,
});

/** Every public field a profile is created with, for a CREATED event. */
export const ALL_PROFILE_FIELDS: readonly string[] = [
  'userId',
  'organisationId',
  'firstName',
  'lastName',
  'title',
  'bio',
  'qualifications',
  'specializations',
  'specialtyCode',
  'languages',
  'registrationNumber',
  'yearsOfExperience',
  'clinics',
  'baseFee',
  'cashless',
  'insuranceAccepted',
  'requiresConfirmation',
  'allowDirectBooking',
  'availableOnline',
  'availableOffline',
  'timeZone',
  'active',
];
