import type { DoctorProfileDoc } from './doctor-profile.schema';

export type NewProfileDoc = Omit<DoctorProfileDoc, 'createdAt' | 'updatedAt' | 'outbox' | 'outboxAt'>;

/** Where profiles start: inactive (unlisted), free, online off, in Lagos time until edited. */
export function newProfile(p: {
  id: string;
  userId: string | null;
  organisationId: string | null;
  firstName: string;
  lastName: string;
  draft: boolean;
}): NewProfileDoc {
  return {
    _id: p.id,
    userId: p.userId,
    organisationId: p.organisationId,
    firstName: p.firstName,
    lastName: p.lastName,
    title: null,
    bio: null,
    qualifications: [],
    specializations: [],
    specialtyCode: null,
    languages: [],
    languageKeys: [],
    insuranceKeys: [],
    registrationNumber: null,
    yearsOfExperience: 0,
    rating: { average: 0, count: 0 },
    clinics: [],
    baseFee: { amountMinor: 0, currency: 'NGN' },
    cashless: false,
    insuranceAccepted: [],
    requiresConfirmation: false,
    allowDirectBooking: true,
    availableOnline: false,
    availableOffline: false,
    timeZone: 'Africa/Lagos',
    active: false,
    draft: p.draft,
  };
}
