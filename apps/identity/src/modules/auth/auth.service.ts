import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  AuditEventType,
  IdentityEvents,
  Role,
  UserStatus,
  passwordProblem,
  type AuthTokens,
  type LoginRequest,
  type LogoutRequest,
  type PasswordResetConfirmRequest,
  type PasswordResetRequest,
  type RefreshRequest,
  type RegisterRequest,
  type ResendVerificationRequest,
  type UserView,
  type VerifyEmailRequest,
} from '@telehealth/contracts';
import { DomainError, FaultPoint, maybeCrash, requireCaller, type RequestMeta } from '@telehealth/messaging';
import { createEvent } from '@telehealth/messaging/eventing';
import { IdentityConfig } from '../../config/identity.config';
import { PasswordHasher } from '../../crypto/password-hasher';
import { PiiCipher } from '../../crypto/pii-cipher';
import { newNumericCode, newSecret, sha256 } from '../../crypto/secrets';
import { AuditService } from '../audit/audit.service';
import { newUser } from '../users/new-user';
import { normaliseEmail, toUserView } from '../users/user.mapper';
import type { UserDoc } from '../users/user.schema';
import { UsersRepository } from '../users/users.repository';
import { assertDateOfBirth } from '../users/user.rules';
import { TokenService } from '../sessions/token.service';
import { OneTimeClaimsRepository } from './one-time-claims.repository';

const MAX_CODE_ATTEMPTS = 5;
const INVALID_CREDENTIALS = () => DomainError.unauthenticated('Email or password is incorrect', 'INVALID_CREDENTIALS');

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly tokens: TokenService,
    private readonly hasher: PasswordHasher,
    private readonly pii: PiiCipher,
    private readonly audit: AuditService,
    private readonly config: IdentityConfig,
    private readonly claims: OneTimeClaimsRepository,
  ) {}

  /** Patient self-registration: the account, its welcome and verification events, one write. */
  async register(q: RegisterRequest, meta: RequestMeta): Promise<UserView> {
    const problem = passwordProblem(q.password, q.email);
    if (problem) throw DomainError.invalid('password', problem, 'WEAK_PASSWORD');
    assertDateOfBirth(q.dateOfBirth, 'dateOfBirth');
    const id = randomUUID();
    const code = newNumericCode();
    const codeExpiresAt = this.minutesFromNow(this.config.EMAIL_VERIFICATION_TTL_MINUTES);
    const origin = { producer: 'identity' as const, correlationId: meta.requestId };
    const { doc, registered } = newUser(
      {
        id,
        email: q.email,
        passwordHash: await this.hasher.hash(q.password),
        firstName: q.firstName,
        lastName: q.lastName,
        roles: [Role.PATIENT],
        phone: q.phone,
        dateOfBirth: q.dateOfBirth,
        gender: q.gender,
        locale: q.locale,
        timeZone: q.timeZone,
        emailVerified: false,
        emailVerification: { hash: sha256(code), expiresAt: codeExpiresAt, attempts: 0 },
      },
      'SELF',
      this.pii,
      origin,
    );
    const verification = createEvent(
      IdentityEvents.emailVerificationRequested,
      id,
      {
        userId: id,
        email: doc.email,
        firstName: doc.firstName,
        locale: doc.locale,
        code,
        expiresAt: codeExpiresAt.toISOString(),
      },
      origin,
    );
    const user = await this.users.insert(doc, [registered, verification]);
    // The state and its events are durable now; a crash here must still publish them.
    maybeCrash(this.config.FAULT_INJECTION_ENABLED, meta.fault, FaultPoint.CRASH_AFTER_WRITE);
    return toUserView(user, this.pii);
  }

  async login(q: LoginRequest, meta: RequestMeta): Promise<AuthTokens> {
    const user = await this.users.findByEmail(normaliseEmail(q.email));
    const fail = (reason: string, userId?: string) =>
      this.audit.record({
        type: AuditEventType.LOGIN_FAILED,
        userId,
        email: q.email,
        client: q.client,
        requestId: meta.requestId,
        detail: { reason },
      });
    if (!user || user.status !== UserStatus.ACTIVE) {
      await this.hasher.burn(q.password);
      await fail('UNKNOWN_OR_INACTIVE_ACCOUNT', user?._id);
      throw INVALID_CREDENTIALS();
    }
    const now = Date.now();
    if (user.lockedUntil && user.lockedUntil.getTime() > now) {
      await fail('ACCOUNT_LOCKED', user._id);
      const seconds = Math.ceil((user.lockedUntil.getTime() - now) / 1000);
      throw DomainError.rateLimited(
        'Too many failed logins; the account is locked for a while',
        seconds,
        'ACCOUNT_LOCKED',
      );
    }
    if (!(await this.hasher.verify(user.passwordHash, q.password))) {
      await this.recordFailedPassword(user, q, meta);
      throw INVALID_CREDENTIALS();
    }
    if (user.lockedUntil || (await this.audit.countLoginFailures(user._id, user.failuresResetAt ?? new Date(0))) > 0) {
      await this.users.update({ _id: user._id }, { $set: { lockedUntil: null, failuresResetAt: new Date() } });
    }
    const tokens = await this.tokens.issue(user, q.client);
    await this.audit.record({
      type: AuditEventType.LOGIN_SUCCEEDED,
      userId: user._id,
      email: user.email,
      client: q.client,
      requestId: meta.requestId,
    });
    return { ...tokens, user: toUserView(user, this.pii) };
  }

  /**
   * Locks the account after LOGIN_MAX_FAILED_ATTEMPTS wrong passwords inside the lockout window
   * since the last success or lock. Failures are counted from the audit trail: each is an
   * insert, so concurrent guesses are all counted (an `$inc` could lose some).
   */
  private async recordFailedPassword(user: UserDoc, q: LoginRequest, meta: RequestMeta): Promise<void> {
    await this.audit.record({
      type: AuditEventType.LOGIN_FAILED,
      userId: user._id,
      email: user.email,
      client: q.client,
      requestId: meta.requestId,
      detail: { reason: 'WRONG_PASSWORD' },
    });
    const windowStart = Date.now() - this.config.LOGIN_LOCKOUT_MINUTES * 60_000;
    const since = new Date(Math.max(windowStart, user.failuresResetAt?.getTime() ?? 0));
    const failures = await this.audit.countLoginFailures(user._id, since);
    if (failures < this.config.LOGIN_MAX_FAILED_ATTEMPTS) return;
    const now = new Date();
    await this.users.update(
      { _id: user._id },
      { $set: { lockedUntil: this.minutesFromNow(this.config.LOGIN_LOCKOUT_MINUTES), failuresResetAt: now } },
    );
    await this.audit.record({
      type: AuditEventType.ACCOUNT_LOCKED,
      userId: user._id,
      email: user.email,
      client: q.client,
      requestId: meta.requestId,
      detail: { failures, minutes: this.config.LOGIN_LOCKOUT_MINUTES },
    });
  }

  async refresh(q: RefreshRequest, meta: RequestMeta): Promise<AuthTokens> {
    const { user, tokens } = await this.tokens.rotate(q.refreshToken, (id) => this.users.findActiveById(id), {
      requestId: meta.requestId,
      client: q.client,
    });
    return { ...tokens, user: toUserView(user, this.pii) };
  }

  /** Revokes the presented refresh token's family, or every session when none is given. */
  async logout(q: LogoutRequest, meta: RequestMeta): Promise<{ ok: true }> {
    const caller = requireCaller(meta);
    if (q.refreshToken) await this.tokens.revokeByToken(q.refreshToken, caller.userId);
    else await this.tokens.revokeAllForUser(caller.userId, 'LOGOUT');
    await this.audit.record({
      type: AuditEventType.LOGOUT,
      userId: caller.userId,
      requestId: meta.requestId,
      detail: { allSessions: !q.refreshToken },
    });
    return { ok: true };
  }

  async verifyEmail(q: VerifyEmailRequest, meta: RequestMeta): Promise<UserView> {
    const invalid = (why: string) => DomainError.invalid('code', why, 'INVALID_CODE');
    const user = await this.users.findByEmail(normaliseEmail(q.email));
    if (!user || user.status !== UserStatus.ACTIVE) throw invalid('is invalid or has expired');
    if (user.emailVerifiedAt) return toUserView(user, this.pii);
    const pending = user.emailVerification;
    if (!pending || pending.expiresAt.getTime() < Date.now()) throw invalid('has expired; request a new code');
    if (pending.attempts >= MAX_CODE_ATTEMPTS) throw invalid('was tried too many times; request a new code');
    if (sha256(q.code) !== pending.hash) {
      await this.users.update(
        { _id: user._id, 'emailVerification.hash': pending.hash },
        { $inc: { 'emailVerification.attempts': 1 } },
      );
      throw invalid('is invalid or has expired');
    }
    const event = createEvent(
      IdentityEvents.emailVerified,
      user._id,
      { userId: user._id, email: user.email },
      { producer: 'identity', correlationId: meta.requestId },
    );
    const verified = await this.users.update(
      { _id: user._id, 'emailVerification.hash': pending.hash },
      { $set: { emailVerifiedAt: new Date(), emailVerification: null } },
      [event],
    );
    if (!verified) {
      // A concurrent request with the same code got there first: the email is verified.
      const current = await this.users.findById(user._id);
      if (current?.emailVerifiedAt) return toUserView(current, this.pii);
      throw invalid('is invalid or has expired');
    }
    await this.audit.record({
      type: AuditEventType.EMAIL_VERIFIED,
      userId: user._id,
      email: user.email,
      requestId: meta.requestId,
    });
    return toUserView(verified, this.pii);
  }

  /** Sends a fresh code to an unverified account. Answers the same whether or not it exists. */
  async resendVerification(q: ResendVerificationRequest, meta: RequestMeta): Promise<{ ok: true }> {
    const user = await this.users.findByEmail(normaliseEmail(q.email));
    if (user && user.status === UserStatus.ACTIVE && !user.emailVerifiedAt) {
      const code = newNumericCode();
      const expiresAt = this.minutesFromNow(this.config.EMAIL_VERIFICATION_TTL_MINUTES);
      const event = createEvent(
        IdentityEvents.emailVerificationRequested,
        user._id,
        {
          userId: user._id,
          email: user.email,
          firstName: user.firstName,
          locale: user.locale,
          code,
          expiresAt: expiresAt.toISOString(),
        },
        { producer: 'identity', correlationId: meta.requestId },
      );
      await this.users.update(
        { _id: user._id, emailVerifiedAt: null },
        { $set: { emailVerification: { hash: sha256(code), expiresAt, attempts: 0 } } },
        [event],
      );
    }
    return { ok: true };
  }

  /** Starts a reset. Answers the same whether or not the email exists (no enumeration). */
  async requestPasswordReset(q: PasswordResetRequest, meta: RequestMeta): Promise<{ ok: true }> {
    const user = await this.users.findByEmail(normaliseEmail(q.email));
    if (user && user.status === UserStatus.ACTIVE) {
      const token = newSecret();
      const expiresAt = this.minutesFromNow(this.config.PASSWORD_RESET_TTL_MINUTES);
      const event = createEvent(
        IdentityEvents.passwordResetRequested,
        user._id,
        {
          userId: user._id,
          email: user.email,
          firstName: user.firstName,
          locale: user.locale,
          token,
          expiresAt: expiresAt.toISOString(),
        },
        { producer: 'identity', correlationId: meta.requestId },
      );
      await this.users.update(
        { _id: user._id },
        { $set: { passwordReset: { hash: sha256(token), expiresAt, attempts: 0 } } },
        [event],
      );
      await this.audit.record({
        type: AuditEventType.PASSWORD_RESET_REQUESTED,
        userId: user._id,
        email: user.email,
        requestId: meta.requestId,
      });
    }
    return { ok: true };
  }

  /** Sets the new password with a one-time token and signs the user out everywhere. */
  async confirmPasswordReset(q: PasswordResetConfirmRequest, meta: RequestMeta): Promise<{ ok: true }> {
    const hash = sha256(q.token);
    const user = await this.users.findOneByResetHash(hash);
    if (!user || !user.passwordReset || user.passwordReset.expiresAt.getTime() < Date.now()) {
      throw DomainError.invalid('token', 'is invalid or has expired', 'INVALID_TOKEN');
    }
    const problem = passwordProblem(q.newPassword, user.email);
    if (problem) throw DomainError.invalid('newPassword', problem, 'WEAK_PASSWORD');
    // One use only, even when two confirmations race.
    if (!(await this.claims.claim(`password-reset:${hash}`)))
      throw DomainError.invalid('token', 'is invalid or has expired', 'INVALID_TOKEN');
    const event = createEvent(
      IdentityEvents.passwordResetCompleted,
      user._id,
      { userId: user._id, email: user.email },
      { producer: 'identity', correlationId: meta.requestId },
    );
    const updated = await this.users.update(
      { _id: user._id, 'passwordReset.hash': hash, status: UserStatus.ACTIVE },
      {
        $set: {
          passwordHash: await this.hasher.hash(q.newPassword),
          passwordReset: null,
          lockedUntil: null,
          failuresResetAt: new Date(),
        },
      },
      [event],
    );
    if (!updated) throw DomainError.invalid('token', 'is invalid or has expired', 'INVALID_TOKEN');
    await this.tokens.revokeAllForUser(user._id, 'PASSWORD_RESET');
    await this.audit.record({
      type: AuditEventType.PASSWORD_RESET_COMPLETED,
      userId: user._id,
      email: user.email,
      requestId: meta.requestId,
    });
    return { ok: true };
  }

  private minutesFromNow(minutes: number): Date {
    return new Date(Date.now() + minutes * 60_000);
  }
}
