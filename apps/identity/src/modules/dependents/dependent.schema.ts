import { Schema } from 'mongoose';
import { EnrollmentStatus, Gender, Relationship } from '@telehealth/contracts';
import { addOutbox, type OutboxFields } from '@telehealth/messaging/eventing';

export const DEPENDENT_MODEL = 'Dependent';

/** Seed 000 enrollees: a person covered through their primary patient. DOB is encrypted. */
export interface DependentDoc extends OutboxFields {
  _id: string;
  primaryUserId: string;
  firstName: string;
  lastName: string;
  relationship: Relationship;
  dateOfBirthEnc: string | null;
  gender: Gender | null;
  enrollmentStatus: EnrollmentStatus;
  /** The place it holds under its primary patient (`${primaryUserId}#n`); null for dependents enrolled before places existed. */
  placeId?: string | null;
  deletedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const DependentSchema = new Schema<DependentDoc>(
  {
    _id: { type: String, required: true },
    primaryUserId: { type: String, required: true },
    firstName: { type: String, required: true },
    lastName: { type: String, required: true },
    relationship: { type: String, enum: Object.values(Relationship), required: true },
    dateOfBirthEnc: { type: String, default: null },
    gender: { type: String, enum: [...Object.values(Gender), null], default: null },
    enrollmentStatus: { type: String, enum: Object.values(EnrollmentStatus), default: EnrollmentStatus.ACTIVE },
    placeId: { type: String, default: null },
    deletedAt: { type: Date, default: null },
  },
  { collection: 'dependents', timestamps: true, versionKey: false },
);
DependentSchema.index({ primaryUserId: 1, deletedAt: 1, createdAt: -1 });
addOutbox(DependentSchema);
