import { Schema } from 'mongoose';
import { OrganisationStatus } from '@telehealth/contracts';
import { addOutbox, type OutboxFields } from '@telehealth/messaging/eventing';

export const ORGANISATION_MODEL = 'Organisation';

/** Seed 002 providers: a clinic or hospital with staff accounts. */
export interface OrganisationDoc extends OutboxFields {
  _id: string;
  name: string;
  email: string;
  phone: string | null;
  bio: string | null;
  city: string;
  country: string;
  timeZone: string;
  status: OrganisationStatus;
  deletedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const OrganisationSchema = new Schema<OrganisationDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    email: { type: String, required: true },
    phone: { type: String, default: null },
    bio: { type: String, default: null },
    city: { type: String, required: true },
    country: { type: String, required: true },
    timeZone: { type: String, required: true },
    status: { type: String, enum: Object.values(OrganisationStatus), default: OrganisationStatus.ACTIVE },
    deletedAt: { type: Date, default: null },
  },
  { collection: 'organisations', timestamps: true, versionKey: false },
);
OrganisationSchema.index({ status: 1, country: 1, city: 1 });
OrganisationSchema.index({ createdAt: -1 });
addOutbox(OrganisationSchema);
