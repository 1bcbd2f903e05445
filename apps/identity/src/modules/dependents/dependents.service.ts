import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
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
import { findPage } from '@telehealth/persistence';
import { OutboxRelay, createEvent, outboxOnInsert, withEvents } from '@telehealth/messaging/eventing';
import { PiiCipher } from '../../crypto/pii-cipher';
import { assertDateOfBirth } from '../users/user.rules';
import { DEPENDENT_MODEL, type DependentDoc } from './dependent.schema';

/** Most dependents one primary patient may enrol. */
export const MAX_DEPENDENTS = 20;

/** Dependents are visible only to their primary patient (and admins): others get 404. */
@Injectable()
export class DependentsService {
  constructor(
    @InjectModel(DEPENDENT_MODEL) private readonly dependents: Model<DependentDoc>,
    private readonly pii: PiiCipher,
    private readonly relay: OutboxRelay,
  ) {}

  async list(q: PageQuery, meta: RequestMeta): Promise<Page<DependentView>> {
    return this.listOf(requireCaller(meta).userId, q);
  }

  async listForAdmin(userId: string, q: PageQuery, meta: RequestMeta): Promise<Page<DependentView>> {
    requireRole(meta, Role.ADMIN);
    return this.listOf(userId, q);
  }

  private async listOf(primaryUserId: string, q: PageQuery): Promise<Page<DependentView>> {
    const filter = { primaryUserId, deletedAt: null };
    const { items, total } = await findPage(this.dependents, filter, { createdAt: -1, _id: 1 }, q);
    return toPage(
      items.map((d) => this.view(d)),
      total,
      q,
    );
  }

  async create(q: CreateDependentRequest, meta: RequestMeta): Promise<DependentView> {
    const caller = requireRole(meta, Role.PATIENT);
    assertDateOfBirth(q.dateOfBirth, 'dateOfBirth');
    if ((await this.dependents.countDocuments({ primaryUserId: caller.userId, deletedAt: null })) >= MAX_DEPENDENTS) {
      throw DomainError.conflict(`At most ${MAX_DEPENDENTS} dependents per account`, 'TOO_MANY_DEPENDENTS');
    }
    const id = randomUUID();
    const event = createEvent(
      IdentityEvents.dependentAdded,
      id,
      { dependentId: id, primaryUserId: caller.userId, relationship: q.relationship },
      { producer: 'identity', correlationId: meta.requestId },
    );
    const doc = await this.dependents.create({
      _id: id,
      primaryUserId: caller.userId,
      firstName: q.firstName.trim(),
      lastName: q.lastName.trim(),
      relationship: q.relationship,
      dateOfBirthEnc: this.pii.encrypt(q.dateOfBirth),
      gender: q.gender ?? null,
      enrollmentStatus: EnrollmentStatus.ACTIVE,
      deletedAt: null,
      ...outboxOnInsert([event]),
    });
    this.relay.kick();
    return this.view(doc.toObject());
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
    const updated = await this.dependents
      .findOneAndUpdate(
        { _id: current._id, deletedAt: null },
        withEvents<DependentDoc>({ $set: set }, changedFields.length ? [event] : []),
        { new: true },
      )
      .lean<DependentDoc>();
    if (!updated) throw DomainError.notFound('Dependent');
    this.relay.kick();
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
    const removed = await this.dependents.updateOne(
      { _id: current._id, deletedAt: null },
      withEvents<DependentDoc>({ $set: { deletedAt: new Date(), enrollmentStatus: EnrollmentStatus.INACTIVE } }, [
        event,
      ]),
    );
    if (!removed.modifiedCount) throw DomainError.notFound('Dependent');
    this.relay.kick();
    return { ok: true };
  }

  /** When the primary account is erased, its dependents' PII goes too. */
  async anonymiseAllOf(primaryUserId: string): Promise<void> {
    await this.dependents.updateMany(
      { primaryUserId },
      {
        $set: {
          firstName: 'Deleted',
          lastName: 'Dependent',
          dateOfBirthEnc: null,
          gender: null,
          enrollmentStatus: EnrollmentStatus.INACTIVE,
          deletedAt: new Date(),
        },
      },
    );
  }

  private async owned(id: string, meta: RequestMeta): Promise<DependentDoc> {
    const caller = requireCaller(meta);
    const doc = await this.dependents.findOne({ _id: id, deletedAt: null }).lean<DependentDoc>();
    // Someone else's dependent is indistinguishable from a missing one.
    if (!doc || (doc.primaryUserId !== caller.userId && !caller.roles.includes(Role.ADMIN)))
      throw DomainError.notFound('Dependent');
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
