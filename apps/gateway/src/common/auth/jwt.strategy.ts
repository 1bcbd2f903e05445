import { Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { JwtConfig } from '@telehealth/config';
import type { Caller, Role } from '@telehealth/contracts';
import { AccessTokenKeys } from './access-token-keys';
import { TokenDenylist } from './token-denylist';

/** The `kid` of a token's header, without trusting anything else in it (the signature is checked next). */
function kidOf(rawJwt: string): string | undefined {
  try {
    const header = JSON.parse(Buffer.from(rawJwt.split('.')[0] ?? '', 'base64url').toString('utf8')) as {
      kid?: unknown;
    };
    return typeof header.kid === 'string' ? header.kid : undefined;
  } catch {
    return undefined;
  }
}

interface AccessClaims {
  sub: string;
  roles: Role[];
  orgs?: string[];
  dpid?: string;
  typ?: string;
  jti?: string;
  exp?: number;
}

export type AuthenticatedCaller = Caller & { jti?: string; exp?: number };

/**
 * The event stream alone also takes the token as `?access_token=`: a browser's EventSource
 * cannot send an Authorization header. Nowhere else, so tokens stay out of other URLs.
 */
const STREAM_PATH = '/v1/stream';
const streamQueryToken = (req: { url?: string; query?: unknown }): string | null => {
  if (req.url?.split('?')[0] !== STREAM_PATH) return null;
  const token = (req.query as Record<string, unknown> | undefined)?.access_token;
  return typeof token === 'string' ? token : null;
};

/**
 * Verifies access tokens with identity's public keys (the `kid` picks one): ES256 only (an
 * `alg: none` token, or an HS256 one keyed with a public key, is refused), issuer and audience
 * checked, expiry enforced, and tokens revoked at logout refused.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    jwt: JwtConfig,
    keys: AccessTokenKeys,
    private readonly denylist: TokenDenylist,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromExtractors([ExtractJwt.fromAuthHeaderAsBearerToken(), streamQueryToken]),
      secretOrKeyProvider: (_req: unknown, rawJwt: string, done: (err: Error | null, key?: string) => void) => {
        keys
          .pemFor(kidOf(rawJwt))
          .then((pem) => (pem ? done(null, pem) : done(new UnauthorizedException('Unknown signing key'))))
          .catch((err: Error) => done(err));
      },
      algorithms: ['ES256'],
      issuer: jwt.JWT_ISSUER,
      audience: jwt.JWT_AUDIENCE,
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessClaims): Promise<AuthenticatedCaller> {
    if (claims.typ !== 'access' || !claims.sub || !Array.isArray(claims.roles))
      throw new UnauthorizedException('Not an access token');
    if (claims.jti && (await this.denylist.isRevoked(claims.jti)))
      throw new UnauthorizedException('Access token was revoked');
    return {
      userId: claims.sub,
      roles: claims.roles,
      organisationIds: claims.orgs ?? [],
      doctorProfileId: claims.dpid,
      jti: claims.jti,
      exp: claims.exp,
    };
  }
}
