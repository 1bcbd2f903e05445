import { Schema } from 'mongoose';

export const REFRESH_TOKEN_MODEL = 'RefreshToken';

export enum RefreshTokenStatus {
  ACTIVE = 'ACTIVE',
  /** Exchanged for a newer token; presenting it again means it leaked. */
  ROTATED = 'ROTATED',
  REVOKED = 'REVOKED',
}

/**
 * One refresh token. The client holds `<_id>.<secret>`; only SHA-256(secret) is stored.
 * Tokens descending from one login share a `familyId`, revoked together on reuse.
 */
export interface RefreshTokenDoc {
  _id: string;
  familyId: string;
  userId: string;
  secretHash: string;
  status: RefreshTokenStatus;
  expiresAt: Date;
  createdAt: Date;
  rotatedAt: Date | null;
  ip: string | null;
  userAgent: string | null;
}

export const RefreshTokenSchema = new Schema<RefreshTokenDoc>(
  {
    _id: { type: String, required: true },
    familyId: { type: String, required: true },
    userId: { type: String, required: true },
    secretHash: { type: String, required: true },
    status: { type: String, enum: Object.values(RefreshTokenStatus), required: true },
    expiresAt: { type: Date, required: true },
    createdAt: { type: Date, required: true },
    rotatedAt: { type: Date, default: null },
    ip: { type: String, default: null },
    userAgent: { type: String, default: null },
  },
  { collection: 'refresh_tokens', versionKey: false },
);
RefreshTokenSchema.index({ familyId: 1 });
RefreshTokenSchema.index({ userId: 1, status: 1 });
