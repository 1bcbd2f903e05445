import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { JwtConfig } from '@telehealth/config';
import { AuditEventType, type AuthTokens, type ClientContext } from '@telehealth/contracts';
import { DomainError } from '@telehealth/messaging';
import { IdentityConfig } from '../../config/identity.config';
import { newSecret, sameHash, sha256 } from '../../crypto/secrets';
import { AuditService } from '../audit/audit.service';
import type { UserDoc } from '../users/user.schema';
import type { RefreshTokenDoc, RevokedFamilyDoc } from './refresh-token.schema';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { RevokedSessionsRepository } from './revoked-sessions.repository';

/** Claims of an access token. The gateway verifies them (alg, iss, aud, exp). */
export interface AccessClaims {
  sub: string;
  roles: string[];
  orgs: string[];
  dpid?: string;
  typ: 'access';
}

type Tokens = Omit<AuthTokens, 'user'>;
const invalid = () =>
  DomainError.unauthenticated('Refresh token is invalid, expired or revoked', 'INVALID_REFRESH_TOKEN');

/** Issues access tokens (JWT) and rotating refresh tokens with family revocation. */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly jwtConfig: JwtConfig,
    private readonly config: IdentityConfig,
    private readonly audit: AuditService,
    private readonly tokens: RefreshTokensRepository,
    private readonly revoked: RevokedSessionsRepository,
  ) {}

  /** A new session: a new refresh-token family. */
  async issue(user: UserDoc, client?: ClientContext): Promise<Tokens> {
    const familyId = randomUUID();
    const tokens = await this.issueInFamily(user, familyId, `root:${familyId}`, client);
    if (!tokens) throw new Error(`refresh-token family ${familyId} already had a root`); // a fresh UUID
    return tokens;
  }

  /** A pair whose refresh token succeeds `parentId`; null when `parentId` already has a successor. */
  private async issueInFamily(
    user: UserDoc,
    familyId: string,
    parentId: string,
    client?: ClientContext,
  ): Promise<Tokens | null> {
    const now = Date.now();
    const claims: AccessClaims = {
      sub: user._id,
      roles: user.roles,
      orgs: user.organisationIds,
      ...(user.doctorProfileId && { dpid: user.doctorProfileId }),
      typ: 'access',
    };
    const id = randomUUID();
    const secret = newSecret();
    const expiresAt = new Date(now + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000);
    // One successor per token: the unique `parentId` claim decides between concurrent rotations.
    const claimed = await this.tokens.insertSuccessor({
      _id: id,
      familyId,
      parentId,
      userId: user._id,
      secretHash: sha256(secret),
      expiresAt,
      createdAt: new Date(now),
      ip: client?.ip ?? null,
      userAgent: client?.userAgent?.slice(0, 300) ?? null,
    });
    if (!claimed) return null;
    return {
      tokenType: 'Bearer',
      accessToken: await this.jwt.signAsync(claims, { jwtid: randomUUID() }),
      accessTokenExpiresAt: new Date(now + this.jwtConfig.ACCESS_TOKEN_TTL_SECONDS * 1000).toISOString(),
      refreshToken: `${id}.${secret}`,
      refreshTokenExpiresAt: expiresAt.toISOString(),
    };
  }

  /**
   * Exchanges a refresh token for a new pair. A token can have one successor (unique
   * `parentId`), so of concurrent uses exactly one wins; presenting a token that already has
   * a successor is treated as theft and revokes the whole family (the newest token too).
   */
  async rotate(
    refreshToken: string,
    loadUser: (id: string) => Promise<UserDoc | null>,
    meta: { requestId: string; client?: ClientContext },
  ): Promise<{ user: UserDoc; tokens: Tokens }> {
    const current = await this.verified(refreshToken);
    if (!current || current.expiresAt.getTime() < Date.now()) throw invalid();
    if (await this.revoked.isRevoked(current.familyId)) throw invalid();
    const user = await loadUser(current.userId);
    if (!user) {
      await this.revokeFamily(current.familyId, current.userId, 'ACCOUNT_INACTIVE');
      throw DomainError.unauthenticated('Account is no longer active', 'ACCOUNT_INACTIVE');
    }
    const tokens = await this.issueInFamily(user, current.familyId, current._id, meta.client);
    if (tokens) return { user, tokens };
    await this.revokeFamily(current.familyId, current.userId, 'REUSE');
    await this.audit.record({
      type: AuditEventType.REFRESH_TOKEN_REUSED,
      userId: current.userId,
      client: meta.client,
      requestId: meta.requestId,
      detail: { familyId: current.familyId },
    });
    throw DomainError.unauthenticated(
      'Refresh token was already used; every token of this session was revoked',
      'REFRESH_TOKEN_REUSED',
    );
  }

  /** Revokes the family a token belongs to, if it is the user's. Returns false otherwise. */
  async revokeByToken(refreshToken: string, userId: string): Promise<boolean> {
    const token = await this.verified(refreshToken);
    if (!token || token.userId !== userId) return false;
    await this.revokeFamily(token.familyId, userId, 'LOGOUT');
    return true;
  }

  async revokeFamily(familyId: string, userId: string, reason: RevokedFamilyDoc['reason']): Promise<void> {
    await this.revoked.revokeOnce({ _id: familyId, userId, reason, revokedAt: new Date() }); // once: the first reason stays
  }

  async revokeAllForUser(userId: string, reason: RevokedFamilyDoc['reason']): Promise<void> {
    const families = await this.tokens.familiesOf(userId);
    for (const familyId of families) await this.revokeFamily(familyId, userId, reason);
  }

  private async verified(refreshToken: string): Promise<RefreshTokenDoc | null> {
    const [id, secret, extra] = refreshToken.split('.');
    if (!id || !secret || extra !== undefined)
      throw DomainError.unauthenticated('Refresh token is malformed', 'INVALID_REFRESH_TOKEN');
    const token = await this.tokens.findById(id);
    return token && sameHash(token.secretHash, sha256(secret)) ? token : null;
  }
}
