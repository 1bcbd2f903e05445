import { Schema } from 'mongoose';
import type { Address, GeoPoint, OpeningHours } from '@telehealth/contracts';
import { bumpsSlotInputs } from '../availability/slot-inputs-version';
import { addOutbox, type OutboxFields } from '@telehealth/messaging/eventing';

export const CLINIC_MODEL = 'Clinic';

/** Seed 001 clinics / seed 003 locations: where in-clinic slots happen, in the clinic's zone. */
export interface ClinicDoc extends OutboxFields {
  _id: string;
  name: string;
  organisationId: string | null;
  address: Address;
  /** Lower-cased city: the case-insensitive filter key. */
  cityKey: string;
  geo: GeoPoint;
  phone: string | null;
  email: string | null;
  timeZone: string;
  operatingHours: OpeningHours[];
  facilities: string[];
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

const AddressSchema = new Schema<Address>(
  {
    line1: { type: String, required: true },
    line2: { type: String, default: null },
    city: { type: String, required: true },
    state: { type: String, default: null },
    country: { type: String, required: true },
    postcode: { type: String, default: null },
  },
  { _id: false },
);

const OpeningHoursSchema = new Schema<OpeningHours>(
  {
    weekday: { type: Number, required: true },
    open: { type: String, required: true },
    close: { type: String, required: true },
  },
  { _id: false },
);

export const ClinicSchema = new Schema<ClinicDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    organisationId: { type: String, default: null },
    address: { type: AddressSchema, required: true },
    cityKey: { type: String, required: true },
    geo: {
      lat: { type: Number, required: true },
      lng: { type: Number, required: true },
    },
    phone: { type: String, default: null },
    email: { type: String, default: null },
    timeZone: { type: String, required: true },
    operatingHours: { type: [OpeningHoursSchema], default: [] },
    facilities: { type: [String], default: [] },
    active: { type: Boolean, default: true },
  },
  { collection: 'clinics', timestamps: true, versionKey: false },
);
ClinicSchema.index({ active: 1, cityKey: 1, name: 1 });
ClinicSchema.index({ organisationId: 1 });
ClinicSchema.plugin(bumpsSlotInputs);
/** Its changes are announced with the change (outbox). */
addOutbox(ClinicSchema);
