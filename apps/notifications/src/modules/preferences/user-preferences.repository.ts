import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { USER_PREFERENCES_MODEL, type UserPreferencesDoc } from './preferences.schema';

/** Each user's saved preferences (one document per user, keyed by the user id). */
@Injectable()
export class UserPreferencesRepository {
  constructor(@InjectModel(USER_PREFERENCES_MODEL) private readonly users: Model<UserPreferencesDoc>) {}

  findOf(userId: string): Promise<UserPreferencesDoc | null> {
    return this.users.findById(userId).lean<UserPreferencesDoc>();
  }

  /** Stores the user's whole preferences (created on their first change). */
  async save(userId: string, prefs: Omit<UserPreferencesDoc, '_id'>): Promise<void> {
    await this.users.updateOne({ _id: userId }, { $set: prefs }, { upsert: true });
  }
}
