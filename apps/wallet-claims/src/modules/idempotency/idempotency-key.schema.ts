import { Schema } from 'mongoose';

export const IDEMPOTENCY_KEY_MODEL = 'IdempotencyKey';

/**
 * A client's Idempotency-Key for one money-moving request. `_id` = `${scope}:${ownerId}:${key}`
 * is claimed by unique insert (state IN_PROGRESS), so of concurrent requests with one key exactly
 * one does the work; its answer is a second document, `${_id}#answer` (state DONE), also written
 * by insert, so the claim itself is never rewritten. Both are kept until `expiresAt`
 * and the answer is returned to every retry with the same body.
 */
export interface IdempotencyKeyDoc {
  _id: string;
  requestHash: string;
  state: 'IN_PROGRESS' | 'DONE';
  /** The JSON answer, or the JSON wire error (on the DONE document). */
  response: string | null;
  failed: boolean;
  createdAt: Date;
  expiresAt: Date;
}

export const IdempotencyKeySchema = new Schema<IdempotencyKeyDoc>(
  {
    _id: { type: String, required: true },
    requestHash: { type: String, required: true },
    state: { type: String, enum: ['IN_PROGRESS', 'DONE'], required: true },
    response: { type: String, default: null },
    failed: { type: Boolean, default: false },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { collection: 'idempotency_keys', versionKey: false },
);
IdempotencyKeySchema.index({ expiresAt: 1 });
