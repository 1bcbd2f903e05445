import { Schema } from 'mongoose';
import { CallType, ConsultationRequestStatus } from '@telehealth/contracts';
import { addOutbox, type OutboxFields } from '@telehealth/messaging/eventing';

export const CONSULTATION_REQUEST_MODEL = 'ConsultationRequest';

/**
 * An on-demand consultation request (seed 000 `telemedicine_requests`). Changed only by
 * conditional single-document updates from the status it was decided on: of any number of doctors
 * accepting at once, exactly one update finds it OPEN.
 */
export interface ConsultationRequestDoc extends OutboxFields {
  _id: string;
  number: string;
  patientId: string;
  dependentId: string | null;
  specialtyCode: string;
  /** Encrypted at rest (MEDICAL_ENCRYPTION_KEY); the store hands it out in clear. */
  symptoms: string;
  callType: CallType;
  feeMinor: number;
  currency: string;
  status: ConsultationRequestStatus;
  expiresAt: Date;
  acceptedBy: string | null;
  acceptedAt: Date | null;
  consultationId: string | null;
  failureReason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const ConsultationRequestSchema = new Schema<ConsultationRequestDoc>(
  {
    _id: { type: String, required: true },
    number: { type: String, required: true },
    patientId: { type: String, required: true },
    dependentId: { type: String, default: null },
    specialtyCode: { type: String, required: true },
    symptoms: { type: String, required: true },
    callType: { type: String, enum: Object.values(CallType), required: true },
    feeMinor: { type: Number, required: true },
    currency: { type: String, required: true },
    status: { type: String, enum: Object.values(ConsultationRequestStatus), required: true },
    expiresAt: { type: Date, required: true },
    acceptedBy: { type: String, default: null },
    acceptedAt: { type: Date, default: null },
    consultationId: { type: String, default: null },
    failureReason: { type: String, default: null },
  },
  { collection: 'consultation_requests', timestamps: true, versionKey: false },
);
ConsultationRequestSchema.index({ number: 1 }, { unique: true });
ConsultationRequestSchema.index({ patientId: 1, createdAt: -1 });
ConsultationRequestSchema.index({ status: 1, specialtyCode: 1, createdAt: 1 });
ConsultationRequestSchema.index({ acceptedBy: 1, acceptedAt: -1 });
addOutbox(ConsultationRequestSchema);
