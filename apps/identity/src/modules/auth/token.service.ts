import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { JwtConfig } from '@telehealth/config';
import { AuditEventType, type AuthTokens, type ClientContext } from '@telehealth/contracts';
import { DomainError } from '@telehealth/messaging';
import { IdentityConfig } from '../../config/identity.config';
import { newSecret, sameHash, sha256 } from '../../crypto/secrets';
import { AuditService } from '../audit/audit.service';
import type { UserDoc } from '../users/user.schema';
import { REFRESH_TOKEN_MODEL, RefreshTokenStatus, type RefreshTokenDoc } from './refresh-token.schema';

/** Claims of an access token. The gateway verifies them (alg, iss, aud, exp). */
export interface AccessClaims {
  sub: string;
  roles: string[];
  orgs: string[];
  dpid?: string;
  typ: 'access';
}

/** Issues access tokens (JWT) and rotating refresh tokens with family revocation. */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly jwtConfig: JwtConfig,
    private readonly config: IdentityConfig,
    private readonly audit: AuditService,
    @InjectModel(REFRESH_TOKEN_MODEL) private readonly tokens: Model<RefreshTokenDoc>,
  ) {}

  /** A new session: a new refresh-token family. */
  issue(user: UserDoc, client?: ClientContext): Promise<Omit<AuthTokens, 'user'>> {
    return this.issueInFamily(user, randomUUID(), client);
  }

  private async issueInFamily(user: UserDoc, familyId: string, client?: ClientContext): Promise<Omit<AuthTokens, 'user'>> {
    const now = Date.now();
    const claims: AccessClaims = {
      sub: user._id,
      roles: user.roles,
      orgs: user.organisationIds,
      ...(user.doctorProfileId && { dpid: user.doctorProfileId }),
      typ: 'access',
    };
    const accessToken = await this.jwt.signAsync(claims, { jwtid: randomUUID() });
    const id = randomUUID();
    const secret = newSecret();
    const expiresAt = new Date(now + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000);
    await this.tokens.create({
      _id: id,
      familyId,
      userId: user._id,
      secretHash: sha256(secret),
      status: RefreshTokenStatus.ACTIVE,
      expiresAt,
      createdAt: new Date(now),
      ip: client?.ip ?? null,
      userAgent: client?.userAgent?.slice(0, 300) ?? null,
    });
    return {
      tokenType: 'Bearer',
      accessToken,
      accessTokenExpiresAt: new Date(now + this.jwtConfig.ACCESS_TOKEN_TTL_SECONDS * 1000).toISOString(),
      refreshToken: `${id}.${secret}`,
      refreshTokenExpiresAt: expiresAt.toISOString(),
    };
  }

  /**
   * Exchanges a refresh token for a new pair. The old one becomes ROTATED in one conditional
   * write, so of two concurrent uses only one succeeds; presenting a ROTATED token again is
   * treated as theft and revokes the whole family (the newest token stops working too).
   */
  async rotate(
    refreshToken: string,
    loadUser: (id: string) => Promise<UserDoc | null>,
    meta: { requestId: string; client?: ClientContext },
  ): Promise<{ user: UserDoc; tokens: Omit<AuthTokens, 'user'> }> {
    const { id, secret } = parseRefreshToken(refreshToken);
    const now = new Date();
    const current = await this.tokens.findOneAndUpdate(
      { _id: id, secretHash: sha256(secret), status: RefreshTokenStatus.ACTIVE, expiresAt: { $gt: now } },
      { $set: { status: RefreshTokenStatus.ROTATED, rotatedAt: now } },
    );
    if (!current) {
      const known = await this.tokens.findById(id).lean<RefreshTokenDoc>();
      if (known && sameHash(known.secretHash, sha256(secret)) && known.status === RefreshTokenStatus.ROTATED) {
        await this.revokeFamily(known.familyId);
        await this.audit.record({
          type: AuditEventType.REFRESH_TOKEN_REUSED,
          userId: known.userId,
          client: meta.client,
          requestId: meta.requestId,
          detail: { familyId: known.familyId },
        });
        throw DomainError.unauthenticated('Refresh token was already used; all sessions of this login were revoked', 'REFRESH_TOKEN_REUSED');
      }
      throw DomainError.unauthenticated('Refresh token is invalid, expired or revoked', 'INVALID_REFRESH_TOKEN');
    }
    const user = await loadUser(current.userId);
    if (!user) {
      await this.revokeFamily(current.familyId);
      throw DomainError.unauthenticated('Account is no longer active', 'ACCOUNT_INACTIVE');
    }
    return { user, tokens: await this.issueInFamily(user, current.familyId, meta.client) };
  }

  /** Revokes the family a token belongs to, if it is the user's. Returns false otherwise. */
  async revokeByToken(refreshToken: string, userId: string): Promise<boolean> {
    const { id, secret } = parseRefreshToken(refreshToken);
    const known = await this.tokens.findOne({ _id: id, userId }).lean<RefreshTokenDoc>();
    if (!known || !sameHash(known.secretHash, sha256(secret))) return false;
    await this.revokeFamily(known.familyId);
    return true;
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.tokens.updateMany({ familyId, status: { $ne: RefreshTokenStatus.REVOKED } }, { $set: { status: RefreshTokenStatus.REVOKED } });
  }

  async revokeAllForUser(userId: string): Promise<void> {
    await this.tokens.updateMany({ userId, status: { $ne: RefreshTokenStatus.REVOKED } }, { $set: { status: RefreshTokenStatus.REVOKED } });
  }
}

function parseRefreshToken(token: string): { id: string; secret: string } {
  const [id, secret, extra] = token.split('.');
  if (!id || !secret || extra !== undefined) {
    throw DomainError.unauthenticated('Refresh token is malformed', 'INVALID_REFRESH_TOKEN');
  }
  return { id, secret };
}
