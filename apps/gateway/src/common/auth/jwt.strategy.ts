import { Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { JwtConfig } from '@telehealth/config';
import type { Caller, Role } from '@telehealth/contracts';
import { TokenDenylist } from './token-denylist';

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
 * Verifies access tokens: HS256 only (an `alg: none` or RS/HS confusion token is refused),
 * issuer and audience checked, expiry enforced, and tokens revoked at logout refused.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    jwt: JwtConfig,
    private readonly denylist: TokenDenylist,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromExtractors([ExtractJwt.fromAuthHeaderAsBearerToken(), streamQueryToken]),
      secretOrKey: jwt.JWT_SECRET,
      algorithms: ['HS256'],
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
