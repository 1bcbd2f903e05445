import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { claimOnce } from '@telehealth/persistence';
import { REVOKED_FAMILY_MODEL, type RevokedFamilyDoc } from './refresh-token.schema';

/** Revoked login sessions (token families), each inserted once: the first reason stays. */
@Injectable()
export class RevokedSessionsRepository {
  constructor(@InjectModel(REVOKED_FAMILY_MODEL) private readonly revoked: Model<RevokedFamilyDoc>) {}

  revokeOnce(revocation: RevokedFamilyDoc): Promise<boolean> {
    return claimOnce(this.revoked, revocation);
  }

  async isRevoked(familyId: string): Promise<boolean> {
    return !!(await this.revoked.exists({ _id: familyId }));
  }
}
