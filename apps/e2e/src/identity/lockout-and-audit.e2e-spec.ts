import { Api } from '@telehealth/testing';
import { adminSession, newPatient } from '../support/actors';

describe('Failed logins - lockout and the audit trail', () => {
  it('POST /v1/auth/login - the 5th wrong password locks the account; even the right one then gets 429 with Retry-After', async () => {
    const s = await newPatient();
    const api = new Api();
    for (let i = 0; i < 5; i++)
      expect((await api.post('/v1/auth/login', { email: s.email, password: 'wrong-password-1' })).status).toBe(401);
    const locked = await api.post('/v1/auth/login', { email: s.email, password: s.password });
    expect(locked.status).toBe(429);
    expect(locked.body.reason).toBe('ACCOUNT_LOCKED');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(60);

    const admin = await adminSession();
    const audit = await admin.api.get(`/v1/admin/audit-events?userId=${s.userId}&limit=50`, { token: admin.token });
    expect(audit.status).toBe(200);
    const types = audit.body.items.map((e: { type: string }) => e.type);
    expect(types.filter((t: string) => t === 'ACCOUNT_LOCKED')).toHaveLength(1);
    expect(types.filter((t: string) => t === 'LOGIN_FAILED').length).toBeGreaterThanOrEqual(6);
    expect(types).toContain('LOGIN_SUCCEEDED');
    const failed = audit.body.items.find((e: { type: string }) => e.type === 'LOGIN_FAILED');
    expect(failed).toMatchObject({ email: s.email, ip: api.ip, requestId: expect.any(String) });
  });

  it('GET /v1/admin/audit-events: every event carries `detail` (an object, empty when there is nothing to add)', async () => {
    const s = await newPatient();
    const admin = await adminSession();
    const audit = await admin.api.get(`/v1/admin/audit-events?userId=${s.userId}`, { token: admin.token });
    expect(audit.body.items.length).toBeGreaterThan(0);
    for (const e of audit.body.items) expect(e.detail).toEqual(expect.any(Object));
  });

  it('10 concurrent wrong guesses are all counted: the account ends locked', async () => {
    const s = await newPatient();
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        new Api().post('/v1/auth/login', { email: s.email, password: 'wrong-password-2' }),
      ),
    );
    expect(results.every((r) => r.status === 401 || r.status === 429)).toBe(true);
    expect((await new Api().post('/v1/auth/login', { email: s.email, password: s.password })).status).toBe(429);
  });

  it('a success resets the count: 4 failures, a success, 4 failures do not lock', async () => {
    const s = await newPatient();
    const api = new Api();
    const fail = () => api.post('/v1/auth/login', { email: s.email, password: 'wrong-password-3' });
    for (let i = 0; i < 4; i++) expect((await fail()).status).toBe(401);
    expect((await api.post('/v1/auth/login', { email: s.email, password: s.password })).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await fail()).status).toBe(401);
    expect((await api.post('/v1/auth/login', { email: s.email, password: s.password })).status).toBe(200);
  });

  it('an unknown email gets the same 401 as a wrong password', async () => {
    const api = new Api();
    const res = await api.post('/v1/auth/login', { email: 'no-such-user@example.test', password: 'whatever-123' });
    expect(res.status).toBe(401);
    expect(res.body.reason).toBe('INVALID_CREDENTIALS');
  });
});
