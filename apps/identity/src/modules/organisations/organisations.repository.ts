import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import type { EventEnvelope, PageQuery } from '@telehealth/contracts';
import { claimOnce, findPage } from '@telehealth/persistence';
import { OutboxRelay, outboxOnInsert } from '@telehealth/messaging/eventing';
import { ORGANISATION_MODEL, type OrganisationDoc } from './organisation.schema';

export type NewOrganisationDoc = Omit<OrganisationDoc, 'createdAt' | 'updatedAt' | 'outbox' | 'outboxAt'>;

/** Provider organisations. A deleted one (`deletedAt` set) is never listed or found. */
@Injectable()
export class OrganisationsRepository {
  constructor(
    @InjectModel(ORGANISATION_MODEL) private readonly organisations: Model<OrganisationDoc>,
    private readonly relay: OutboxRelay,
  ) {}

  async insert(doc: NewOrganisationDoc, events: EventEnvelope[]): Promise<OrganisationDoc> {
    const created = await this.organisations.create({ ...doc, ...outboxOnInsert(events) });
    this.relay.kick();
    return created.toObject();
  }

  /** Inserts `doc` unless its id exists (another replica may seed it first); true when this call stored it. */
  insertOnce(doc: NewOrganisationDoc, events: EventEnvelope[]): Promise<boolean> {
    return claimOnce(this.organisations, { ...doc, ...outboxOnInsert(events) });
  }

  async exists(id: string): Promise<boolean> {
    return !!(await this.organisations.exists({ _id: id }));
  }

  findActive(id: string): Promise<OrganisationDoc | null> {
    return this.organisations.findOne({ _id: id, deletedAt: null }).lean<OrganisationDoc>();
  }

  /** Every organisation, or (`memberOf` given) only those among the caller's own. */
  page(q: PageQuery, memberOf: string[] | null): Promise<{ items: OrganisationDoc[]; total: number }> {
    const filter: FilterQuery<OrganisationDoc> = { deletedAt: null };
    if (memberOf) filter._id = { $in: memberOf };
    return findPage(this.organisations, filter, { createdAt: -1, _id: 1 }, q);
  }
}
