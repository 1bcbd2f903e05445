import { Schema } from 'mongoose';
import { Gender, Role, UserStatus } from '@telehealth/contracts';
import { addOutbox, type OutboxFields } from '@telehealth/messaging/eventing';

export const USER_MODEL = 'User';

interface OneTimeSecret {
  hash: string;
  expiresAt: Date;
  attempts: number;
}

/** One user model for every role. Phone and date of birth are stored encrypted (PiiCipher). */
export interface UserDoc extends OutboxFields {
  _id: string;
  email: string;
  /** Lower-cased email: unique regardless of case. */
  emailLower: string;
  passwordHash: string;
  firstName: string;
  lastName: string;
  phoneEnc: string | null;
  /** HMAC of the normalised phone for exact-match lookup. */
  phoneIndex: string | null;
  dateOfBirthEnc: string | null;
  gender: Gender | null;
  roles: Role[];
  organisationIds: string[];
  doctorProfileId: string | null;
  title: string | null;
  status: UserStatus;
  locale: string;
  timeZone: string;
  emailVerifiedAt: Date | null;
  emailVerification: OneTimeSecret | null;
  passwordReset: OneTimeSecret | null;
  /** Wrong passwords before this time no longer count towards a lock. */
  failuresResetAt: Date | null;
  lockedUntil: Date | null;
  deletedAt: Date | null;
  deletedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const OneTimeSecretSchema = new Schema<OneTimeSecret>(
  { hash: String, expiresAt: Date, attempts: { type: Number, default: 0 } },
  { _id: false },
);

export const UserSchema = new Schema<UserDoc>(
  {
    _id: { type: String, required: true },
    email: { type: String, required: true },
    emailLower: { type: String, required: true },
    passwordHash: { type: String, required: true },
    firstName: { type: String, required: true },
    lastName: { type: String, required: true },
    phoneEnc: { type: String, default: null },
    phoneIndex: { type: String, default: null },
    dateOfBirthEnc: { type: String, default: null },
    gender: { type: String, enum: [...Object.values(Gender), null], default: null },
    roles: { type: [String], enum: Object.values(Role), required: true },
    organisationIds: { type: [String], default: [] },
    doctorProfileId: { type: String, default: null },
    title: { type: String, default: null },
    status: { type: String, enum: Object.values(UserStatus), default: UserStatus.ACTIVE },
    locale: { type: String, default: 'en' },
    timeZone: { type: String, default: 'Africa/Lagos' },
    emailVerifiedAt: { type: Date, default: null },
    emailVerification: { type: OneTimeSecretSchema, default: null },
    passwordReset: { type: OneTimeSecretSchema, default: null },
    failuresResetAt: { type: Date, default: null },
    lockedUntil: { type: Date, default: null },
    deletedAt: { type: Date, default: null },
    deletedBy: { type: String, default: null },
  },
  { collection: 'users', timestamps: true, versionKey: false },
);
UserSchema.index({ emailLower: 1 }, { unique: true });
UserSchema.index({ roles: 1, createdAt: -1 });
UserSchema.index({ organisationIds: 1 });
UserSchema.index({ status: 1, createdAt: -1 });
UserSchema.index({ phoneIndex: 1 });
UserSchema.index({ 'passwordReset.hash': 1 });
addOutbox(UserSchema);
