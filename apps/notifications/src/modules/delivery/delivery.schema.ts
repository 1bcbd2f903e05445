import { Schema } from 'mongoose';
import { DeliveryStatus, NotificationCategory, NotificationChannel, NotificationKind } from '@telehealth/contracts';

export const DELIVERY_MODEL = 'Delivery';

export interface DeliveryHistory {
  at: Date;
  status: DeliveryStatus;
  reason: string | null;
}

/**
 * The delivery log: one record per message, keyed by `stableId(source:channel:recipient)`, so
 * the insert that creates it is also what makes the message go out once.
 */
export interface DeliveryDoc {
  _id: string;
  key: string;
  userId: string;
  channel: NotificationChannel;
  kind: NotificationKind;
  category: NotificationCategory;
  to: string | null;
  status: DeliveryStatus;
  reason: string | null;
  attempts: number;
  sourceEventId: string;
  sourceEventType: string;
  scheduledFor: Date | null;
  providerMessageId: string | null;
  history: DeliveryHistory[];
  sentAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const HistorySchema = new Schema<DeliveryHistory>(
  {
    at: { type: Date, required: true },
    status: { type: String, enum: Object.values(DeliveryStatus), required: true },
    reason: { type: String, default: null },
  },
  { _id: false },
);

export const DeliverySchema = new Schema<DeliveryDoc>(
  {
    _id: { type: String, required: true },
    key: { type: String, required: true },
    userId: { type: String, required: true },
    channel: { type: String, enum: Object.values(NotificationChannel), required: true },
    kind: { type: String, enum: Object.values(NotificationKind), required: true },
    category: { type: String, enum: Object.values(NotificationCategory), required: true },
    to: { type: String, default: null },
    status: { type: String, enum: Object.values(DeliveryStatus), required: true },
    reason: { type: String, default: null },
    attempts: { type: Number, default: 0 },
    sourceEventId: { type: String, required: true },
    sourceEventType: { type: String, required: true },
    scheduledFor: { type: Date, default: null },
    providerMessageId: { type: String, default: null },
    history: { type: [HistorySchema], default: [] },
    sentAt: { type: Date, default: null },
  },
  { collection: 'deliveries', versionKey: false, timestamps: true },
);
DeliverySchema.index({ createdAt: -1, _id: 1 });
DeliverySchema.index({ userId: 1, createdAt: -1 });
DeliverySchema.index({ status: 1, createdAt: -1 });
DeliverySchema.index({ sourceEventId: 1 });

export const SANDBOX_MESSAGE_MODEL = 'SandboxMessage';

/** What the sandbox SMS and push providers "sent": one record per delivery. */
export interface SandboxMessageDoc {
  _id: string; // delivery id
  channel: NotificationChannel;
  userId: string;
  to: string | null;
  title: string | null;
  text: string;
  data: Record<string, string>;
  at: Date;
}
export const SandboxMessageSchema = new Schema<SandboxMessageDoc>(
  {
    _id: { type: String, required: true },
    channel: { type: String, required: true },
    userId: { type: String, required: true },
    to: { type: String, default: null },
    title: { type: String, default: null },
    text: { type: String, required: true },
    data: { type: Schema.Types.Mixed, default: {} },
    at: { type: Date, required: true },
  },
  { collection: 'sandbox_messages', versionKey: false, minimize: false },
);
SandboxMessageSchema.index({ userId: 1, at: -1 });
