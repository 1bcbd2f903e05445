import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Schema, type Model } from 'mongoose';
import { claimOnce } from '@telehealth/persistence';

export const CLAIM_MODEL = 'OneTimeClaim';

interface ClaimDoc {
  _id: string;
  claimedAt: Date;
}

export const ClaimSchema = new Schema<ClaimDoc>(
  { _id: { type: String, required: true }, claimedAt: { type: Date, required: true } },
  { collection: 'one_time_claims', versionKey: false },
);

/**
 * "Use once" by unique insert: of any number of concurrent claims of one key, exactly one
 * returns true. Used for one-time secrets (password-reset tokens).
 */
@Injectable()
export class OneTimeClaims {
  constructor(@InjectModel(CLAIM_MODEL) private readonly claims: Model<ClaimDoc>) {}

  claim(key: string): Promise<boolean> {
    return claimOnce(this.claims, { _id: key, claimedAt: new Date() });
  }
}
