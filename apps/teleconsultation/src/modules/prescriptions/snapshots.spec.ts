import { Gender, type ClinicView, type DoctorProfileView } from '@telehealth/contracts';
import { draftContent } from './prescription-content';
import { ageAt, doctorSnapshot, patientSnapshot } from './snapshots';
import { canonicalCode, newVerificationCode } from './verification-code';

describe('the snapshots frozen at signing', () => {
  const at = new Date('2026-12-02T10:00:00.000Z');

  it('ages in whole years, the birthday counting from its day', () => {
    expect(ageAt('1991-12-02', at)).toBe(35);
    expect(ageAt('1991-12-03', at)).toBe(34);
    expect(ageAt('2026-12-02', at)).toBe(0);
    expect(ageAt(null, at)).toBeNull();
    expect(ageAt('not a date', at)).toBeNull();
  });

  it('the patient: identity, the weight stated, allergies of the record and the draft once each', () => {
    const content = draftContent({ patientDetails: { weightKg: 64.25, allergies: ['penicillin ', 'Latex'] } });
    expect(
      patientSnapshot(
        { patientId: 'p1', dependentId: 'dep1' },
        { firstName: 'Ada', lastName: 'Obi', dateOfBirth: '2019-01-05', gender: Gender.FEMALE },
        content,
        { allergies: ['Penicillin'], weightKg: 70 },
        at,
      ),
    ).toEqual({
      patientId: 'p1',
      dependentId: 'dep1',
      name: 'Ada Obi',
      dateOfBirth: '2019-01-05',
      age: 7,
      sex: Gender.FEMALE,
      weightKg: 64.3,
      allergies: ['Penicillin', 'Latex'],
    });
  });

  it("the weight: the doctor's on the draft, else the medical record's latest", () => {
    const who = { patientId: 'p1', dependentId: null };
    const person = { firstName: 'Ada', lastName: 'Obi', dateOfBirth: null, gender: null };
    const record = { allergies: [], weightKg: 70 };
    expect(patientSnapshot(who, person, draftContent({}), record, at).weightKg).toBe(70);
    expect(patientSnapshot(who, person, draftContent({ patientDetails: { weightKg: 64 } }), record, at).weightKg).toBe(
      64,
    );
  });

  it('the doctor: name, registration number, qualifications, the clinic with its address', () => {
    const profile = {
      id: 'd1',
      firstName: 'Tunde',
      lastName: 'Adeyemi',
      registrationNumber: 'MDCN/12345',
      qualifications: ['MBBS'],
    } as DoctorProfileView;
    const clinic = {
      id: 'c1',
      name: 'Lekki Family Clinic',
      address: { line1: '1 Admiralty Way', city: 'Lagos', country: 'NG' },
    } as ClinicView;
    expect(doctorSnapshot(profile, clinic)).toEqual({
      doctorId: 'd1',
      name: 'Dr Tunde Adeyemi',
      registrationNumber: 'MDCN/12345',
      qualifications: ['MBBS'],
      clinic: { id: 'c1', name: 'Lekki Family Clinic', address: '1 Admiralty Way, Lagos, NG' },
    });
    expect(doctorSnapshot(profile, null).clinic).toBeNull();
  });
});

describe('verification codes', () => {
  it('are 3 groups of 4 unambiguous characters, and differ', () => {
    const codes = new Set(Array.from({ length: 500 }, newVerificationCode));
    expect(codes.size).toBe(500);
    for (const c of codes) expect(c).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
  });

  it('are read back however they are typed; anything else is no code', () => {
    expect(canonicalCode('k7qf 2m9x pa4c')).toBe('K7QF-2M9X-PA4C');
    expect(canonicalCode('K7QF2M9XPA4C')).toBe('K7QF-2M9X-PA4C');
    expect(canonicalCode('K7QF-2M9X-PA4')).toBeNull();
    expect(canonicalCode('O7QF-2M9X-PA4C')).toBeNull();
  });
});
