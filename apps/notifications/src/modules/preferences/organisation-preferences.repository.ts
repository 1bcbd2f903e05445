import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { ORGANISATION_PREFERENCES_MODEL, type OrganisationPreferencesDoc } from './preferences.schema';

/** Each provider organisation's notification settings (keyed by the organisation id). */
@Injectable()
export class OrganisationPreferencesRepository {
  constructor(
    @InjectModel(ORGANISATION_PREFERENCES_MODEL) private readonly organisations: Model<OrganisationPreferencesDoc>,
  ) {}

  findOf(organisationId: string): Promise<OrganisationPreferencesDoc | null> {
    return this.organisations.findById(organisationId).lean<OrganisationPreferencesDoc>();
  }

  /** Stores the organisation's whole settings (created on their first change). */
  async save(organisationId: string, settings: Omit<OrganisationPreferencesDoc, '_id'>): Promise<void> {
    await this.organisations.updateOne({ _id: organisationId }, { $set: settings }, { upsert: true });
  }
}
