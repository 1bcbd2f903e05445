import { REVIEW_FACETS, type ReviewFacet, type ReviewFacets, type SubmitReviewRequest } from '@telehealth/contracts';
import { DomainError } from '@telehealth/messaging';
import { assertIntIn, optionalText } from '../../validation/field-rules';

export const REVIEW_TEXT_MAX = 2000;

/** The checked, normalised content of a review (400 naming the field otherwise). */
export function reviewContent(q: SubmitReviewRequest): { overall: number; facets: ReviewFacets; text: string | null } {
  assertIntIn(q.overall, 1, 5, 'overall');
  const facets: ReviewFacets = {};
  if (q.facets !== undefined && q.facets !== null) {
    if (typeof q.facets !== 'object' || Array.isArray(q.facets))
      throw DomainError.invalid('facets', 'must be an object');
    for (const [key, value] of Object.entries(q.facets)) {
      if (!(REVIEW_FACETS as readonly string[]).includes(key))
        throw DomainError.invalid(`facets.${key}`, `is not a rating facet (one of ${REVIEW_FACETS.join(', ')})`);
      if (value === undefined || value === null) continue;
      assertIntIn(value, 1, 5, `facets.${key}`);
      facets[key as ReviewFacet] = value;
    }
  }
  return { overall: q.overall, facets, text: optionalText(q.text, REVIEW_TEXT_MAX, 'text') };
}

/** How many published reviews gave each overall rating: `{_id: rating, n}` from one `$group`. */
export interface RatingBucket {
  _id: number;
  n: number;
}

/**
 * A doctor's rating from the histogram of their published reviews: the mean to two decimals
 * and the count, computed from exact integer sums rather than the database's floating `$avg`.
 */
export function ratingOf(buckets: RatingBucket[]): { average: number; count: number } {
  let count = 0;
  let sum = 0;
  for (const b of buckets) {
    count += b.n;
    sum += b._id * b.n;
  }
  return { average: count ? Math.round((sum / count) * 100) / 100 : 0, count };
}
