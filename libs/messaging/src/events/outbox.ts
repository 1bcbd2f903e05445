import { Schema, type UpdateQuery } from 'mongoose';
import type { EventEnvelope } from '@telehealth/contracts';

/**
 * Transactional outbox embedded in the aggregate document. With no multi-document
 * transactions, the only way to make "state changed" and "event will be published" one
 * atomic write is to put the event inside the very document that changed. The relay only
 * reads these entries (it never writes the aggregate back, so it can never overwrite a
 * concurrent business write); what it has published it records in `outbox_published`.
 * The entries stay as the aggregate's record of what it announced.
 */
export interface OutboxEntry {
  id: string;
  subject: string;
  envelope: string;
  /** When the event was written (its occurredAt): the relay's window is on entries too. */
  at?: Date;
}

export interface OutboxFields {
  outbox: OutboxEntry[];
  /** Time of the latest append: the relay's indexed work list. */
  outboxAt?: Date | null;
}

const OutboxEntrySchema = new Schema<OutboxEntry>(
  {
    id: { type: String, required: true },
    subject: { type: String, required: true },
    envelope: { type: String, required: true },
    at: { type: Date },
  },
  { _id: false },
);

/** Adds the outbox fields and index to an aggregate schema. */
export function addOutbox(schema: Schema): void {
  schema.add({ outbox: { type: [OutboxEntrySchema], default: [] }, outboxAt: { type: Date, default: null } });
  schema.index({ outboxAt: 1, _id: 1 }); // the relay pages by (outboxAt, _id)
}

export function toOutboxEntry(event: EventEnvelope): OutboxEntry {
  return {
    id: event.id,
    subject: `evt.${event.type}`,
    envelope: JSON.stringify(event),
    at: new Date(event.occurredAt),
  };
}

/** Fields for a new aggregate document that is created together with its events. */
export function outboxOnInsert(events: EventEnvelope[]): OutboxFields {
  return { outbox: events.map(toOutboxEntry), outboxAt: new Date() };
}

/** Adds events to an update so they are written in the same single-document operation. */
export function withEvents<T>(update: UpdateQuery<T>, events: EventEnvelope[]): UpdateQuery<T> {
  if (!events.length) return update;
  const u = update as Record<string, Record<string, unknown> | undefined>;
  return {
    ...update,
    $push: { ...(u.$push ?? {}), outbox: { $each: events.map(toOutboxEntry) } },
    $set: { ...(u.$set ?? {}), outboxAt: new Date() },
  } as UpdateQuery<T>;
}
