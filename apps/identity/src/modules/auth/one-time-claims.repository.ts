import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { claimOnce } from '@telehealth/persistence';
import { CLAIM_MODEL, type ClaimDoc } from './one-time-claim.schema';

/**
 * "Use once" by unique insert: of any number of concurrent claims of one key, exactly one
 * returns true. Used for one-time secrets (password-reset tokens).
 */
@Injectable()
export class OneTimeClaimsRepository {
  constructor(@InjectModel(CLAIM_MODEL) private readonly claims: Model<ClaimDoc>) {}

  claim(key: string): Promise<boolean> {
    return claimOnce(this.claims, { _id: key, claimedAt: new Date() });
  }
}
