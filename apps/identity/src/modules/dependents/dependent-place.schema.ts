import { Schema } from 'mongoose';

export const DEPENDENT_PLACE_MODEL = 'DependentPlace';

/**
 * One of a primary patient's MAX_DEPENDENTS places, `${primaryUserId}#n`, held by one dependent
 * (a numbered claim: docs/concurrency.md). Two enrolments racing for the last place cannot both
 * get it, which a count followed by an insert allowed.
 */
export interface DependentPlaceDoc {
  _id: string;
  primaryUserId: string;
  dependentId: string;
  claimedAt: Date;
}

export const DependentPlaceSchema = new Schema<DependentPlaceDoc>(
  {
    _id: { type: String, required: true },
    primaryUserId: { type: String, required: true },
    dependentId: { type: String, required: true },
    claimedAt: { type: Date, required: true },
  },
  { collection: 'dependent_places', versionKey: false },
);
