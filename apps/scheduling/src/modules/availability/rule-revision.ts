import type { FilterQuery } from 'mongoose';
import type { AvailabilityRuleDoc } from './availability-rule.schema';

/** Documents written before revisions and booking counts existed lack them: absent means 0. */
const countIs = (n: number) => (n === 0 ? { $in: [0, null] } : n);

/** Matches a rule still at `revision`. */
export const atRevision = (revision: number): FilterQuery<AvailabilityRuleDoc> => ({ revision: countIs(revision) });

/** Matches a rule still at the revision and booking count of `rule` as it was read. */
export const unchangedSince = (
  rule: Pick<AvailabilityRuleDoc, 'revision' | 'bookings'>,
): FilterQuery<AvailabilityRuleDoc> => ({
  revision: countIs(rule.revision ?? 0),
  bookings: countIs(rule.bookings ?? 0),
});
