import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import type { DeliveryQuery, DeliveryStatus } from '@telehealth/contracts';
import { findPage, insertOrGet, type InsertOrGet } from '@telehealth/persistence';
import { DELIVERY_MODEL, type DeliveryDoc } from './delivery.schema';

/** The delivery records. Only the creating insert is contested (its id is the message's stable id). */
@Injectable()
export class DeliveriesRepository {
  constructor(@InjectModel(DELIVERY_MODEL) private readonly deliveries: Model<DeliveryDoc>) {}

  /** Inserts the record, or returns the one that exists: of concurrent callers one gets `created`. */
  insertOrGet(doc: Omit<DeliveryDoc, 'createdAt' | 'updatedAt'>): Promise<InsertOrGet<DeliveryDoc>> {
    return insertOrGet(this.deliveries, doc);
  }

  findById(id: string): Promise<DeliveryDoc | null> {
    return this.deliveries.findById(id).lean<DeliveryDoc>();
  }

  /** Sets the status (and more) and appends it to the record's history. */
  async transition(
    id: string,
    status: DeliveryStatus,
    reason: string | null,
    set: Partial<DeliveryDoc>,
    at: Date,
  ): Promise<void> {
    await this.deliveries.updateOne(
      { _id: id },
      { $set: { status, reason, ...set }, $push: { history: { at, status, reason } } },
    );
  }

  /** The records matching the operator's filters, newest first. */
  search(q: DeliveryQuery): Promise<{ items: DeliveryDoc[]; total: number }> {
    const filter: FilterQuery<DeliveryDoc> = {};
    if (q.userId) filter.userId = q.userId;
    if (q.channel) filter.channel = q.channel;
    if (q.status) filter.status = q.status;
    if (q.kind) filter.kind = q.kind;
    if (q.sourceEventId) filter.sourceEventId = q.sourceEventId;
    return findPage(this.deliveries, filter, { createdAt: -1, _id: 1 }, q);
  }
}
