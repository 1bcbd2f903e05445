import { SlotMode, type ClinicView, type SpecialtyView, type UpsertDoctorProfileRequest } from '@telehealth/contracts';
import type { RuleFields } from '../availability/availability.rules';
import { profileChanges, type ProfileChanges } from '../directory/doctor-profile.rules';

/** Identity's demo organisation and doctor accounts (fixed ids there; repeated here by value). */
export const DEMO_ORGANISATION_ID = '0b6f3c1e-0000-4000-8000-000000000001';

export const DEMO_SPECIALTIES: Omit<SpecialtyView, 'active'>[] = [
  {
    id: '5e000000-0000-4000-8000-000000000001',
    code: 'GENERAL_PRACTICE',
    name: 'General Practice',
    description: 'First contact for any health concern',
  },
  {
    id: '5e000000-0000-4000-8000-000000000002',
    code: 'PAEDIATRICS',
    name: 'Paediatrics',
    description: 'Care of infants, children and adolescents',
  },
  {
    id: '5e000000-0000-4000-8000-000000000003',
    code: 'DERMATOLOGY',
    name: 'Dermatology',
    description: 'Skin, hair and nails',
  },
  {
    id: '5e000000-0000-4000-8000-000000000004',
    code: 'CARDIOLOGY',
    name: 'Cardiology',
    description: 'Heart and blood vessels',
  },
];

const weekdaysAndSaturday = [1, 2, 3, 4, 5, 6];

export const DEMO_CLINICS: Omit<ClinicView, 'active'>[] = [
  {
    id: 'c1000000-0000-4000-8000-000000000001',
    name: 'Lagos Care Clinic, Victoria Island',
    organisationId: DEMO_ORGANISATION_ID,
    address: {
      line1: '14 Adeola Odeku Street',
      line2: null,
      city: 'Lagos',
      state: 'Lagos',
      country: 'NG',
      postcode: '101241',
    },
    geo: { lat: 6.4281, lng: 3.4219 },
    phone: '+2348000000101',
    email: 'vi@lagoscare.demo',
    timeZone: 'Africa/Lagos',
    operatingHours: weekdaysAndSaturday.map((weekday) => ({ weekday, open: '08:00', close: '18:00' })),
    facilities: ['Pharmacy', 'Laboratory', 'Parking'],
  },
  {
    id: 'c1000000-0000-4000-8000-000000000002',
    name: 'Lagos Care Clinic, Ikeja',
    organisationId: DEMO_ORGANISATION_ID,
    address: {
      line1: '25 Allen Avenue',
      line2: null,
      city: 'Lagos',
      state: 'Lagos',
      country: 'NG',
      postcode: '100271',
    },
    geo: { lat: 6.6018, lng: 3.3515 },
    phone: '+2348000000102',
    email: 'ikeja@lagoscare.demo',
    timeZone: 'Africa/Lagos',
    operatingHours: weekdaysAndSaturday.map((weekday) => ({ weekday, open: '08:00', close: '18:00' })),
    facilities: ['Children’s ward', 'Laboratory'],
  },
];

export interface DemoDoctor {
  id: string;
  userId: string;
  profile: DemoProfile;
  rules: (RuleFields & { id: string })[];
}

/** Mon-Sat in one rule per weekday: fixed ids `b<doctor>…<weekday><n>`, so seeding twice adds nothing. */
const weekly = (doctor: number, n: number, fields: Omit<RuleFields, 'weekday'>) =>
  weekdaysAndSaturday.map((weekday) => ({
    id: `b${doctor}000000-0000-4000-8000-0000000000${weekday}${n}`,
    weekday,
    ...fields,
  }));

type DemoProfile = ProfileChanges & Required<Pick<ProfileChanges, 'firstName' | 'lastName'>>;

/** Demo profiles go through the same validation as the API (which also derives the search keys). */
const demoProfile = (
  p: Omit<UpsertDoctorProfileRequest, 'id'> & { firstName: string; lastName: string },
): DemoProfile => profileChanges({ id: 'demo', ...p }) as DemoProfile;

const naira = (amount: number) => ({ amountMinor: amount * 100, currency: 'NGN' });
const rule = { slotMinutes: 30, fee: null, validFrom: null, validTo: null };

export const DEMO_DOCTORS: DemoDoctor[] = [
  {
    id: 'd1000000-0000-4000-8000-000000000001',
    userId: 'd0000000-0000-4000-8000-000000000001',
    profile: demoProfile({
      firstName: 'Tunde',
      lastName: 'Adeyemi',
      title: 'Dr',
      bio: 'Family doctor with twelve years in Lagos clinics; adults and older children.',
      qualifications: ['MBBS (University of Lagos)', 'FWACP'],
      specializations: ['Hypertension', 'Diabetes care'],
      specialtyCode: 'GENERAL_PRACTICE',
      languages: ['English', 'Yoruba'],
      registrationNumber: 'MDCN/2013/04521',
      yearsOfExperience: 12,
      clinics: [{ clinicId: DEMO_CLINICS[0].id, fee: naira(15_000) }],
      baseFee: naira(15_000),
      cashless: true,
      insuranceAccepted: ['WootHealth', 'AXA Mansard'],
      requiresConfirmation: false,
      allowDirectBooking: true,
      availableOnline: true,
      availableOffline: true,
      timeZone: 'Africa/Lagos',
      active: true,
    }),
    rules: [
      ...weekly(1, 1, {
        ...rule,
        clinicId: DEMO_CLINICS[0].id,
        startTime: '09:00',
        endTime: '13:00',
        maxPatients: 1,
        mode: SlotMode.IN_CLINIC,
      }),
      ...weekly(1, 2, {
        ...rule,
        clinicId: null,
        startTime: '13:00',
        endTime: '17:00',
        maxPatients: 1,
        mode: SlotMode.ONLINE,
      }),
    ],
  },
  {
    id: 'd1000000-0000-4000-8000-000000000002',
    userId: 'd0000000-0000-4000-8000-000000000002',
    profile: demoProfile({
      firstName: 'Chioma',
      lastName: 'Nwosu',
      title: 'Dr',
      bio: 'Paediatrician: newborn checks, vaccinations, childhood asthma and allergies.',
      qualifications: ['MBBS (University of Nigeria)', 'FMCPaed'],
      specializations: ['Neonatal care', 'Childhood asthma'],
      specialtyCode: 'PAEDIATRICS',
      languages: ['English', 'Igbo'],
      registrationNumber: 'MDCN/2015/07788',
      yearsOfExperience: 9,
      clinics: [{ clinicId: DEMO_CLINICS[1].id, fee: naira(20_000) }],
      baseFee: naira(20_000),
      cashless: false,
      insuranceAccepted: ['WootHealth'],
      requiresConfirmation: false,
      allowDirectBooking: true,
      availableOnline: true,
      availableOffline: true,
      timeZone: 'Africa/Lagos',
      active: true,
    }),
    rules: weekly(2, 1, {
      ...rule,
      clinicId: DEMO_CLINICS[1].id,
      startTime: '09:00',
      endTime: '17:00',
      maxPatients: 3,
      mode: SlotMode.BOTH,
    }),
  },
];
