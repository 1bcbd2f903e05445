import { Schema } from 'mongoose';
import { NotificationCategory, NotificationKind } from '@telehealth/contracts';
import { addOutbox, type OutboxFields } from '@telehealth/messaging/eventing';

export const INBOX_ITEM_MODEL = 'InboxItem';

/**
 * One in-app notification; its id is its delivery id, so writing it twice writes it once. Its
 * outbox holds the `notifications.notification.created.v1` written with it.
 */
export interface InboxItemDoc extends Partial<OutboxFields> {
  _id: string;
  userId: string;
  kind: NotificationKind;
  category: NotificationCategory;
  title: string;
  body: string;
  data: Record<string, string>;
  createdAt: Date;
  readAt: Date | null;
}

export const InboxItemSchema = new Schema<InboxItemDoc>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    kind: { type: String, enum: Object.values(NotificationKind), required: true },
    category: { type: String, enum: Object.values(NotificationCategory), required: true },
    title: { type: String, required: true },
    body: { type: String, required: true },
    data: { type: Schema.Types.Mixed, default: {} },
    createdAt: { type: Date, required: true },
    readAt: { type: Date, default: null },
  },
  { collection: 'inbox', versionKey: false, minimize: false },
);
addOutbox(InboxItemSchema);
InboxItemSchema.index({ userId: 1, createdAt: -1, _id: 1 });
InboxItemSchema.index({ userId: 1, readAt: 1 });
