import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import {
  DeliveryStatus,
  toPage,
  type DeliveryQuery,
  type DeliveryView,
  type NotificationCategory,
  type NotificationChannel,
  type NotificationKind,
  type Page,
} from '@telehealth/contracts';
import { findPage, isDuplicateKey } from '@telehealth/persistence';
import { DELIVERY_MODEL, type DeliveryDoc } from './delivery.schema';

export interface NewDelivery {
  id: string;
  key: string;
  userId: string;
  channel: NotificationChannel;
  kind: NotificationKind;
  category: NotificationCategory;
  to: string | null;
  status: DeliveryStatus;
  reason: string | null;
  sourceEventId: string;
  sourceEventType: string;
  scheduledFor: Date | null;
}

/** Records what happened to each message. Only the creating insert is contested (unique id). */
@Injectable()
export class DeliveryLog {
  constructor(@InjectModel(DELIVERY_MODEL) private readonly deliveries: Model<DeliveryDoc>) {}

  /** Creates the record; `created: false` with the existing one when this message exists already. */
  async create(d: NewDelivery): Promise<{ created: boolean; delivery: DeliveryDoc }> {
    const now = new Date();
    const { id, ...rest } = d;
    try {
      const doc = await this.deliveries.create({
        _id: id,
        ...rest,
        attempts: 0,
        providerMessageId: null,
        sentAt: d.status === DeliveryStatus.SENT ? now : null,
        history: [{ at: now, status: d.status, reason: d.reason }],
      });
      return { created: true, delivery: doc.toObject() };
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      const existing = await this.deliveries.findById(id).lean<DeliveryDoc>();
      if (!existing) throw err;
      return { created: false, delivery: existing };
    }
  }

  get(id: string): Promise<DeliveryDoc | null> {
    return this.deliveries.findById(id).lean<DeliveryDoc>();
  }

  private async transition(
    id: string,
    status: DeliveryStatus,
    reason: string | null,
    set: Partial<DeliveryDoc> = {},
  ): Promise<void> {
    const now = new Date();
    await this.deliveries.updateOne(
      { _id: id },
      { $set: { status, reason, ...set }, $push: { history: { at: now, status, reason } } },
    );
  }

  markSent(id: string, attempt: number, providerMessageId: string | null): Promise<void> {
    return this.transition(id, DeliveryStatus.SENT, null, { attempts: attempt, providerMessageId, sentAt: new Date() });
  }

  markRetrying(id: string, attempt: number, reason: string): Promise<void> {
    return this.transition(id, DeliveryStatus.RETRYING, reason, { attempts: attempt });
  }

  markFailed(id: string, attempt: number, reason: string): Promise<void> {
    return this.transition(id, DeliveryStatus.FAILED, reason, { attempts: attempt });
  }

  markSkipped(id: string, reason: string): Promise<void> {
    return this.transition(id, DeliveryStatus.SKIPPED, reason);
  }

  markRequeued(id: string, reason: string): Promise<void> {
    return this.transition(id, DeliveryStatus.QUEUED, reason, { scheduledFor: null });
  }

  async search(q: DeliveryQuery): Promise<Page<DeliveryView>> {
    const filter: FilterQuery<DeliveryDoc> = {};
    if (q.userId) filter.userId = q.userId;
    if (q.channel) filter.channel = q.channel;
    if (q.status) filter.status = q.status;
    if (q.kind) filter.kind = q.kind;
    if (q.sourceEventId) filter.sourceEventId = q.sourceEventId;
    const { items, total } = await findPage(this.deliveries, filter, { createdAt: -1, _id: 1 }, q);
    return toPage(items.map(toDeliveryView), total, q);
  }
}

export function toDeliveryView(d: DeliveryDoc): DeliveryView {
  return {
    id: d._id,
    userId: d.userId,
    channel: d.channel,
    kind: d.kind,
    category: d.category,
    to: d.to,
    status: d.status,
    reason: d.reason,
    attempts: d.attempts,
    sourceEventId: d.sourceEventId,
    sourceEventType: d.sourceEventType,
    scheduledFor: d.scheduledFor?.toISOString() ?? null,
    providerMessageId: d.providerMessageId,
    history: (d.history ?? []).map((h) => ({ at: h.at.toISOString(), status: h.status, reason: h.reason })),
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
    sentAt: d.sentAt?.toISOString() ?? null,
  };
}

/** "+2348012345678" -> "+234******78": enough for an operator to tell numbers apart. */
export const maskPhone = (phone: string): string =>
  phone.length <= 6 ? '***' : `${phone.slice(0, 4)}${'*'.repeat(phone.length - 6)}${phone.slice(-2)}`;
