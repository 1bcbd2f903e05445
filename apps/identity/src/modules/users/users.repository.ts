import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model, UpdateQuery } from 'mongoose';
import { UserStatus, type PageQuery, type UserSearchQuery } from '@telehealth/contracts';
import { DomainError } from '@telehealth/messaging';
import { findPage, insertUnique } from '@telehealth/persistence';
import { OutboxRelay, outboxOnInsert, withEvents } from '@telehealth/messaging/eventing';
import type { EventEnvelope } from '@telehealth/contracts';
import { USER_MODEL, type UserDoc } from './user.schema';

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** User queries. Writes that others care about carry their events into the outbox. */
@Injectable()
export class UsersRepository {
  constructor(
    @InjectModel(USER_MODEL) private readonly users: Model<UserDoc>,
    private readonly relay: OutboxRelay,
  ) {}

  /** Inserts a user with its events; a taken email (any case) is a 409. */
  async insert(
    doc: Omit<UserDoc, 'createdAt' | 'updatedAt' | 'outbox' | 'outboxAt'>,
    events: EventEnvelope[],
  ): Promise<UserDoc> {
    const created = await insertUnique(this.users, { ...doc, ...outboxOnInsert(events) });
    if (!created) throw DomainError.conflict('An account with this email already exists', 'EMAIL_TAKEN');
    if (events.length) this.relay.kick();
    return created;
  }

  findById(id: string): Promise<UserDoc | null> {
    return this.users.findById(id).lean<UserDoc>();
  }

  findActiveById(id: string): Promise<UserDoc | null> {
    return this.users.findOne({ _id: id, status: UserStatus.ACTIVE }).lean<UserDoc>();
  }

  findByEmail(emailLower: string): Promise<UserDoc | null> {
    return this.users.findOne({ emailLower }).lean<UserDoc>();
  }

  findOneByResetHash(hash: string): Promise<UserDoc | null> {
    return this.users.findOne({ 'passwordReset.hash': hash, status: UserStatus.ACTIVE }).lean<UserDoc>();
  }

  /**
   * Applies an update (with its events, in the same single-document write) when `filter`
   * still matches; returns the updated user or null.
   */
  async update(
    filter: FilterQuery<UserDoc>,
    update: UpdateQuery<UserDoc>,
    events: EventEnvelope[] = [],
  ): Promise<UserDoc | null> {
    const doc = await this.users.findOneAndUpdate(filter, withEvents(update, events), { new: true }).lean<UserDoc>();
    if (doc && events.length) this.relay.kick();
    return doc;
  }

  async search(q: UserSearchQuery): Promise<{ items: UserDoc[]; total: number }> {
    const filter: FilterQuery<UserDoc> = { status: q.status ?? { $ne: UserStatus.DELETED } };
    if (q.role) filter.roles = q.role;
    if (q.organisationId) filter.organisationIds = q.organisationId;
    if (q.createdFrom || q.createdTo) {
      filter.createdAt = {
        ...(q.createdFrom && { $gte: new Date(q.createdFrom) }),
        ...(q.createdTo && { $lt: new Date(q.createdTo) }),
      };
    }
    if (q.q) {
      const re = { $regex: escapeRegex(q.q.trim()), $options: 'i' };
      filter.$or = [
        { emailLower: { $regex: `^${escapeRegex(q.q.trim().toLowerCase())}` } },
        { firstName: re },
        { lastName: re },
      ];
    }
    return this.page(filter, q);
  }

  page(filter: FilterQuery<UserDoc>, q: PageQuery): Promise<{ items: UserDoc[]; total: number }> {
    return findPage(this.users, filter, { createdAt: -1, _id: 1 }, q);
  }
}
