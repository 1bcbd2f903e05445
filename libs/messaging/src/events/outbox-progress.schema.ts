import { Schema } from 'mongoose';

/** An event the relay has published (acked by JetStream). Inserted once; never updated. */
export interface PublishedMarker {
  _id: string; // event id
  publishedAt: Date;
}
export const PUBLISHED_MODEL = 'OutboxPublished';
export const PublishedMarkerSchema = new Schema<PublishedMarker>(
  { _id: { type: String, required: true }, publishedAt: { type: Date, required: true } },
  { collection: 'outbox_published', versionKey: false },
);
PublishedMarkerSchema.index({ publishedAt: 1 });

/** How far the relay has fully processed each outbox-bearing collection. */
export interface OutboxCursor {
  _id: string; // collection name
  upTo: Date;
}
export const CURSOR_MODEL = 'OutboxCursor';
export const OutboxCursorSchema = new Schema<OutboxCursor>(
  { _id: { type: String, required: true }, upTo: { type: Date, required: true } },
  { collection: 'outbox_cursor', versionKey: false },
);
