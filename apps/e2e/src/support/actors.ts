import { Api, registration } from '@telehealth/testing';

export const DEMO_ADMIN = { email: 'admin@demo.health', password: 'DemoPass2026' };

export interface Session {
  api: Api;
  token: string;
  refreshToken: string;
  userId: string;
  email: string;
  password: string;
}

/** A new patient, registered and logged in through the gateway, with its own client IP. */
export async function newPatient(overrides: Record<string, unknown> = {}): Promise<Session> {
  const api = new Api();
  const reg = registration(overrides);
  const created = await api.post('/v1/auth/register', reg);
  if (created.status !== 201) throw new Error(`register failed: ${created.status} ${JSON.stringify(created.body)}`);
  return login(api, reg.email, reg.password);
}

export async function login(api: Api, email: string, password: string): Promise<Session> {
  const res = await api.post('/v1/auth/login', { email, password });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return {
    api,
    token: res.body.accessToken,
    refreshToken: res.body.refreshToken,
    userId: res.body.user.id,
    email,
    password,
  };
}

export const adminSession = (): Promise<Session> => login(new Api(), DEMO_ADMIN.email, DEMO_ADMIN.password);
