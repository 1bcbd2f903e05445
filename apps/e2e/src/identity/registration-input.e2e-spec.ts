import { Api, dbNameOf, rawDb, registration, type ApiResponse } from '@telehealth/testing';

describe('Registration input - /v1/auth/register (POST)', () => {
  it.each([
    ['email', { email: 'not-an-email' }],
    ['password', { password: 'short1' }],
    ['password', { password: 'onlyletters-no-digits' }],
    ['firstName', { firstName: '' }],
    ['lastName', { lastName: 'x'.repeat(101) }],
    ['phone', { phone: 'call me' }],
    ['dateOfBirth', { dateOfBirth: '14/03/1988' }],
    ['dateOfBirth', { dateOfBirth: '2999-01-01' }],
    ['dateOfBirth', { dateOfBirth: '2023-02-30' }],
    ['gender', { gender: 'ROBOT' }],
    ['unexpected', { unexpected: true }],
  ])('400 naming %s for %j, and nothing is written', async (field, override) => {
    const api = new Api();
    const body = registration(override);
    const res = await api.post('/v1/auth/register', body);
    expect(res.status).toBe(400);
    expect(res.body.statusCode).toBe(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toEqual([field]);
    expect(res.body.message).toContain(field);
    const { db, close } = await rawDb(dbNameOf('identity'));
    expect(await db.collection('users').countDocuments({ emailLower: String(body.email).toLowerCase() })).toBe(0);
    await close();
  });

  it('409 for the same email in another case, and only one account exists', async () => {
    const api = new Api();
    const body = registration({ email: `Case.${Date.now()}@Example.test` });
    expect((await api.post('/v1/auth/register', body)).status).toBe(201);
    const again = await api.post('/v1/auth/register', { ...body, email: body.email.toUpperCase() });
    expect(again.status).toBe(409);
    expect(again.body.reason).toBe('EMAIL_TAKEN');
    const { db, close } = await rawDb(dbNameOf('identity'));
    expect(await db.collection('users').countDocuments({ emailLower: body.email.toLowerCase() })).toBe(1);
    await close();
  });

  it('20 concurrent registrations of one email: exactly one 201, the rest 409', async () => {
    const body = registration();
    const results = await Promise.all(Array.from({ length: 20 }, () => new Api().post('/v1/auth/register', body)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(19);
  });

  it('413 for a body over 1 MB', async () => {
    const res = await new Api().post('/v1/auth/register', undefined, {
      raw: JSON.stringify({ ...registration(), firstName: 'x'.repeat(1_100_000) }),
    });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
  });

  it('400 for malformed JSON', async () => {
    const res = await new Api().post('/v1/auth/register', undefined, { raw: '{"email": ' });
    expect(res.status).toBe(400);
    expect(res.body.requestId).toEqual(expect.any(String));
  });

  it('429 with Retry-After once an IP exceeds the auth rate limit', async () => {
    const api = new Api();
    const statuses: number[] = [];
    let limited: ApiResponse | undefined;
    for (let i = 0; i < 25 && !limited; i++) {
      const res = await api.post('/v1/auth/password-reset', { email: `nobody${i}@example.test` });
      statuses.push(res.status);
      if (res.status === 429) limited = res;
    }
    expect(statuses.slice(0, 20).every((s) => s === 202)).toBe(true);
    expect(limited?.status).toBe(429);
    expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited?.body.reason).toBe('RATE_LIMITED');
    // Another client IP is not affected.
    expect((await new Api().post('/v1/auth/password-reset', { email: 'x@example.test' })).status).toBe(202);
  });
});
