import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { ConfigError, DEV_JWT_SIGNING_KEY, JwtSigningConfig } from '@telehealth/config';
import { JwtService } from '@nestjs/jwt';
import { SigningKeys } from './signing-keys';

const newKey = (curve = 'P-256') =>
  Buffer.from(
    generateKeyPairSync('ec', { namedCurve: curve }).privateKey.export({ type: 'pkcs8', format: 'pem' }),
  ).toString('base64');
const config = (over: Partial<JwtSigningConfig> & { NODE_ENV?: string } = {}) =>
  Object.assign(new JwtSigningConfig(), { JWT_SIGNING_KEY: newKey(), JWT_KEY_ID: 'k1' }, over);
const problemsOf = (f: () => unknown): string[] => {
  try {
    f();
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
};

describe('SigningKeys', () => {
  it('publishes the public half of its key under its kid, and tokens it signs verify with it', () => {
    const keys = new SigningKeys(config());
    const [jwk] = keys.jwks().keys;
    expect(jwk).toMatchObject({ kty: 'EC', crv: 'P-256', kid: 'k1', alg: 'ES256', use: 'sig' });
    expect(jwk).not.toHaveProperty('d');
    const token = new JwtService({
      privateKey: keys.privateKeyPem,
      signOptions: { algorithm: 'ES256', keyid: 'k1' },
    }).sign({ sub: 'u' });
    const [h, p, s] = token.split('.');
    expect(JSON.parse(Buffer.from(h, 'base64url').toString())).toMatchObject({ alg: 'ES256', kid: 'k1' });
    const pub = createPublicKey({ key: jwk as never, format: 'jwk' });
    expect(
      verify('sha256', Buffer.from(`${h}.${p}`), { key: pub, dsaEncoding: 'ieee-p1363' }, Buffer.from(s, 'base64url')),
    ).toBe(true);
  });

  it('keeps publishing retired keys after a rotation, the current one first', () => {
    const old = new SigningKeys(config({ JWT_KEY_ID: 'old' })).jwks().keys[0];
    const rotated = new SigningKeys(config({ JWT_KEY_ID: 'new', JWT_RETIRED_KEYS: JSON.stringify([old]) }));
    expect(rotated.jwks().keys.map((k) => k.kid)).toEqual(['new', 'old']);
    expect(rotated.jwks().keys[1]).toEqual(old);
  });

  it.each([
    [
      'the development key in production',
      { JWT_SIGNING_KEY: DEV_JWT_SIGNING_KEY, NODE_ENV: 'production' },
      'development key',
    ],
    ['a key that is not PEM', { JWT_SIGNING_KEY: Buffer.from('nope').toString('base64') }, 'PKCS#8'],
    ['a P-384 key', { JWT_SIGNING_KEY: newKey('P-384') }, 'P-256'],
    ['retired keys that are not JSON', { JWT_RETIRED_KEYS: '[{' }, 'JSON array'],
    [
      'a retired key with its private part',
      { JWT_RETIRED_KEYS: JSON.stringify([{ kty: 'EC', crv: 'P-256', x: 'a', y: 'b', kid: 'o', d: 'secret' }]) },
      'no private part',
    ],
    [
      'the current kid among the retired',
      { JWT_RETIRED_KEYS: JSON.stringify([{ kty: 'EC', crv: 'P-256', x: 'a', y: 'b', kid: 'k1' }]) },
      'current JWT_KEY_ID',
    ],
  ])('refuses %s, naming the variable', (_, over, words) => {
    const problems = problemsOf(() => new SigningKeys(config(over)));
    expect(problems.join('\n')).toContain(words);
    expect(problems.join('\n')).toMatch(/JWT_(SIGNING_KEY|RETIRED_KEYS)/);
  });

  it('accepts the development key outside production', () => {
    expect(
      () => new SigningKeys(config({ JWT_SIGNING_KEY: DEV_JWT_SIGNING_KEY, NODE_ENV: 'development' })),
    ).not.toThrow();
  });
});
