import { Injectable } from '@nestjs/common';
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
import { DeliveriesRepository } from './deliveries.repository';
import type { DeliveryDoc } from './delivery.schema';

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
  constructor(private readonly deliveries: DeliveriesRepository) {}

  /** Creates the record; `created: false` with the existing one when this message exists already. */
  async create(d: NewDelivery): Promise<{ created: boolean; delivery: DeliveryDoc }> {
    const now = new Date();
    const { id, ...rest } = d;
    const { created, doc } = await this.deliveries.insertOrGet({
      _id: id,
      ...rest,
      attempts: 0,
      providerMessageId: null,
      sentAt: d.status === DeliveryStatus.SENT ? now : null,
      history: [{ at: now, status: d.status, reason: d.reason }],
    });
    return { created, delivery: doc };
  }

  get(id: string): Promise<DeliveryDoc | null> {
    return this.deliveries.findById(id);
  }

  private async transition(
    id: string,
    status: DeliveryStatus,
    reason: string | null,
    set: Partial<DeliveryDoc> = {},
  ): Promise<void> {
    await this.deliveries.transition(id, status, reason, set, new Date());
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
    const { items, total } = await this.deliveries.search(q);
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
