import { Schema } from 'mongoose';
import { AuditEventType } from '@telehealth/contracts';

export const AUDIT_MODEL = 'AuditEvent';

/** Append-only trail of authentication and account events (never updated or deleted). */
export interface AuditEventDoc {
  _id: string;
  type: AuditEventType;
  userId: string | null;
  actorId: string | null;
  email: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  detail: Record<string, unknown>;
  at: Date;
}

export const AuditEventSchema = new Schema<AuditEventDoc>(
  {
    _id: { type: String, required: true },
    type: { type: String, enum: Object.values(AuditEventType), required: true },
    userId: { type: String, default: null },
    actorId: { type: String, default: null },
    email: { type: String, default: null },
    ip: { type: String, default: null },
    userAgent: { type: String, default: null },
    requestId: { type: String, default: null },
    detail: { type: Schema.Types.Mixed, default: {} },
    at: { type: Date, required: true },
  },
  { collection: 'auth_audit', versionKey: false },
);
AuditEventSchema.index({ at: -1 });
AuditEventSchema.index({ userId: 1, at: -1 });
AuditEventSchema.index({ type: 1, at: -1 });
AuditEventSchema.index({ userId: 1, type: 1, at: -1 });
