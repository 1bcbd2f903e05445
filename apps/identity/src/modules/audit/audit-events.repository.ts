import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import type { AuditEventType, AuditQuery } from '@telehealth/contracts';
import { findPage } from '@telehealth/persistence';
import { AUDIT_MODEL, type AuditEventDoc } from './audit-event.schema';

/** The audit trail: appended to, counted and searched; never updated or deleted. */
@Injectable()
export class AuditEventsRepository {
  constructor(@InjectModel(AUDIT_MODEL) private readonly events: Model<AuditEventDoc>) {}

  async append(doc: AuditEventDoc): Promise<void> {
    await this.events.create(doc);
  }

  /** A user's events of one type after `since`: each is an insert, so none is lost to a race. */
  countOf(userId: string, type: AuditEventType, since: Date): Promise<number> {
    return this.events.countDocuments({ userId, type, at: { $gt: since } });
  }

  search(q: AuditQuery): Promise<{ items: AuditEventDoc[]; total: number }> {
    const filter: FilterQuery<AuditEventDoc> = {};
    if (q.userId) filter.userId = q.userId;
    if (q.type) filter.type = q.type;
    if (q.from || q.to) filter.at = { ...(q.from && { $gte: new Date(q.from) }), ...(q.to && { $lt: new Date(q.to) }) };
    return findPage(this.events, filter, { at: -1, _id: 1 }, q);
  }
}
