import { Schema } from 'mongoose';
import type { ReviewFacets } from '@telehealth/contracts';
import { addOutbox, type OutboxFields } from '@telehealth/messaging/eventing';
import type { LogEntry } from '@telehealth/persistence';

export const REVIEW_MODEL = 'Review';
export const REVIEW_VISIBILITY_MODEL = 'ReviewVisibilityChange';

/**
 * A patient's review of one completed appointment. "Once per appointment" is the unique
 * index on `appointmentId`: of concurrent submits exactly one insert succeeds. `version`
 * counts visibility changes (see below).
 */
export interface ReviewDoc extends OutboxFields {
  _id: string;
  appointmentId: string;
  doctorId: string;
  patientId: string;
  overall: number;
  facets: ReviewFacets;
  text: string | null;
  published: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export const ReviewSchema = new Schema<ReviewDoc>(
  {
    _id: { type: String, required: true },
    appointmentId: { type: String, required: true },
    doctorId: { type: String, required: true },
    patientId: { type: String, required: true },
    overall: { type: Number, required: true },
    facets: { type: Schema.Types.Mixed, default: {} },
    text: { type: String, default: null },
    published: { type: Boolean, required: true },
    version: { type: Number, required: true },
  },
  { collection: 'reviews', timestamps: true, versionKey: false, minimize: false },
);
ReviewSchema.index({ appointmentId: 1 }, { unique: true });
ReviewSchema.index({ doctorId: 1, published: 1, createdAt: -1 });
addOutbox(ReviewSchema);

/**
 * One admin publish/unpublish, `_id` = `${reviewId}:${version}`: an entry of the review's
 * `VersionedLog`. Inserting it claims the change (two racing admins from one version: exactly one
 * wins); the review is then brought forward with the change and its event, by the writer or by
 * the next reader.
 */
export interface ReviewVisibilityChangeDoc extends LogEntry {
  /** The review (`aggregateId` is the same id; changes logged before it have only this). */
  reviewId: string;
  published: boolean;
  event: string;
  actorId: string;
  at: Date;
}

export const ReviewVisibilityChangeSchema = new Schema<ReviewVisibilityChangeDoc>(
  {
    _id: { type: String, required: true },
    aggregateId: { type: String, required: true },
    reviewId: { type: String, required: true },
    version: { type: Number, required: true },
    published: { type: Boolean, required: true },
    event: { type: String, required: true },
    actorId: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'review_visibility_changes', versionKey: false },
);
ReviewVisibilityChangeSchema.index({ aggregateId: 1, version: 1 });
