import { defineEvent } from '../common/contract';
import type { NotificationKind } from './notifications.types';

/**
 * An in-app notification landed in a user's inbox (added in 1.4). No title or text: the app
 * fetches the item over REST (`GET /v1/notifications`).
 */
export interface NotificationCreatedV1 {
  notificationId: string;
  userId: string;
  kind: NotificationKind;
  createdAt: string;
}

export const NotificationsEvents = {
  notificationCreated: defineEvent<NotificationCreatedV1>(
    'notifications',
    'notification.created',
    1,
    "An in-app notification was added to a user's inbox (its text is fetched over REST).",
  ),
} as const;
