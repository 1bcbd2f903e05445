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
  type UserContactView,
} from '@telehealth/contracts';
import { DomainError, requireCaller, requireRole, type RequestMeta } from '@telehealth/messaging';
import { createEvent } from '@telehealth/messaging/eventing';
import { PiiCipher } from '../../crypto/pii-cipher';
import { assertDateOfBirth } from '../users/user.rules';
import type { DependentDoc } from './dependent.schema';
import { DependentPlacesRepository } from './dependent-places.repository';
import { DependentsRepository } from './dependents.repository';

/** Most dependents one primary patient may enrol. */
export const MAX_DEPENDENTS = 20;
/** How long a place may wait for its dependent's insert before it counts as left behind. */
const PLACE_GRACE_MS = 5 * 60_000;

/** Dependents are visible only to their primary patient (and admins): others get 404. */
@Injectable()
export class DependentsService {
  constructor(
    private readonly dependents: DependentsRepository,
    private readonly places: DependentPlacesRepository,
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
    const id = randomUUID();
    // The limit is a numbered place per dependent, so racing enrolments cannot overshoot it.
    const placeId = await this.claimPlace(caller.userId, id);
    if (!placeId) throw DomainError.conflict(`At most ${MAX_DEPENDENTS} dependents per account`, 'TOO_MANY_DEPENDENTS');
    const event = createEvent(
      IdentityEvents.dependentAdded,
      id,
      { dependentId: id, primaryUserId: caller.userId, relationship: q.relationship },
      { producer: 'identity', correlationId: meta.requestId },
    );
    const doc = await this.dependents
      .insert(
        {
          _id: id,
          primaryUserId: caller.userId,
          firstName: q.firstName.trim(),
          lastName: q.lastName.trim(),
          relationship: q.relationship,
          dateOfBirthEnc: this.pii.encrypt(q.dateOfBirth),
          gender: q.gender ?? null,
          enrollmentStatus: EnrollmentStatus.ACTIVE,
          placeId,
          deletedAt: null,
        },
        [event],
      )
      .catch(async (err: unknown) => {
        await this.places.release(placeId, id);
        throw err;
      });
    return this.view(doc);
  }

  /**
   * A place for a new dependent: below MAX_DEPENDENTS less those enrolled before places existed
   * (they hold none, and no new ones appear). When all are taken, places left behind by a process
   * that stopped mid-way are freed and one more try is made: a removed dependent's, and one whose
   * dependent was never written after PLACE_GRACE_MS (a younger one may be an enrolment in flight).
   */
  private async claimPlace(primaryUserId: string, dependentId: string): Promise<string | null> {
    const capacity = MAX_DEPENDENTS - (await this.dependents.countUnplaced(primaryUserId));
    if (capacity <= 0) return null;
    const placeId = await this.places.claim(primaryUserId, dependentId, capacity);
    if (placeId) return placeId;
    const held = await this.places.heldUnder(primaryUserId, capacity);
    const existing = await this.dependents.existingAmong(held.map((p) => p.dependentId));
    const staleBefore = Date.now() - PLACE_GRACE_MS;
    const orphans = held.filter((p) => {
      const d = existing.get(p.dependentId);
      return d ? d.removed : p.claimedAt.getTime() < staleBefore;
    });
    if (!orphans.length) return null;
    await Promise.all(orphans.map((p) => this.places.release(p._id, p.dependentId)));
    return this.places.claim(primaryUserId, dependentId, capacity);
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
    await this.places.release(current.placeId, current._id);
    return { ok: true };
  }

  /** When the primary account is erased, its dependents' PII goes too. */
  async anonymiseAllOf(primaryUserId: string): Promise<void> {
    await this.dependents.anonymiseAllOf(primaryUserId);
    await this.places.releaseAllOf(primaryUserId, MAX_DEPENDENTS);
  }

  /** Who a user's dependent is (service-to-service: a prescription's patient), or null when not theirs. */
  async factsOf(id: string, primaryUserId: string): Promise<UserContactView['dependent']> {
    const d = typeof id === 'string' && id ? await this.dependents.findActive(id, primaryUserId) : null;
    if (!d) return null;
    return {
      id: d._id,
      firstName: d.firstName,
      lastName: d.lastName,
      dateOfBirth: this.pii.decrypt(d.dateOfBirthEnc),
      gender: d.gender ?? null,
    };
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
