import { changedFieldsOf, profileChanges, MAX_CLINICS_PER_DOCTOR } from './doctor-profile.rules';
import { invalidField } from '@telehealth/testing';

const id = 'd1000000-0000-4000-8000-000000000001';
const clinicId = 'c1000000-0000-4000-8000-000000000001';

describe('profileChanges', () => {
  it('changes only the fields sent, normalised', () => {
    const c = profileChanges({
      id,
      firstName: ' Tunde ',
      languages: ['English', ' Yoruba', 'English'],
      insuranceAccepted: ['AXA Mansard'],
      specialtyCode: 'general_practice',
      baseFee: { amountMinor: 1_500_000, currency: 'NGN' },
      active: true,
    });
    expect(c).toEqual({
      firstName: 'Tunde',
      languages: ['English', 'Yoruba'],
      languageKeys: ['english', 'yoruba'],
      insuranceAccepted: ['AXA Mansard'],
      insuranceKeys: ['axa mansard'],
      specialtyCode: 'GENERAL_PRACTICE',
      baseFee: { amountMinor: 1_500_000, currency: 'NGN' },
      active: true,
    });
    expect(changedFieldsOf(c)).toEqual([
      'firstName',
      'specialtyCode',
      'languages',
      'baseFee',
      'insuranceAccepted',
      'active',
    ]);
  });

  it('an empty request changes nothing', () => {
    expect(profileChanges({ id })).toEqual({});
  });

  it('clears the specialty with null', () => {
    expect(profileChanges({ id, specialtyCode: null })).toEqual({ specialtyCode: null });
  });

  it.each([
    [{ firstName: '  ' }, 'firstName'],
    [{ yearsOfExperience: 81 }, 'yearsOfExperience'],
    [{ yearsOfExperience: 2.5 }, 'yearsOfExperience'],
    [{ baseFee: { amountMinor: 150.5, currency: 'NGN' } }, 'baseFee.amountMinor'],
    [{ baseFee: { amountMinor: 100, currency: 'naira' } }, 'baseFee.currency'],
    [{ timeZone: 'Lagos' }, 'timeZone'],
    [{ active: 'yes' }, 'active'],
    [{ languages: ['English', ''] }, 'languages.1'],
    [{ clinics: [{ clinicId, fee: { amountMinor: -5, currency: 'NGN' } }] }, 'clinics.0.fee.amountMinor'],
    [
      {
        clinics: [
          { clinicId, fee: { amountMinor: 5, currency: 'NGN' } },
          { clinicId, fee: { amountMinor: 6, currency: 'NGN' } },
        ],
      },
      'clinics.1.clinicId',
    ],
    [
      {
        clinics: Array.from({ length: MAX_CLINICS_PER_DOCTOR + 1 }, (_, i) => ({
          clinicId: `c-${i}`,
          fee: { amountMinor: 5, currency: 'NGN' },
        })),
      },
      'clinics',
    ],
  ])('rejects %j naming %s', (q, field) => {
    expect(invalidField(() => profileChanges({ id, ...(q as object) }))).toBe(field);
  });
});
