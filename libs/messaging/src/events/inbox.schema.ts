import { Schema } from 'mongoose';

/** Event ids a consumer has applied (or is applying under a lease): its idempotency record. */
export interface InboxEntry {
  _id: string; // `${consumer}:${eventId}`
  consumer: string;
  eventId: string;
  eventType: string;
  status: 'processing' | 'done';
  leaseUntil: Date;
  attempts: number;
  lastError?: string;
  doneAt?: Date;
}

export const INBOX_MODEL = 'InboxEntry';
export const InboxSchema = new Schema<InboxEntry>(
  {
    _id: { type: String, required: true },
    consumer: { type: String, required: true },
    eventId: { type: String, required: true },
    eventType: { type: String, required: true },
    status: { type: String, required: true },
    leaseUntil: { type: Date, required: true },
    attempts: { type: Number, default: 0 },
    lastError: String,
    doneAt: Date,
  },
  { collection: 'event_inbox', versionKey: false, timestamps: { createdAt: true, updatedAt: false } },
);
InboxSchema.index({ consumer: 1, eventId: 1 }, { unique: true });

/** An event a consumer failed to apply EVENT_MAX_DELIVER times, kept for an operator. */
export interface ParkedEvent {
  _id: string;
  consumer: string;
  eventId: string;
  eventType: string;
  attempts: number;
  lastError: string;
  envelope: string;
  parkedAt: Date;
  replayedAt?: Date | null;
}

export const PARKED_MODEL = 'ParkedEvent';
export const ParkedEventSchema = new Schema<ParkedEvent>(
  {
    _id: { type: String, required: true },
    consumer: { type: String, required: true },
    eventId: { type: String, required: true },
    eventType: { type: String, required: true },
    attempts: { type: Number, required: true },
    lastError: { type: String, required: true },
    envelope: { type: String, required: true },
    parkedAt: { type: Date, required: true },
    replayedAt: { type: Date, default: null },
  },
  { collection: 'event_parked', versionKey: false },
);
ParkedEventSchema.index({ parkedAt: -1 });
ParkedEventSchema.index({ consumer: 1, eventId: 1 }, { unique: true });
