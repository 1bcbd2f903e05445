import { Injectable } from '@nestjs/common';
import { NotificationsEvents, toPage, type InboxQuery, type NotificationView, type Page } from '@telehealth/contracts';
import { createEvent } from '@telehealth/messaging/eventing';
import { DomainError, requireCaller, type RequestMeta } from '@telehealth/messaging';
import { InboxRepository } from './inbox.repository';
import type { InboxItemDoc } from './inbox.schema';

/**
 * The in-app inbox. Every query is scoped by the owner's user id: a notification of someone
 * else is "not found", never shown.
 */
@Injectable()
export class InboxService {
  constructor(private readonly items: InboxRepository) {}

  /**
   * Writes a notification once (its id is the delivery id), announcing it with
   * `notifications.notification.created.v1` (ids only: the app fetches the text over REST).
   */
  async add(item: Omit<InboxItemDoc, 'readAt' | 'outbox' | 'outboxAt'>): Promise<void> {
    const created = createEvent(
      NotificationsEvents.notificationCreated,
      item._id,
      { notificationId: item._id, userId: item.userId, kind: item.kind, createdAt: item.createdAt.toISOString() },
      { producer: 'notifications' },
      item.createdAt,
    );
    await this.items.insertOnce({ ...item, readAt: null }, [created]);
  }

  async list(q: InboxQuery, meta: RequestMeta): Promise<Page<NotificationView>> {
    const { userId } = requireCaller(meta);
    const { items, total } = await this.items.pageOf(userId, q);
    return toPage(items.map(toNotificationView), total, q);
  }

  async unreadCount(meta: RequestMeta): Promise<{ unread: number }> {
    const { userId } = requireCaller(meta);
    return { unread: await this.items.countUnread(userId) };
  }

  /** Idempotent: reading a read notification keeps its first read time. */
  async markRead(id: string, meta: RequestMeta): Promise<NotificationView> {
    const { userId } = requireCaller(meta);
    const item = await this.items.findOwned(id, userId);
    if (!item) throw DomainError.notFound('Notification');
    if (item.readAt) return toNotificationView(item);
    const readAt = new Date();
    await this.items.markRead(id, userId, readAt);
    return toNotificationView({ ...item, readAt });
  }

  async markAllRead(meta: RequestMeta): Promise<{ updated: number }> {
    const { userId } = requireCaller(meta);
    return { updated: await this.items.markAllRead(userId, new Date()) };
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
