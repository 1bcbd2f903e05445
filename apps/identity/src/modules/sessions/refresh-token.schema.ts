import { Schema } from 'mongoose';

export const REFRESH_TOKEN_MODEL = 'RefreshToken';
export const REVOKED_FAMILY_MODEL = 'RevokedFamily';

/**
 * One refresh token. The client holds `<_id>.<secret>`; only SHA-256(secret) is stored.
 * Tokens descending from one login share a `familyId`. `parentId` is unique: rotating a token
 * inserts its one successor, so of two concurrent uses only one can win (a unique-index
 * insert is the one write that stays atomic on every MongoDB-wire database).
 */
export interface RefreshTokenDoc {
  _id: string;
  familyId: string;
  /** The token this one replaced, or `root:<familyId>` for the first of a login. */
  parentId: string;
  userId: string;
  secretHash: string;
  expiresAt: Date;
  createdAt: Date;
  ip: string | null;
  userAgent: string | null;
}

export const RefreshTokenSchema = new Schema<RefreshTokenDoc>(
  {
    _id: { type: String, required: true },
    familyId: { type: String, required: true },
    parentId: { type: String, required: true },
    userId: { type: String, required: true },
    secretHash: { type: String, required: true },
    expiresAt: { type: Date, required: true },
    createdAt: { type: Date, required: true },
    ip: { type: String, default: null },
    userAgent: { type: String, default: null },
  },
  { collection: 'refresh_tokens', versionKey: false },
);
RefreshTokenSchema.index({ parentId: 1 }, { unique: true });
RefreshTokenSchema.index({ userId: 1 });

/** A revoked login session (all tokens of the family), inserted once. */
export interface RevokedFamilyDoc {
  _id: string; // familyId
  userId: string;
  reason: 'LOGOUT' | 'REUSE' | 'PASSWORD_RESET' | 'ACCOUNT_CLOSED' | 'ACCOUNT_INACTIVE';
  revokedAt: Date;
}

export const RevokedFamilySchema = new Schema<RevokedFamilyDoc>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    reason: { type: String, required: true },
    revokedAt: { type: Date, required: true },
  },
  { collection: 'revoked_sessions', versionKey: false },
);
