import { Schema } from 'mongoose';
import type { CategoryKey, ChannelSwitches, OrganisationPreferences, QuietHours } from '@telehealth/contracts';

export const USER_PREFERENCES_MODEL = 'UserPreferences';
export const ORGANISATION_PREFERENCES_MODEL = 'OrganisationPreferences';

/** A user's choices; absent until they change something (defaults apply). */
export interface UserPreferencesDoc {
  _id: string; // userId
  channels: ChannelSwitches;
  categories: Record<CategoryKey, ChannelSwitches>;
  quietHours: QuietHours | null;
  updatedAt: Date;
}

const switches = { type: Schema.Types.Mixed, required: true };

export const UserPreferencesSchema = new Schema<UserPreferencesDoc>(
  {
    _id: { type: String, required: true },
    channels: switches,
    categories: switches,
    quietHours: { type: Schema.Types.Mixed, default: null },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'user_preferences', versionKey: false, minimize: false },
);

/** Seed 002 notification_preferences, keyed by the provider organisation. */
export interface OrganisationPreferencesDoc extends OrganisationPreferences {
  _id: string; // organisationId
  updatedAt: Date;
}

export const OrganisationPreferencesSchema = new Schema<OrganisationPreferencesDoc>(
  {
    _id: { type: String, required: true },
    quote: { type: Boolean, required: true },
    schedule: { type: Boolean, required: true },
    treatmentStart: { type: Boolean, required: true },
    aftercare: { type: Boolean, required: true },
    review: { type: Boolean, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'organisation_preferences', versionKey: false },
);
