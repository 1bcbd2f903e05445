import { Gender, Relationship, Role } from '@telehealth/contracts';

/** One password for every demo login: printed by `npm start`, never used outside DEMO_DATA. */
export const DEMO_PASSWORD = 'DemoPass2026';

export const DEMO_ORGANISATION = {
  id: '0b6f3c1e-0000-4000-8000-000000000001',
  name: 'Lagos Care Clinic',
  email: 'hello@lagoscare.demo',
  city: 'Lagos',
  country: 'NG',
  timeZone: 'Africa/Lagos',
};

export interface DemoAccount {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  roles: Role[];
  phone: string;
  dateOfBirth: string | null;
  gender: Gender;
  doctorProfileId?: string;
  organisationId?: string;
  title?: string;
  dependents?: {
    id: string;
    firstName: string;
    lastName: string;
    relationship: Relationship;
    dateOfBirth: string;
    gender: Gender;
  }[];
}

/** Fixed ids, so other services' demo data (doctor profiles, wallets) can refer to them. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    id: 'a0000000-0000-4000-8000-000000000001',
    email: 'admin@demo.health',
    firstName: 'Ada',
    lastName: 'Okafor',
    roles: [Role.ADMIN],
    phone: '+2348000000001',
    dateOfBirth: null,
    gender: Gender.FEMALE,
  },
  {
    id: 'd0000000-0000-4000-8000-000000000001',
    email: 'dr.adeyemi@demo.health',
    firstName: 'Tunde',
    lastName: 'Adeyemi',
    roles: [Role.DOCTOR],
    phone: '+2348000000011',
    dateOfBirth: null,
    gender: Gender.MALE,
    doctorProfileId: 'd1000000-0000-4000-8000-000000000001',
    organisationId: DEMO_ORGANISATION.id,
    title: 'General Practitioner',
  },
  {
    id: 'd0000000-0000-4000-8000-000000000002',
    email: 'dr.nwosu@demo.health',
    firstName: 'Chioma',
    lastName: 'Nwosu',
    roles: [Role.DOCTOR],
    phone: '+2348000000012',
    dateOfBirth: null,
    gender: Gender.FEMALE,
    doctorProfileId: 'd1000000-0000-4000-8000-000000000002',
    organisationId: DEMO_ORGANISATION.id,
    title: 'Paediatrician',
  },
  {
    id: '50000000-0000-4000-8000-000000000001',
    email: 'staff@demo.health',
    firstName: 'Bola',
    lastName: 'Ade',
    roles: [Role.PROVIDER_STAFF],
    phone: '+2348000000021',
    dateOfBirth: null,
    gender: Gender.FEMALE,
    organisationId: DEMO_ORGANISATION.id,
    title: 'Care Coordinator',
  },
  {
    id: 'e0000000-0000-4000-8000-000000000001',
    email: 'patient@demo.health',
    firstName: 'Quadri',
    lastName: 'Adekunle',
    roles: [Role.PATIENT],
    phone: '+2348000000031',
    dateOfBirth: '1988-03-14',
    gender: Gender.MALE,
    dependents: [
      {
        id: 'e1000000-0000-4000-8000-000000000001',
        firstName: 'Jane',
        lastName: 'Adekunle',
        relationship: Relationship.SPOUSE,
        dateOfBirth: '1985-06-15',
        gender: Gender.FEMALE,
      },
      {
        id: 'e1000000-0000-4000-8000-000000000002',
        firstName: 'Tobi',
        lastName: 'Adekunle',
        relationship: Relationship.CHILD,
        dateOfBirth: '2016-09-02',
        gender: Gender.MALE,
      },
    ],
  },
  {
    id: 'e0000000-0000-4000-8000-000000000002',
    email: 'patient2@demo.health',
    firstName: 'Amaka',
    lastName: 'Eze',
    roles: [Role.PATIENT],
    phone: '+2348000000032',
    dateOfBirth: '1994-11-30',
    gender: Gender.FEMALE,
  },
];
