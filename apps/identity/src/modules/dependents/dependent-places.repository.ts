import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { claimNumbered, numberedClaimId, releaseNumbered } from '@telehealth/persistence';
import { DEPENDENT_PLACE_MODEL, type DependentPlaceDoc } from './dependent-place.schema';

/** The numbered places under each primary patient (`${primaryUserId}#n`), one per dependent. */
@Injectable()
export class DependentPlacesRepository {
  constructor(@InjectModel(DEPENDENT_PLACE_MODEL) private readonly places: Model<DependentPlaceDoc>) {}

  /** The lowest free place below `capacity` for `dependentId`; null when every one is taken. */
  claim(primaryUserId: string, dependentId: string, capacity: number): Promise<string | null> {
    return claimNumbered(this.places, primaryUserId, capacity, () => ({
      primaryUserId,
      dependentId,
      claimedAt: new Date(),
    }));
  }

  /** Frees the place only while `dependentId` still holds it. */
  release(placeId: string | null | undefined, dependentId: string): Promise<boolean> {
    return releaseNumbered(this.places, placeId ?? null, { dependentId });
  }

  /** Every place under the primary patient, with the dependent holding it. */
  heldUnder(primaryUserId: string, capacity: number): Promise<DependentPlaceDoc[]> {
    const ids = Array.from({ length: capacity }, (_, n) => numberedClaimId(primaryUserId, n));
    return this.places.find({ _id: { $in: ids } }).lean<DependentPlaceDoc[]>();
  }

  async releaseAllOf(primaryUserId: string, capacity: number): Promise<void> {
    const ids = Array.from({ length: capacity }, (_, n) => numberedClaimId(primaryUserId, n));
    await this.places.deleteMany({ _id: { $in: ids } });
  }
}
