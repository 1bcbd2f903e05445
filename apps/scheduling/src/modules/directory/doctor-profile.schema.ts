import { Schema } from 'mongoose';
import type { DoctorClinicFee, Money } from '@telehealth/contracts';
import { addOutbox, type OutboxFields } from '@telehealth/messaging/eventing';
import { bumpsSlotInputs } from '../availability/slot-inputs-version';

export const DOCTOR_PROFILE_MODEL = 'DoctorProfile';

/**
 * Seed 001 doctors: the public profile patients search and book. `_id` is the doctorProfileId
 * identity puts on the DOCTOR account (and in its tokens), so ownership needs no lookup.
 */
export interface DoctorProfileDoc extends OutboxFields {
  _id: string;
  userId: string | null;
  organisationId: string | null;
  firstName: string;
  lastName: string;
  title: string | null;
  bio: string | null;
  qualifications: string[];
  specializations: string[];
  specialtyCode: string | null;
  languages: string[];
  /** Lower-cased languages and insurers: the case-insensitive search keys. */
  languageKeys: string[];
  insuranceKeys: string[];
  registrationNumber: string | null;
  yearsOfExperience: number;
  rating: { average: number; count: number };
  clinics: DoctorClinicFee[];
  baseFee: Money;
  cashless: boolean;
  insuranceAccepted: string[];
  requiresConfirmation: boolean;
  allowDirectBooking: boolean;
  availableOnline: boolean;
  availableOffline: boolean;
  timeZone: string;
  active: boolean;
  /** Created from the account and never edited since (demo data may still fill it in). */
  draft: boolean;
  createdAt: Date;
  updatedAt: Date;
}

const MoneySchema = new Schema<Money>(
  { amountMinor: { type: Number, required: true }, currency: { type: String, required: true } },
  { _id: false },
);

const ClinicFeeSchema = new Schema<DoctorClinicFee>(
  { clinicId: { type: String, required: true }, fee: { type: MoneySchema, required: true } },
  { _id: false },
);

export const DoctorProfileSchema = new Schema<DoctorProfileDoc>(
  {
    _id: { type: String, required: true },
    userId: { type: String, default: null },
    organisationId: { type: String, default: null },
    firstName: { type: String, required: true },
    lastName: { type: String, required: true },
    title: { type: String, default: null },
    bio: { type: String, default: null },
    qualifications: { type: [String], default: [] },
    specializations: { type: [String], default: [] },
    specialtyCode: { type: String, default: null },
    languages: { type: [String], default: [] },
    languageKeys: { type: [String], default: [] },
    insuranceKeys: { type: [String], default: [] },
    registrationNumber: { type: String, default: null },
    yearsOfExperience: { type: Number, default: 0 },
    rating: {
      average: { type: Number, default: 0 },
      count: { type: Number, default: 0 },
    },
    clinics: { type: [ClinicFeeSchema], default: [] },
    baseFee: { type: MoneySchema, required: true },
    cashless: { type: Boolean, default: false },
    insuranceAccepted: { type: [String], default: [] },
    requiresConfirmation: { type: Boolean, default: false },
    allowDirectBooking: { type: Boolean, default: true },
    availableOnline: { type: Boolean, default: false },
    availableOffline: { type: Boolean, default: false },
    timeZone: { type: String, required: true },
    active: { type: Boolean, default: false },
    draft: { type: Boolean, default: false },
  },
  { collection: 'doctor_profiles', timestamps: true, versionKey: false },
);
DoctorProfileSchema.index({ active: 1, specialtyCode: 1, 'rating.average': -1 });
DoctorProfileSchema.index({ active: 1, 'baseFee.amountMinor': 1 });
DoctorProfileSchema.index({ 'clinics.clinicId': 1 });
DoctorProfileSchema.index({ organisationId: 1 });
addOutbox(DoctorProfileSchema);
DoctorProfileSchema.plugin(bumpsSlotInputs);
