import {
  createHmac,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign as ecSign,
  type KeyObject,
} from 'node:crypto';
import { Api, TEST_JWT } from '@telehealth/testing';
import { adminSession, newPatient, type Session } from '../support/actors';

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
/** Identity's signing key on the test platform. */
const IDENTITY_KEY = createPrivateKey(Buffer.from(TEST_JWT.JWT_SIGNING_KEY, 'base64').toString('utf8'));

/** An ES256 token, as identity signs them (or with another key / header, to forge one). */
function sign(
  claims: Record<string, unknown>,
  key: KeyObject = IDENTITY_KEY,
  header: Record<string, string> = { alg: 'ES256', typ: 'JWT', kid: TEST_JWT.JWT_KEY_ID },
): string {
  const unsigned = `${b64(header)}.${b64(claims)}`;
  const signature = ecSign('sha256', Buffer.from(unsigned), { key, dsaEncoding: 'ieee-p1363' });
  return `${unsigned}.${signature.toString('base64url')}`;
}

/** An HS256 token keyed with identity's PUBLIC key: the classic algorithm-confusion forgery. */
function hmacWithPublicKey(claims: Record<string, unknown>): string {
  const pem = createPublicKey(IDENTITY_KEY).export({ type: 'spki', format: 'pem' });
  const unsigned = `${b64({ alg: 'HS256', typ: 'JWT', kid: TEST_JWT.JWT_KEY_ID })}.${b64(claims)}`;
  return `${unsigned}.${createHmac('sha256', pem).update(unsigned).digest('base64url')}`;
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
    [
      'a token signed with another key under our kid',
      () => sign(valid(), generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey),
    ],
    [
      'a token naming a key identity never published',
      () => sign(valid(), IDENTITY_KEY, { alg: 'ES256', typ: 'JWT', kid: 'forged-kid' }),
    ],
    ['an HS256 token keyed with the public key (algorithm pinned to ES256)', () => hmacWithPublicKey(valid())],
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

  it('GET /.well-known/jwks.json - public; its key verifies the tokens identity issues, and no private part is published', async () => {
    const res = await new Api().get('/.well-known/jwks.json');
    expect(res.status).toBe(200);
    const key = (res.body.keys as Record<string, string>[]).find((k) => k.kid === TEST_JWT.JWT_KEY_ID);
    expect(key).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(JSON.stringify(res.body)).not.toContain('"d"');
    const [h, p, s] = a.token.split('.');
    expect(JSON.parse(Buffer.from(h, 'base64url').toString())).toMatchObject({
      alg: 'ES256',
      kid: TEST_JWT.JWT_KEY_ID,
    });
    const publicKey = createPublicKey({ key: key as never, format: 'jwk' });
    const { verify } = await import('node:crypto');
    expect(
      verify(
        'sha256',
        Buffer.from(`${h}.${p}`),
        { key: publicKey, dsaEncoding: 'ieee-p1363' },
        Buffer.from(s, 'base64url'),
      ),
    ).toBe(true);
  });
});
