import {
  IdentityEvents,
  type EmailVerificationRequestedV1,
  type PasswordResetRequestedV1,
} from '@telehealth/contracts';
import { Api, EventTap, registration } from '@telehealth/testing';

describe('Session lifecycle - /v1/auth/*', () => {
  let codes: EventTap<EmailVerificationRequestedV1>;
  let resets: EventTap<PasswordResetRequestedV1>;

  beforeAll(async () => {
    codes = await EventTap.open(IdentityEvents.emailVerificationRequested);
    resets = await EventTap.open(IdentityEvents.passwordResetRequested);
  });
  afterAll(async () => {
    await codes.close();
    await resets.close();
  });

  it('register -> verify -> login -> me -> refresh -> reuse revokes the family -> logout', async () => {
    const api = new Api();
    const reg = registration();
    const created = await api.post('/v1/auth/register', reg);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      email: reg.email,
      emailVerified: false,
      roles: ['PATIENT'],
      phone: reg.phone,
      dateOfBirth: reg.dateOfBirth,
    });
    expect(created.body).not.toHaveProperty('passwordHash');

    // The code reaches subscribers through the domain event, as the notifications service gets it.
    const { payload } = await codes.waitFor((e) => e.payload.email === reg.email);
    expect(payload.code).toMatch(/^\d{6}$/);
    const wrong = await api.post('/v1/auth/verify-email', {
      email: reg.email,
      code: payload.code === '000000' ? '111111' : '000000',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.details).toEqual([{ field: 'code', problem: 'is invalid or has expired' }]);
    const verified = await api.post('/v1/auth/verify-email', { email: reg.email, code: payload.code });
    expect(verified.status).toBe(200);
    expect(verified.body.emailVerified).toBe(true);

    const login = await api.post('/v1/auth/login', { email: reg.email.toUpperCase(), password: reg.password });
    expect(login.status).toBe(200);
    expect(login.body.tokenType).toBe('Bearer');
    const first = login.body;

    const me = await api.get('/v1/me', { token: first.accessToken });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: created.body.id, email: reg.email, emailVerified: true });

    const rotated = await api.post('/v1/auth/refresh', { refreshToken: first.refreshToken });
    expect(rotated.status).toBe(200);
    expect(rotated.body.refreshToken).not.toBe(first.refreshToken);
    expect((await api.get('/v1/me', { token: rotated.body.accessToken })).status).toBe(200);

    // The old refresh token again: treated as stolen, the whole family is revoked...
    const reuse = await api.post('/v1/auth/refresh', { refreshToken: first.refreshToken });
    expect(reuse.status).toBe(401);
    expect(reuse.body.reason).toBe('REFRESH_TOKEN_REUSED');
    // ...so the newest refresh token stops working too.
    const newest = await api.post('/v1/auth/refresh', { refreshToken: rotated.body.refreshToken });
    expect(newest.status).toBe(401);

    // A new login, then logout: the refresh token and the access token both stop working.
    const second = (await api.post('/v1/auth/login', { email: reg.email, password: reg.password })).body;
    const out = await api.post('/v1/auth/logout', { refreshToken: second.refreshToken }, { token: second.accessToken });
    expect(out.status).toBe(200);
    expect((await api.post('/v1/auth/refresh', { refreshToken: second.refreshToken })).status).toBe(401);
    expect((await api.get('/v1/me', { token: second.accessToken })).status).toBe(401);
  });

  it('only one of two concurrent refreshes with the same token succeeds', async () => {
    const api = new Api();
    const reg = registration();
    await api.post('/v1/auth/register', reg);
    const login = (await api.post('/v1/auth/login', { email: reg.email, password: reg.password })).body;
    const results = await Promise.all(
      [1, 2, 3, 4].map(() => api.post('/v1/auth/refresh', { refreshToken: login.refreshToken })),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 401)).toHaveLength(3);
  });

  it('password reset: token by event -> new password works, old one and old sessions do not', async () => {
    const api = new Api();
    const reg = registration();
    await api.post('/v1/auth/register', reg);
    const session = (await api.post('/v1/auth/login', { email: reg.email, password: reg.password })).body;

    const unknown = await api.post('/v1/auth/password-reset', { email: 'nobody-here@example.test' });
    const known = await api.post('/v1/auth/password-reset', { email: reg.email });
    expect(unknown.status).toBe(202);
    expect(known.status).toBe(202);
    expect(known.body).toEqual(unknown.body); // no account enumeration

    const { payload } = await resets.waitFor((e) => e.payload.email === reg.email);
    const weak = await api.post('/v1/auth/password-reset/confirm', { token: payload.token, newPassword: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.details[0].field).toBe('newPassword');
    const bad = await api.post('/v1/auth/password-reset/confirm', {
      token: 'not-a-token',
      newPassword: 'another-pass-77',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('token');

    const ok = await api.post('/v1/auth/password-reset/confirm', {
      token: payload.token,
      newPassword: 'another-pass-77',
    });
    expect(ok.status).toBe(200);
    expect(
      (await api.post('/v1/auth/password-reset/confirm', { token: payload.token, newPassword: 'another-pass-78' }))
        .status,
    ).toBe(400);
    expect((await api.post('/v1/auth/login', { email: reg.email, password: reg.password })).status).toBe(401);
    expect((await api.post('/v1/auth/login', { email: reg.email, password: 'another-pass-77' })).status).toBe(200);
    expect((await api.post('/v1/auth/refresh', { refreshToken: session.refreshToken })).status).toBe(401);
  });
});
