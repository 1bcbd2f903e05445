import { createHmac } from 'node:crypto';
import { TEST_JWT } from '@telehealth/testing';
import { adminSession, newPatient, type Session } from '../support/actors';

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
function sign(
  claims: Record<string, unknown>,
  secret = TEST_JWT.JWT_SECRET,
  header = { alg: 'HS256', typ: 'JWT' },
): string {
  const unsigned = `${b64(header)}.${b64(claims)}`;
  const hash = header.alg === 'HS512' ? 'sha512' : 'sha256';
  return `${unsigned}.${createHmac(hash, secret).update(unsigned).digest('base64url')}`;
}

describe('Access control - ownership, roles and token checks', () => {
  let a: Session;
  let b: Session;
  let bDependentId: string;

  beforeAll(async () => {
    [a, b] = await Promise.all([newPatient(), newPatient()]);
    const dep = await b.api.post(
      '/v1/me/dependents',
      { firstName: 'Tobi', lastName: 'B', relationship: 'CHILD', dateOfBirth: '2015-05-05' },
      { token: b.token },
    );
    expect(dep.status).toBe(201);
    bDependentId = dep.body.id;
  });

  it("GET/PATCH/DELETE /v1/me/dependents/:id - patient A cannot see or touch patient B's dependent (404)", async () => {
    expect((await a.api.get(`/v1/me/dependents/${bDependentId}`, { token: a.token })).status).toBe(404);
    expect(
      (await a.api.patch(`/v1/me/dependents/${bDependentId}`, { firstName: 'X' }, { token: a.token })).status,
    ).toBe(404);
    expect((await a.api.delete(`/v1/me/dependents/${bDependentId}`, { token: a.token })).status).toBe(404);
    const mine = await a.api.get('/v1/me/dependents', { token: a.token });
    expect(mine.body.items).toEqual([]);
    // B still has it, unchanged.
    const theirs = await b.api.get(`/v1/me/dependents/${bDependentId}`, { token: b.token });
    expect(theirs.status).toBe(200);
    expect(theirs.body.firstName).toBe('Tobi');
  });

  it('GET /v1/admin/users/:id/dependents - admins may read them', async () => {
    const admin = await adminSession();
    const res = await admin.api.get(`/v1/admin/users/${b.userId}/dependents`, { token: admin.token });
    expect(res.status).toBe(200);
    expect(res.body.items.map((d: { id: string }) => d.id)).toEqual([bDependentId]);
  });

  it('GET /v1/admin/users - a patient gets 403', async () => {
    const res = await a.api.get('/v1/admin/users', { token: a.token });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ statusCode: 403, error: 'Forbidden', details: [] });
    expect(res.body.requestId).toEqual(expect.any(String));
  });

  const now = () => Math.floor(Date.now() / 1000);
  const valid = () => ({
    sub: a.userId,
    roles: ['PATIENT'],
    orgs: [],
    typ: 'access',
    iss: TEST_JWT.JWT_ISSUER,
    aud: TEST_JWT.JWT_AUDIENCE,
    iat: now(),
    exp: now() + 600,
  });

  it.each([
    ['no token', () => undefined],
    [
      'a tampered token',
      () => {
        const [h, p, s] = sign(valid()).split('.');
        const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
        return `${h}.${b64({ ...claims, roles: ['ADMIN'] })}.${s}`;
      },
    ],
    ['an expired token', () => sign({ ...valid(), iat: now() - 7200, exp: now() - 3600 })],
    ['an alg:none token', () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(valid())}.`],
    ['a wrong-audience token', () => sign({ ...valid(), aud: 'someone-else' })],
    ['a wrong-issuer token', () => sign({ ...valid(), iss: 'evil-issuer' })],
    ['a token signed with another key', () => sign(valid(), 'another-secret-0123456789abcdefghijklmn')],
    [
      'a validly signed HS512 token (algorithm pinned to HS256)',
      () => sign(valid(), TEST_JWT.JWT_SECRET, { alg: 'HS512', typ: 'JWT' }),
    ],
    ['a refresh token in place of an access token', () => a.refreshToken],
  ])('GET /v1/me - %s gets 401', async (_, token) => {
    const res = await a.api.get('/v1/me', { token: token() });
    expect(res.status).toBe(401);
    expect(res.body.reason).toBe('INVALID_ACCESS_TOKEN');
  });

  it('GET /v1/me - a correctly signed token of our own making is accepted (the checks above are not vacuous)', async () => {
    const res = await a.api.get('/v1/me', { token: sign(valid()) });
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(a.userId);
  });
});
