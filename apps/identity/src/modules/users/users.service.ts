import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  AuditEventType,
  IdentityEvents,
  Role,
  UserStatus,
  passwordProblem,
  toPage,
  type CreateUserRequest,
  type Page,
  type SetRolesRequest,
  type UpdateMeRequest,
  type UserContactView,
  type UserSearchQuery,
  type UserView,
} from '@telehealth/contracts';
import { DomainError, requireCaller, requireRole, type RequestMeta } from '@telehealth/messaging';
import { createEvent } from '@telehealth/messaging/eventing';
import { PasswordHasher } from '../../crypto/password-hasher';
import { PiiCipher } from '../../crypto/pii-cipher';
import { AuditService } from '../audit/audit.service';
import { TokenService } from '../sessions/token.service';
import { DependentsService } from '../dependents/dependents.service';
import { OrganisationsService } from '../organisations/organisations.service';
import { newUser } from './new-user';
import { normalisePhone, toContactView, toUserView } from './user.mapper';
import { assertDateOfBirth, assertTimeZone } from './user.rules';
import type { UserDoc } from './user.schema';
import { UsersRepository } from './users.repository';

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly pii: PiiCipher,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
    private readonly dependents: DependentsService,
    private readonly organisations: OrganisationsService,
  ) {}

  async getMe(meta: RequestMeta): Promise<UserView> {
    return toUserView(await this.activeCaller(meta), this.pii);
  }

  async updateMe(q: UpdateMeRequest, meta: RequestMeta): Promise<UserView> {
    const user = await this.activeCaller(meta);
    const set: Partial<UserDoc> = {};
    if (q.firstName !== undefined) set.firstName = q.firstName.trim();
    if (q.lastName !== undefined) set.lastName = q.lastName.trim();
    if (q.gender !== undefined) set.gender = q.gender;
    if (q.locale !== undefined) set.locale = q.locale;
    if (q.timeZone !== undefined) {
      assertTimeZone(q.timeZone, 'timeZone');
      set.timeZone = q.timeZone;
    }
    if (q.phone !== undefined) {
      const phone = normalisePhone(q.phone);
      set.phoneEnc = this.pii.encrypt(phone);
      set.phoneIndex = this.pii.blindIndex(phone);
    }
    if (q.dateOfBirth !== undefined) {
      assertDateOfBirth(q.dateOfBirth, 'dateOfBirth');
      set.dateOfBirthEnc = this.pii.encrypt(q.dateOfBirth);
    }
    const changedFields = Object.keys(q).filter((k) => (q as Record<string, unknown>)[k] !== undefined);
    if (!changedFields.length) return toUserView(user, this.pii);
    const event = createEvent(
      IdentityEvents.profileUpdated,
      user._id,
      { userId: user._id, changedFields },
      { producer: 'identity', correlationId: meta.requestId },
    );
    const updated = await this.users.update({ _id: user._id, status: UserStatus.ACTIVE }, { $set: set }, [event]);
    if (!updated) throw DomainError.notFound('User');
    return toUserView(updated, this.pii);
  }

  /** Right to erasure: the caller's own account, anonymised (records kept for retention). */
  async deleteMe(meta: RequestMeta): Promise<{ ok: true }> {
    const caller = requireCaller(meta);
    await this.anonymise(caller.userId, caller.userId, meta);
    return { ok: true };
  }

  async createUser(q: CreateUserRequest, meta: RequestMeta): Promise<UserView> {
    const admin = requireRole(meta, Role.ADMIN);
    const problem = passwordProblem(q.password, q.email);
    if (problem) throw DomainError.invalid('password', problem, 'WEAK_PASSWORD');
    if (q.organisationId) await this.organisations.requireExists(q.organisationId, 'organisationId');
    const id = randomUUID();
    const origin = { producer: 'identity' as const, correlationId: meta.requestId };
    const { doc, registered } = newUser(
      {
        id,
        email: q.email,
        passwordHash: await this.hasher.hash(q.password),
        firstName: q.firstName,
        lastName: q.lastName,
        roles: q.roles,
        phone: q.phone,
        organisationId: q.organisationId,
        doctorProfileId: q.roles.includes(Role.DOCTOR) ? (q.doctorProfileId ?? randomUUID()) : null,
        title: q.title,
        // The admin vouches for the address; the account holder can reset the password.
        emailVerified: true,
      },
      'ADMIN',
      this.pii,
      origin,
    );
    const staffAdded = q.organisationId
      ? [
          createEvent(
            IdentityEvents.staffAdded,
            q.organisationId,
            { organisationId: q.organisationId, userId: id, roles: q.roles, title: q.title ?? null },
            origin,
          ),
        ]
      : [];
    const user = await this.users.insert(doc, [registered, ...staffAdded]);
    const email = user.email;
    await this.audit.record({
      type: AuditEventType.USER_CREATED,
      userId: id,
      actorId: admin.userId,
      email,
      requestId: meta.requestId,
      detail: { roles: q.roles },
    });
    return toUserView(user, this.pii);
  }

  async search(q: UserSearchQuery, meta: RequestMeta): Promise<Page<UserView>> {
    requireRole(meta, Role.ADMIN);
    const { items, total } = await this.users.search(q);
    return toPage(
      items.map((u) => toUserView(u, this.pii)),
      total,
      q,
    );
  }

  async getUser(id: string, meta: RequestMeta): Promise<UserView> {
    requireRole(meta, Role.ADMIN);
    const user = await this.users.findById(id);
    if (!user) throw DomainError.notFound('User');
    return toUserView(user, this.pii);
  }

  /**
   * How to reach a user, for the notifications service. Service-to-service: a request that
   * carries an end user (the gateway forwards one) is refused unless it is an admin's.
   */
  async contact(userId: string, meta: RequestMeta, dependentId?: string): Promise<UserContactView> {
    if (meta.caller && !meta.caller.roles.includes(Role.ADMIN)) {
      throw DomainError.forbidden('Internal pattern', 'INTERNAL_ONLY');
    }
    if (typeof userId !== 'string' || !userId) throw DomainError.invalid('userId', 'must be a user id');
    const user = await this.users.findById(userId);
    if (!user) throw DomainError.notFound('User');
    const view = toContactView(user, this.pii);
    return dependentId ? { ...view, dependent: await this.dependents.factsOf(dependentId, user._id) } : view;
  }

  async setRoles(q: SetRolesRequest, meta: RequestMeta): Promise<UserView> {
    const admin = requireRole(meta, Role.ADMIN);
    if (q.userId === admin.userId && !q.roles.includes(Role.ADMIN)) {
      throw DomainError.conflict('Admins cannot remove their own ADMIN role', 'SELF_DEMOTION');
    }
    const user = await this.users.findActiveById(q.userId);
    if (!user) throw DomainError.notFound('User');
    const roles = [...new Set(q.roles)];
    const event = createEvent(
      IdentityEvents.rolesChanged,
      user._id,
      { userId: user._id, roles, previousRoles: user.roles, changedBy: admin.userId },
      { producer: 'identity', correlationId: meta.requestId },
    );
    const doctorProfileId = roles.includes(Role.DOCTOR) ? (user.doctorProfileId ?? randomUUID()) : user.doctorProfileId;
    const updated = await this.users.update(
      { _id: user._id, status: UserStatus.ACTIVE },
      { $set: { roles, doctorProfileId } },
      [event],
    );
    if (!updated) throw DomainError.notFound('User');
    await this.audit.record({
      type: AuditEventType.ROLE_CHANGED,
      userId: user._id,
      actorId: admin.userId,
      requestId: meta.requestId,
      detail: { roles, previousRoles: user.roles },
    });
    return toUserView(updated, this.pii);
  }

  async deleteUser(id: string, meta: RequestMeta): Promise<{ ok: true }> {
    const admin = requireRole(meta, Role.ADMIN);
    if (id === admin.userId) throw DomainError.conflict('Admins cannot delete their own account here', 'SELF_DELETION');
    await this.anonymise(id, admin.userId, meta);
    return { ok: true };
  }

  /**
   * Soft delete: the record stays (retention), every PII field is overwritten, sessions end,
   * dependents are anonymised, and subscribers learn through `identity.user.deleted.v1`.
   */
  private async anonymise(userId: string, actorId: string, meta: RequestMeta): Promise<void> {
    const now = new Date();
    const event = createEvent(
      IdentityEvents.userDeleted,
      userId,
      { userId, deletedBy: actorId, deletedAt: now.toISOString() },
      { producer: 'identity', correlationId: meta.requestId },
    );
    const placeholder = `deleted+${userId}@deleted.invalid`;
    const deleted = await this.users.update(
      { _id: userId, status: { $ne: UserStatus.DELETED } },
      {
        $set: {
          status: UserStatus.DELETED,
          deletedAt: now,
          deletedBy: actorId,
          email: placeholder,
          emailLower: placeholder,
          firstName: 'Deleted',
          lastName: 'User',
          phoneEnc: null,
          phoneIndex: null,
          dateOfBirthEnc: null,
          gender: null,
          passwordHash: '!',
          emailVerification: null,
          passwordReset: null,
          title: null,
        },
      },
      [event],
    );
    if (!deleted) throw DomainError.notFound('User');
    await this.tokens.revokeAllForUser(userId, 'ACCOUNT_CLOSED');
    await this.dependents.anonymiseAllOf(userId);
    await this.audit.record({ type: AuditEventType.USER_DELETED, userId, actorId, requestId: meta.requestId });
  }

  private async activeCaller(meta: RequestMeta): Promise<UserDoc> {
    const caller = requireCaller(meta);
    const user = await this.users.findActiveById(caller.userId);
    if (!user) throw DomainError.unauthenticated('Account is no longer active', 'ACCOUNT_INACTIVE');
    return user;
  }
}
