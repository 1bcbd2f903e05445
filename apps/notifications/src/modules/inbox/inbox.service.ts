import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import { toPage, type InboxQuery, type NotificationView, type Page } from '@telehealth/contracts';
import { DomainError, requireCaller, type RequestMeta } from '@telehealth/messaging';
import { findPage, isDuplicateKey } from '@telehealth/persistence';
import { INBOX_ITEM_MODEL, type InboxItemDoc } from './inbox.schema';

/**
 * The in-app inbox. Every query is scoped by the owner's user id: a notification of someone
 * else is "not found", never shown.
 */
@Injectable()
export class InboxService {
  constructor(@InjectModel(INBOX_ITEM_MODEL) private readonly items: Model<InboxItemDoc>) {}

  /** Writes a notification once (its id is the delivery id). */
  async add(item: Omit<InboxItemDoc, 'readAt'>): Promise<void> {
    try {
      await this.items.create({ ...item, readAt: null });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }

  async list(q: InboxQuery, meta: RequestMeta): Promise<Page<NotificationView>> {
    const { userId } = requireCaller(meta);
    const filter: FilterQuery<InboxItemDoc> = { userId };
    if (q.unreadOnly) filter.readAt = null;
    const { items, total } = await findPage(this.items, filter, { createdAt: -1, _id: 1 }, q);
    return toPage(items.map(toNotificationView), total, q);
  }

  async unreadCount(meta: RequestMeta): Promise<{ unread: number }> {
    const { userId } = requireCaller(meta);
    return { unread: await this.items.countDocuments({ userId, readAt: null }) };
  }

  /** Idempotent: reading a read notification keeps its first read time. */
  async markRead(id: string, meta: RequestMeta): Promise<NotificationView> {
    const { userId } = requireCaller(meta);
    const item = await this.items.findOne({ _id: id, userId }).lean<InboxItemDoc>();
    if (!item) throw DomainError.notFound('Notification');
    if (item.readAt) return toNotificationView(item);
    const readAt = new Date();
    await this.items.updateOne({ _id: id, userId, readAt: null }, { $set: { readAt } });
    return toNotificationView({ ...item, readAt });
  }

  async markAllRead(meta: RequestMeta): Promise<{ updated: number }> {
    const { userId } = requireCaller(meta);
    const r = await this.items.updateMany({ userId, readAt: null }, { $set: { readAt: new Date() } });
    return { updated: r.modifiedCount };
  }
}

export function toNotificationView(d: InboxItemDoc): NotificationView {
  return {
    id: d._id,
    kind: d.kind,
    category: d.category,
    title: d.title,
    body: d.body,
    data: d.data ?? {},
    createdAt: d.createdAt.toISOString(),
    readAt: d.readAt?.toISOString() ?? null,
  };
}
