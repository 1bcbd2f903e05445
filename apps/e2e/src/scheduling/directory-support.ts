import { Api, uniqueEmail, waitUntil } from '@telehealth/testing';
import { login, type Session } from '../support/actors';

/** Scheduling demo data (DEMO_DATA=true), and identity's demo organisation it belongs to. */
export const DEMO = {
  organisationId: '0b6f3c1e-0000-4000-8000-000000000001',
  staff: { email: 'staff@demo.health', password: 'DemoPass2026' },
  doctor1: {
    id: 'd1000000-0000-4000-8000-000000000001',
    email: 'dr.adeyemi@demo.health',
    password: 'DemoPass2026',
  },
  doctor2: { id: 'd1000000-0000-4000-8000-000000000002' },
  clinicVi: 'c1000000-0000-4000-8000-000000000001',
  clinicIkeja: 'c1000000-0000-4000-8000-000000000002',
};

export type DoctorSession = Session & { doctorProfileId: string };

/** A new DOCTOR account (made by an admin), logged in, once its draft profile exists. */
export async function newDoctor(admin: Session, extra: Record<string, unknown> = {}): Promise<DoctorSession> {
  const email = uniqueEmail('dr');
  const password = 'doctor-pass-11';
  const created = await admin.api.post(
    '/v1/admin/users',
    { email, password, firstName: 'Ifeoma', lastName: 'Obi', roles: ['DOCTOR'], ...extra },
    { token: admin.token },
  );
  if (created.status !== 201) throw new Error(`doctor: ${created.status} ${JSON.stringify(created.body)}`);
  const session = await login(new Api(), email, password);
  const doctorProfileId: string = created.body.doctorProfileId;
  await waitUntil(
    async () => (await session.api.get(`/v1/doctors/${doctorProfileId}`, { token: session.token })).status === 200,
    `the draft profile of ${doctorProfileId}`,
  );
  return { ...session, doctorProfileId };
}

/** The local date `days` from today in Lagos, YYYY-MM-DD. */
export const lagosDate = (days: number): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Lagos' }).format(new Date(Date.now() + days * 86_400_000));

/** 0 = Sunday ... 6 = Saturday. */
export const weekdayOf = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();

export const plusDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
