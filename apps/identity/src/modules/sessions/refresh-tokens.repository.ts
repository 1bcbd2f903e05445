import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { claimOnce } from '@telehealth/persistence';
import { REFRESH_TOKEN_MODEL, type RefreshTokenDoc } from './refresh-token.schema';

/** Refresh tokens: inserted once each (the unique `parentId` gives a token one successor), read by id. */
@Injectable()
export class RefreshTokensRepository {
  constructor(@InjectModel(REFRESH_TOKEN_MODEL) private readonly tokens: Model<RefreshTokenDoc>) {}

  /** Stores `token` as its parent's successor; false when the parent already has one. */
  insertSuccessor(token: RefreshTokenDoc): Promise<boolean> {
    return claimOnce(this.tokens, token);
  }

  findById(id: string): Promise<RefreshTokenDoc | null> {
    return this.tokens.findById(id).lean<RefreshTokenDoc>();
  }

  /** The login sessions (token families) a user ever opened. */
  familiesOf(userId: string): Promise<string[]> {
    return this.tokens.distinct('familyId', { userId });
  }
}
