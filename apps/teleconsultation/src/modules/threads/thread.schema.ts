import { Schema } from 'mongoose';
import { ThreadSenderRole, ThreadSide } from '@telehealth/contracts';
import { addOutbox, type OutboxFields } from '@telehealth/messaging/eventing';

export const MESSAGE_THREAD_MODEL = 'MessageThread';
export const THREAD_MESSAGE_MODEL = 'ThreadMessage';

/**
 * A secure thread (seed 003 `messages`, seed 002 `conversations`): one per care relationship,
 * a patient with a doctor or with a provider organisation. Its `_id` is derived from that pair
 * (`threadIdOf`), so the primary key is the pair's unique index: two opens at once insert one.
 *
 * The thread is the projection of its messages (a `VersionedLog`): `version` is the number of the
 * newest message, and each message is applied to it exactly once, in order, counting it for its
 * sender's side (`patientSent`, `careSent`). A side's read state is the newest message it has read
 * (`*ReadSeq`) and how many of the other side's messages that covers (`*ReadCount`), both only
 * ever raised; its unread count is the other side's messages minus those it has read: exact
 * however many messages arrive at once, and never counting its own.
 */
export interface MessageThreadDoc {
  _id: string;
  patientId: string;
  doctorId: string | null;
  organisationId: string | null;
  /** The newest message's `seq` (0: none yet). */
  version: number;
  /** Messages each side has written. */
  patientSent: number;
  careSent: number;
  /** Read up to this message, per side; only ever raised (`$max`). */
  patientReadSeq: number;
  careReadSeq: number;
  /** How many of the other side's messages that is, per side; only ever raised. */
  patientReadCount: number;
  careReadCount: number;
  lastMessageAt: Date | null;
  /** Newest activity (the last message, or the opening): the order of the thread list. */
  activityAt: Date;
  openedBy: string;
  /** Soft delete only: a thread is kept for the retention period. */
  deletedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const MessageThreadSchema = new Schema<MessageThreadDoc>(
  {
    _id: { type: String, required: true },
    patientId: { type: String, required: true },
    doctorId: { type: String, default: null },
    organisationId: { type: String, default: null },
    version: { type: Number, required: true },
    patientSent: { type: Number, required: true },
    careSent: { type: Number, required: true },
    patientReadSeq: { type: Number, required: true },
    careReadSeq: { type: Number, required: true },
    patientReadCount: { type: Number, required: true },
    careReadCount: { type: Number, required: true },
    lastMessageAt: { type: Date, default: null },
    activityAt: { type: Date, required: true },
    openedBy: { type: String, required: true },
    deletedAt: { type: Date, default: null },
  },
  { collection: 'message_threads', timestamps: true, versionKey: false },
);
MessageThreadSchema.index({ patientId: 1, activityAt: -1 });
MessageThreadSchema.index({ doctorId: 1, activityAt: -1 });
MessageThreadSchema.index({ organisationId: 1, activityAt: -1 });

/**
 * One message: the thread's log entry `${threadId}:${seq}`. Inserting it claims its number (of
 * messages posted at once, exactly one gets each number: no gap, no duplicate), and it carries its
 * `thread-message.posted` event in its own outbox, so the event exists exactly when the message does.
 */
export interface ThreadMessageDoc extends OutboxFields {
  /** `${threadId}:${seq}`. */
  _id: string;
  /** The thread. */
  aggregateId: string;
  /** `seq`: 1, 2, 3, ... */
  version: number;
  senderId: string;
  senderRole: ThreadSenderRole;
  senderSide: ThreadSide;
  /** Encrypted at rest (MEDICAL_ENCRYPTION_KEY); the store hands it out in clear. */
  text: string | null;
  /** File ids (the files library); checked and linked when files are wired in. */
  attachmentIds: string[];
  deletedAt: Date | null;
  createdAt: Date;
}

export const ThreadMessageSchema = new Schema<ThreadMessageDoc>(
  {
    _id: { type: String, required: true },
    aggregateId: { type: String, required: true },
    version: { type: Number, required: true },
    senderId: { type: String, required: true },
    senderRole: { type: String, enum: Object.values(ThreadSenderRole), required: true },
    senderSide: { type: String, enum: Object.values(ThreadSide), required: true },
    text: { type: String, default: null },
    attachmentIds: { type: [String], default: [] },
    deletedAt: { type: Date, default: null },
    createdAt: { type: Date, required: true },
  },
  { collection: 'thread_messages', versionKey: false },
);
// Paging a thread newest first.
ThreadMessageSchema.index({ aggregateId: 1, version: -1 });
addOutbox(ThreadMessageSchema);
