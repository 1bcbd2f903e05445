import type { PublicReviewView, ReviewSubmittedV1, ReviewView } from '@telehealth/contracts';
import type { ReviewDoc } from './review.schema';

export const toReviewView = (d: ReviewDoc): ReviewView => ({
  id: d._id,
  appointmentId: d.appointmentId,
  doctorId: d.doctorId,
  patientId: d.patientId,
  overall: d.overall,
  facets: { ...d.facets },
  text: d.text,
  published: d.published,
  submittedAt: new Date(d.createdAt).toISOString(),
  updatedAt: new Date(d.updatedAt).toISOString(),
});

export const toPublicReviewView = (d: ReviewDoc): PublicReviewView => ({
  id: d._id,
  doctorId: d.doctorId,
  overall: d.overall,
  facets: { ...d.facets },
  text: d.text,
  submittedAt: new Date(d.createdAt).toISOString(),
  updatedAt: new Date(d.updatedAt).toISOString(),
});

export const reviewSubmittedPayload = (
  d: Pick<ReviewDoc, '_id' | 'appointmentId' | 'doctorId' | 'patientId' | 'overall' | 'facets'>,
  submittedAt: Date,
): ReviewSubmittedV1 => ({
  reviewId: d._id,
  appointmentId: d.appointmentId,
  doctorId: d.doctorId,
  patientId: d.patientId,
  overall: d.overall,
  facets: { ...d.facets },
  submittedAt: submittedAt.toISOString(),
});
