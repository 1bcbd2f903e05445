import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { ConfigError, DEV_JWT_SIGNING_KEY, type JwtSigningConfig } from '@telehealth/config';
import type { JsonWebKeySet, PublicJwk } from '@telehealth/contracts';

/**
 * Identity's access-token keys, read once from the configuration: the ES256 private key that signs
 * (named by JWT_KEY_ID), and the public keys that verify, the current one first and then the
 * retired ones still in their overlap. Only identity holds a private key; everyone else verifies
 * with {@link SigningKeys.jwks}.
 */
export class SigningKeys {
  readonly privateKeyPem: string;
  readonly keyId: string;
  private readonly published: PublicJwk[];

  constructor(config: JwtSigningConfig & { NODE_ENV?: string }) {
    const problems: string[] = [];
    if (config.NODE_ENV === 'production' && config.JWT_SIGNING_KEY === DEV_JWT_SIGNING_KEY)
      problems.push('JWT_SIGNING_KEY: the development key must not be used in production');
    let key: KeyObject | null = null;
    try {
      key = createPrivateKey(Buffer.from(config.JWT_SIGNING_KEY, 'base64').toString('utf8'));
      if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1')
        problems.push('JWT_SIGNING_KEY: must be an EC P-256 key (ES256)');
    } catch {
      problems.push('JWT_SIGNING_KEY: must be a PKCS#8 PEM private key, base64-encoded');
    }
    const retired = parseRetired(config.JWT_RETIRED_KEYS, problems);
    if (retired.some((k) => k.kid === config.JWT_KEY_ID))
      problems.push('JWT_RETIRED_KEYS: must not contain the current JWT_KEY_ID');
    if (problems.length || !key) throw new ConfigError(problems);
    this.privateKeyPem = key.export({ type: 'pkcs8', format: 'pem' }).toString();
    this.keyId = config.JWT_KEY_ID;
    this.published = [publicJwkOf(key, config.JWT_KEY_ID), ...retired];
  }

  jwks(): JsonWebKeySet {
    return { keys: this.published.map((k) => ({ ...k })) };
  }
}

function publicJwkOf(key: KeyObject, kid: string): PublicJwk {
  const jwk = createPublicKey(key).export({ format: 'jwk' }) as { x: string; y: string };
  return { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, kid, alg: 'ES256', use: 'sig' };
}

function parseRetired(json: string, problems: string[]): PublicJwk[] {
  let list: unknown;
  try {
    list = JSON.parse(json);
  } catch {
    problems.push('JWT_RETIRED_KEYS: must be a JSON array of public JWKs');
    return [];
  }
  const ok = (k: unknown): k is PublicJwk => {
    const j = k as Partial<PublicJwk> & { d?: unknown };
    return (
      !!j &&
      j.kty === 'EC' &&
      j.crv === 'P-256' &&
      typeof j.x === 'string' &&
      typeof j.y === 'string' &&
      typeof j.kid === 'string' &&
      j.d === undefined
    );
  };
  if (!Array.isArray(list) || !list.every(ok)) {
    problems.push(
      'JWT_RETIRED_KEYS: must be a JSON array of public P-256 JWKs, each with its kid (and no private part)',
    );
    return [];
  }
  return list.map((k) => ({ kty: 'EC', crv: 'P-256', x: k.x, y: k.y, kid: k.kid, alg: 'ES256', use: 'sig' }));
}
