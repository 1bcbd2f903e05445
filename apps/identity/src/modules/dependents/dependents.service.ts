import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  EnrollmentStatus,
  IdentityEvents,
  Role,
  toPage,
  type CreateDependentRequest,
  type DependentView,
  type Page,
  type PageQuery,
  type UpdateDependentRequest,
} from '@telehealth/contracts';
import { DomainError, requireCaller, requireRole, type RequestMeta } from '@telehealth/messaging';
import { createEvent } from '@telehealth/messaging/eventing';
import { PiiCipher } from '../../crypto/pii-cipher';
import { assertDateOfBirth } from '../users/user.rules';
import type { DependentDoc } from './dependent.schema';
import { DependentsRepository } from './dependents.repository';

/** Most dependents one primary patient may enrol. */
export const MAX_DEPENDENTS = 20;

/** Dependents are visible only to their primary patient (and admins): others get 404. */
@Injectable()
export class DependentsService {
  constructor(
    private readonly dependents: DependentsRepository,
    private readonly pii: PiiCipher,
  ) {}

  async list(q: PageQuery, meta: RequestMeta): Promise<Page<DependentView>> {
    return this.listOf(requireCaller(meta).userId, q);
  }

  async listForAdmin(userId: string, q: PageQuery, meta: RequestMeta): Promise<Page<DependentView>> {
    requireRole(meta, Role.ADMIN);
    return this.listOf(userId, q);
  }

  private async listOf(primaryUserId: string, q: PageQuery): Promise<Page<DependentView>> {
    const { items, total } = await this.dependents.pageOf(primaryUserId, q);
    return toPage(
      items.map((d) => this.view(d)),
      total,
      q,
    );
  }

  async create(q: CreateDependentRequest, meta: RequestMeta): Promise<DependentView> {
    const caller = requireRole(meta, Role.PATIENT);
    assertDateOfBirth(q.dateOfBirth, 'dateOfBirth');
    if ((await this.dependents.countOf(caller.userId)) >= MAX_DEPENDENTS) {
      throw DomainError.conflict(`At most ${MAX_DEPENDENTS} dependents per account`, 'TOO_MANY_DEPENDENTS');
    }
    const id = randomUUID();
    const event = createEvent(
      IdentityEvents.dependentAdded,
      id,
      { dependentId: id, primaryUserId: caller.userId, relationship: q.relationship },
      { producer: 'identity', correlationId: meta.requestId },
    );
    const doc = await this.dependents.insert(
      {
        _id: id,
        primaryUserId: caller.userId,
        firstName: q.firstName.trim(),
        lastName: q.lastName.trim(),
        relationship: q.relationship,
        dateOfBirthEnc: this.pii.encrypt(q.dateOfBirth),
        gender: q.gender ?? null,
        enrollmentStatus: EnrollmentStatus.ACTIVE,
        deletedAt: null,
      },
      [event],
    );
    return this.view(doc);
  }

  async get(id: string, meta: RequestMeta): Promise<DependentView> {
    return this.view(await this.owned(id, meta));
  }

  async update(q: UpdateDependentRequest, meta: RequestMeta): Promise<DependentView> {
    const current = await this.owned(q.id, meta);
    const set: Partial<DependentDoc> = {};
    if (q.firstName !== undefined) set.firstName = q.firstName.trim();
    if (q.lastName !== undefined) set.lastName = q.lastName.trim();
    if (q.relationship !== undefined) set.relationship = q.relationship;
    if (q.gender !== undefined) set.gender = q.gender;
    if (q.enrollmentStatus !== undefined) set.enrollmentStatus = q.enrollmentStatus;
    if (q.dateOfBirth !== undefined) {
      assertDateOfBirth(q.dateOfBirth, 'dateOfBirth');
      set.dateOfBirthEnc = this.pii.encrypt(q.dateOfBirth);
    }
    // Public field names, never storage names (dateOfBirth, not dateOfBirthEnc).
    const changedFields = Object.keys(q).filter(
      (k) => k !== 'id' && (q as unknown as Record<string, unknown>)[k] !== undefined,
    );
    const event = createEvent(
      IdentityEvents.dependentUpdated,
      current._id,
      { dependentId: current._id, primaryUserId: current.primaryUserId, changedFields },
      { producer: 'identity', correlationId: meta.requestId },
    );
    const updated = await this.dependents.update(current._id, { $set: set }, changedFields.length ? [event] : []);
    if (!updated) throw DomainError.notFound('Dependent');
    return this.view(updated);
  }

  /** Soft delete (medical and cover history may refer to the dependent). */
  async remove(id: string, meta: RequestMeta): Promise<{ ok: true }> {
    const current = await this.owned(id, meta);
    const event = createEvent(
      IdentityEvents.dependentRemoved,
      current._id,
      { dependentId: current._id, primaryUserId: current.primaryUserId },
      { producer: 'identity', correlationId: meta.requestId },
    );
    if (!(await this.dependents.remove(current._id, [event]))) throw DomainError.notFound('Dependent');
    return { ok: true };
  }

  /** When the primary account is erased, its dependents' PII goes too. */
  async anonymiseAllOf(primaryUserId: string): Promise<void> {
    await this.dependents.anonymiseAllOf(primaryUserId);
  }

  private async owned(id: string, meta: RequestMeta): Promise<DependentDoc> {
    const caller = requireCaller(meta);
    // Someone else's dependent is indistinguishable from a missing one.
    const doc = await this.dependents.findActive(id, caller.roles.includes(Role.ADMIN) ? null : caller.userId);
    if (!doc) throw DomainError.notFound('Dependent');
    return doc;
  }

  private view(d: DependentDoc): DependentView {
    return {
      id: d._id,
      primaryUserId: d.primaryUserId,
      firstName: d.firstName,
      lastName: d.lastName,
      relationship: d.relationship,
      dateOfBirth: this.pii.decrypt(d.dateOfBirthEnc) ?? '',
      gender: d.gender,
      enrollmentStatus: d.enrollmentStatus,
      createdAt: d.createdAt.toISOString(),
      updatedAt: d.updatedAt.toISOString(),
    };
  }
}
