import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { claimOnce } from '@telehealth/persistence';
import { SUPPRESSION_MODEL, type SuppressionDoc } from './suppression.schema';

/** The users nobody may contact any more: one record per user, written once. */
@Injectable()
export class SuppressionsRepository {
  constructor(@InjectModel(SUPPRESSION_MODEL) private readonly suppressions: Model<SuppressionDoc>) {}

  /** Stops all contact with a user; suppressing a suppressed user keeps the first record. */
  async suppress(userId: string, reason: string, at: Date): Promise<void> {
    await claimOnce(this.suppressions, { _id: userId, reason, at });
  }

  async isSuppressed(userId: string): Promise<boolean> {
    return (await this.suppressions.exists({ _id: userId })) !== null;
  }
}
