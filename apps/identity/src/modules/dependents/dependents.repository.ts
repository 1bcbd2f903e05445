import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, UpdateQuery } from 'mongoose';
import { EnrollmentStatus, type EventEnvelope, type PageQuery } from '@telehealth/contracts';
import { claimOnce, findPage } from '@telehealth/persistence';
import { OutboxRelay, outboxOnInsert, withEvents } from '@telehealth/messaging/eventing';
import { DEPENDENT_MODEL, type DependentDoc } from './dependent.schema';

export type NewDependentDoc = Omit<DependentDoc, 'createdAt' | 'updatedAt' | 'outbox' | 'outboxAt'>;

/**
 * Dependents, scoped by their primary patient: lists and counts take the primary user id, and a
 * lookup by id takes it too unless the caller may see anyone's (an admin). A removed dependent
 * (`deletedAt` set) is never found again. Writes carry their events into the outbox.
 */
@Injectable()
export class DependentsRepository {
  constructor(
    @InjectModel(DEPENDENT_MODEL) private readonly dependents: Model<DependentDoc>,
    private readonly relay: OutboxRelay,
  ) {}

  pageOf(primaryUserId: string, q: PageQuery): Promise<{ items: DependentDoc[]; total: number }> {
    return findPage(this.dependents, { primaryUserId, deletedAt: null }, { createdAt: -1, _id: 1 }, q);
  }

  /** Active dependents enrolled before numbered places existed: they hold no place but count. */
  countUnplaced(primaryUserId: string): Promise<number> {
    return this.dependents.countDocuments({ primaryUserId, deletedAt: null, placeId: null });
  }

  /** Which of `ids` name a dependent that exists (removed or not). */
  async existingAmong(ids: string[]): Promise<Map<string, { removed: boolean }>> {
    const found = await this.dependents
      .find({ _id: { $in: ids } }, { _id: 1, deletedAt: 1 })
      .lean<{ _id: string; deletedAt: Date | null }[]>();
    return new Map(found.map((d) => [d._id, { removed: d.deletedAt !== null }]));
  }

  /** `primaryUserId` null: anyone's dependent (admins). */
  findActive(id: string, primaryUserId: string | null): Promise<DependentDoc | null> {
    return this.dependents
      .findOne({ _id: id, deletedAt: null, ...(primaryUserId !== null && { primaryUserId }) })
      .lean<DependentDoc>();
  }

  async insert(doc: NewDependentDoc, events: EventEnvelope[]): Promise<DependentDoc> {
    const created = await this.dependents.create({ ...doc, ...outboxOnInsert(events) });
    this.relay.kick();
    return created.toObject();
  }

  /** Inserts `doc` unless its id exists (another replica may seed it first); true when this call stored it. */
  insertOnce(doc: NewDependentDoc, events: EventEnvelope[]): Promise<boolean> {
    return claimOnce(this.dependents, { ...doc, ...outboxOnInsert(events) });
  }

  /** Applies `update` (and its events, one write) to a dependent not removed; null when there is none. */
  async update(id: string, update: UpdateQuery<DependentDoc>, events: EventEnvelope[]): Promise<DependentDoc | null> {
    const updated = await this.dependents
      .findOneAndUpdate({ _id: id, deletedAt: null }, withEvents<DependentDoc>(update, events), { new: true })
      .lean<DependentDoc>();
    if (updated) this.relay.kick();
    return updated;
  }

  /** Soft delete with its events; false when the dependent was already removed. */
  async remove(id: string, events: EventEnvelope[]): Promise<boolean> {
    const removed = await this.dependents.updateOne(
      { _id: id, deletedAt: null },
      withEvents<DependentDoc>(
        { $set: { deletedAt: new Date(), enrollmentStatus: EnrollmentStatus.INACTIVE } },
        events,
      ),
    );
    if (!removed.modifiedCount) return false;
    this.relay.kick();
    return true;
  }

  /** Overwrites the PII of every dependent of `primaryUserId` and removes them. */
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
}
