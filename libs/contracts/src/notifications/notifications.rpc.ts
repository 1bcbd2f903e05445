import { defineRpc } from '../common/contract';
import type { Page } from '../common/pagination';
import type {
  DeadLetterQuery,
  DeadLetterView,
  DeliveryQuery,
  DeliveryView,
  InboxQuery,
  NotificationPreferencesView,
  NotificationView,
  OrganisationPreferencesView,
  QueueStatsView,
  ReplayDeadLetterResult,
  UpdateOrganisationPreferencesRequest,
  UpdatePreferencesRequest,
} from './notifications.types';

type Empty = Record<string, never>;

/** Notifications request-reply patterns. The caller (x-caller) decides whose inbox and preferences. */
export const NotificationsRpc = {
  listInbox: defineRpc<InboxQuery, Page<NotificationView>>(
    'notifications',
    'inbox.list',
    1,
    "The caller's in-app notifications, newest first.",
  ),
  unreadCount: defineRpc<Empty, { unread: number }>(
    'notifications',
    'inbox.unread-count',
    1,
    "How many of the caller's in-app notifications are unread.",
  ),
  markRead: defineRpc<{ id: string }, NotificationView>(
    'notifications',
    'inbox.mark-read',
    1,
    "Marks one of the caller's notifications read (idempotent).",
  ),
  markAllRead: defineRpc<Empty, { updated: number }>(
    'notifications',
    'inbox.mark-all-read',
    1,
    'Marks every unread notification of the caller read.',
  ),
  getPreferences: defineRpc<Empty, NotificationPreferencesView>(
    'notifications',
    'preferences.get',
    1,
    "The caller's notification preferences (defaults until changed).",
  ),
  updatePreferences: defineRpc<UpdatePreferencesRequest, NotificationPreferencesView>(
    'notifications',
    'preferences.update',
    1,
    "Changes the caller's preferences; transactional categories cannot be switched off.",
  ),
  getOrganisationPreferences: defineRpc<{ organisationId: string }, OrganisationPreferencesView>(
    'notifications',
    'organisation-preferences.get',
    1,
    "A provider organisation's notification settings (its staff, admins).",
  ),
  updateOrganisationPreferences: defineRpc<UpdateOrganisationPreferencesRequest, OrganisationPreferencesView>(
    'notifications',
    'organisation-preferences.update',
    1,
    "Changes a provider organisation's notification settings.",
  ),
  listDeliveries: defineRpc<DeliveryQuery, Page<DeliveryView>>(
    'notifications',
    'admin.deliveries.list',
    1,
    'Admin: the delivery log, newest first.',
  ),
  getDelivery: defineRpc<{ id: string }, DeliveryView>(
    'notifications',
    'admin.deliveries.get',
    1,
    'Admin: one delivery with its history.',
  ),
  listDeadLetters: defineRpc<DeadLetterQuery, Page<DeadLetterView>>(
    'notifications',
    'admin.dead-letters.list',
    1,
    'Admin: messages whose every attempt failed.',
  ),
  replayDeadLetter: defineRpc<{ id: string }, ReplayDeadLetterResult>(
    'notifications',
    'admin.dead-letters.replay',
    1,
    'Admin: puts a dead letter back on its channel queue (fresh attempts).',
  ),
  queueStats: defineRpc<Empty, QueueStatsView[]>(
    'notifications',
    'admin.queues.stats',
    1,
    'Admin: job counts of every notifications queue.',
  ),
} as const;
