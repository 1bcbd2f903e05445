import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import {
  AppointmentStatus,
  Role,
  SchedulingEvents,
  toPage,
  type DoctorReviewsQuery,
  type EventEnvelope,
  type Page,
  type PublicReviewView,
  type ReviewView,
  type SetReviewPublishedRequest,
  type SubmitReviewRequest,
} from '@telehealth/contracts';
import { DomainError, requireRole, type RequestMeta } from '@telehealth/messaging';
import { OutboxRelay, createEvent, outboxOnInsert, withEvents, type EventOrigin } from '@telehealth/messaging/eventing';
import { VersionedLog, findPage, insertUnique } from '@telehealth/persistence';
import { AppointmentStore } from '../appointments/appointment.store';
import { DOCTOR_PROFILE_MODEL, type DoctorProfileDoc } from '../directory/doctor-profile.schema';
import { reviewSubmittedPayload, toPublicReviewView, toReviewView } from './review.mapper';
import { ratingOf, reviewContent, type RatingBucket } from './review.rules';
import { REVIEW_MODEL, REVIEW_VISIBILITY_MODEL, type ReviewDoc, type ReviewVisibilityChangeDoc } from './review.schema';

const origin = (meta: RequestMeta): EventOrigin => ({ producer: 'scheduling', correlationId: meta.requestId });
/** Re-checks after writing a rating, so a recompute that raced a newer one writes again. */
const RATING_ROUNDS = 3;

/**
 * Reviews (DOMAIN: reviews/ratings). A patient reviews their own completed appointment once
 * (unique `appointmentId`); admins unpublish and republish. The doctor's rating is never
 * incremented: after every change it is recomputed from the published reviews and set.
 */
@Injectable()
export class ReviewsService {
  private readonly logger = new Logger(ReviewsService.name);
  /** Visibility changes (`review_visibility_changes`) with the review as their projection. */
  private readonly visibility: VersionedLog<ReviewVisibilityChangeDoc, ReviewDoc>;

  constructor(
    @InjectModel(REVIEW_MODEL) private readonly reviews: Model<ReviewDoc>,
    @InjectModel(REVIEW_VISIBILITY_MODEL) changes: Model<ReviewVisibilityChangeDoc>,
    @InjectModel(DOCTOR_PROFILE_MODEL) private readonly profiles: Model<DoctorProfileDoc>,
    private readonly appointments: AppointmentStore,
    private readonly relay: OutboxRelay,
  ) {
    this.visibility = new VersionedLog(changes, reviews, {
      toUpdate: (c) =>
        withEvents<ReviewDoc>({ $set: { published: c.published } }, [JSON.parse(c.event) as EventEnvelope]),
      onProjected: () => this.relay.kick(),
    });
  }

  async submit(q: SubmitReviewRequest, meta: RequestMeta): Promise<ReviewView> {
    const caller = requireRole(meta, Role.PATIENT);
    const content = reviewContent(q);
    const a = await this.appointments.load(q.appointmentId);
    // Someone else's appointment is indistinguishable from a missing one.
    if (!a || a.patientId !== caller.userId) throw DomainError.notFound('Appointment');
    if (a.status !== AppointmentStatus.COMPLETED) {
      throw DomainError.conflict(
        `Only a completed appointment can be reviewed; this one is ${a.status}`,
        'APPOINTMENT_NOT_COMPLETED',
      );
    }
    const now = new Date();
    const doc = {
      _id: randomUUID(),
      appointmentId: a._id,
      doctorId: a.doctorId,
      patientId: caller.userId,
      ...content,
      published: true,
      version: 0,
      createdAt: now,
      updatedAt: now,
    };
    const event = createEvent(
      SchedulingEvents.reviewSubmitted,
      doc._id,
      reviewSubmittedPayload(doc, now),
      origin(meta),
      now,
    );
    // Once per appointment: the unique `appointmentId` refuses a second review.
    const created = await insertUnique(this.reviews, { ...doc, ...outboxOnInsert([event]) });
    if (!created) throw DomainError.conflict('This appointment has already been reviewed', 'ALREADY_REVIEWED');
    this.relay.kick();
    await this.recomputeRating(created.doctorId);
    return toReviewView(created);
  }

  /** A doctor's published reviews, newest first (the public sees no patient or appointment). */
  async listForDoctor(q: DoctorReviewsQuery): Promise<Page<PublicReviewView>> {
    const doctor = await this.profiles.findOne({ _id: q.doctorId, active: true }, { _id: 1 }).lean();
    if (!doctor) throw DomainError.notFound('Doctor profile');
    const filter = { doctorId: q.doctorId, published: true };
    const { items, total } = await findPage(this.reviews, filter, { createdAt: -1, _id: -1 }, q);
    return toPage(items.map(toPublicReviewView), total, q);
  }

  /** Admin moderation: hide a review from the public list and the rating, or show it again. */
  async setPublished(q: SetReviewPublishedRequest, meta: RequestMeta): Promise<ReviewView> {
    const caller = requireRole(meta, Role.ADMIN);
    const current = await this.visibility.load(q.id);
    if (!current) throw DomainError.notFound('Review');
    let result = current;
    if (current.published !== q.published) {
      const changedAt = new Date();
      const event = createEvent(
        SchedulingEvents.reviewVisibilityChanged,
        current._id,
        {
          reviewId: current._id,
          appointmentId: current.appointmentId,
          doctorId: current.doctorId,
          published: q.published,
          changedBy: caller.userId,
          changedAt: changedAt.toISOString(),
        },
        origin(meta),
        changedAt,
      );
      const changed = await this.visibility.append(current, {
        reviewId: current._id,
        published: q.published,
        event: JSON.stringify(event),
        actorId: caller.userId,
        at: changedAt,
      });
      // Null: another admin changed it from the same version first; fine if to the same.
      const now = changed ?? (await this.visibility.load(q.id));
      if (!now || now.published !== q.published)
        throw DomainError.conflict(`Review ${q.id} changed at the same moment; reload and retry`, 'CONCURRENT_CHANGE');
      result = now;
    }
    await this.recomputeRating(result.doctorId);
    return toReviewView(result);
  }

  /**
   * Sets the doctor's rating from their published reviews (one `$group` by rating: the
   * histogram is one consistent read). A recompute that raced a newer one sees the difference
   * on its re-check and writes again; a failure leaves it to the next recompute.
   */
  async recomputeRating(doctorId: string): Promise<void> {
    try {
      let rating = await this.ratingFromReviews(doctorId);
      for (let round = 0; round < RATING_ROUNDS; round++) {
        await this.profiles.updateOne({ _id: doctorId }, { $set: { rating } });
        const again = await this.ratingFromReviews(doctorId);
        if (again.average === rating.average && again.count === rating.count) return;
        rating = again;
      }
    } catch (err) {
      this.logger.warn(`rating of doctor ${doctorId} not recomputed: ${(err as Error).message}`);
    }
  }

  private async ratingFromReviews(doctorId: string): Promise<{ average: number; count: number }> {
    const buckets = await this.reviews.aggregate<RatingBucket>([
      { $match: { doctorId, published: true } },
      { $group: { _id: '$overall', n: { $sum: 1 } } },
    ]);
    return ratingOf(buckets);
  }
}
