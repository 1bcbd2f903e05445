import { Schema } from 'mongoose';
import {
  AbsentParty,
  CallLogStatus,
  CallType,
  ConsultationStatus,
  EndedBy,
  type QualityLevel,
} from '@telehealth/contracts';
import { addOutbox, type OutboxFields } from '@telehealth/messaging/eventing';

export const CONSULTATION_MODEL = 'Consultation';

export interface Feedback {
  rating: number;
  comment: string | null;
  at: Date;
}

export interface CallQuality {
  video: QualityLevel | null;
  audio: QualityLevel | null;
  networkIssues: number;
  networkIssueSeconds: number;
}

export interface CallLog {
  start: Date | null;
  end: Date;
  durationSeconds: number;
  status: CallLogStatus;
  quality: CallQuality;
}

/**
 * One consultation session per ONLINE appointment (seed 001 `video_consultations`, seed 000
 * `call_logs`). Its `_id` is derived from the appointment, so whichever scheduling event arrives
 * first creates it and every other finds it. `version` counts changes: each is a conditional
 * update from the version it was decided on, carrying its events (the outbox).
 */
export interface ConsultationDoc extends OutboxFields {
  _id: string;
  number: string;
  /** The online appointment; null for an on-demand consultation (then `requestId`). */
  appointmentId: string | null;
  requestId: string | null;
  doctorId: string;
  doctorName: string | null;
  patientId: string;
  dependentId: string | null;
  patientName: string | null;
  roomId: string;
  roomName: string;
  callType: CallType;
  status: ConsultationStatus;
  scheduledStart: Date;
  scheduledEnd: Date;
  /** When scheduling decided the schedule held here: an older event never moves it back. */
  scheduleAsOf: Date;
  actualStart: Date | null;
  endedAt: Date | null;
  durationSeconds: number | null;
  doctorJoinedAt: Date | null;
  patientJoinedAt: Date | null;
  /** Who is in the room now (joined and not left since). */
  present: { doctor: boolean; patient: boolean };
  lobby: { patientWaiting: boolean; admittedAt: Date | null };
  endedBy: EndedBy | null;
  cancellationReason: string | null;
  absent: AbsentParty | null;
  quality: CallQuality;
  callLog: CallLog | null;
  feedback: { doctor: Feedback | null; patient: Feedback | null };
  recording: { requested: boolean; requestedAt: Date | null; consentedAt: Date | null };
  /** Where presence is learnt from: once a provider webhook arrived, clients' reports stop counting. */
  presenceSource: 'WEBHOOK' | 'CLIENT' | null;
  /** Provider event ids already applied (the latest 100): a replayed webhook changes nothing. */
  seenEvents: string[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const FeedbackSchema = new Schema<Feedback>(
  {
    rating: { type: Number, required: true },
    comment: { type: String, default: null },
    at: { type: Date, required: true },
  },
  { _id: false },
);

const QualitySchema = new Schema<CallQuality>(
  {
    video: { type: String, default: null },
    audio: { type: String, default: null },
    networkIssues: { type: Number, default: 0 },
    networkIssueSeconds: { type: Number, default: 0 },
  },
  { _id: false },
);

export const ConsultationSchema = new Schema<ConsultationDoc>(
  {
    _id: { type: String, required: true },
    number: { type: String, required: true },
    appointmentId: { type: String, default: null },
    requestId: { type: String, default: null },
    doctorId: { type: String, required: true },
    doctorName: { type: String, default: null },
    patientId: { type: String, required: true },
    dependentId: { type: String, default: null },
    patientName: { type: String, default: null },
    roomId: { type: String, required: true },
    roomName: { type: String, required: true },
    callType: { type: String, enum: Object.values(CallType), required: true },
    status: { type: String, enum: Object.values(ConsultationStatus), required: true },
    scheduledStart: { type: Date, required: true },
    scheduledEnd: { type: Date, required: true },
    scheduleAsOf: { type: Date, required: true },
    actualStart: { type: Date, default: null },
    endedAt: { type: Date, default: null },
    durationSeconds: { type: Number, default: null },
    doctorJoinedAt: { type: Date, default: null },
    patientJoinedAt: { type: Date, default: null },
    present: {
      doctor: { type: Boolean, default: false },
      patient: { type: Boolean, default: false },
    },
    lobby: {
      patientWaiting: { type: Boolean, default: false },
      admittedAt: { type: Date, default: null },
    },
    endedBy: { type: String, enum: [...Object.values(EndedBy), null], default: null },
    cancellationReason: { type: String, default: null },
    absent: { type: String, enum: [...Object.values(AbsentParty), null], default: null },
    quality: { type: QualitySchema, default: () => ({}) },
    callLog: {
      type: new Schema(
        {
          start: { type: Date, default: null },
          end: { type: Date, required: true },
          durationSeconds: { type: Number, required: true },
          status: { type: String, enum: Object.values(CallLogStatus), required: true },
          quality: { type: QualitySchema, required: true },
        },
        { _id: false },
      ),
      default: null,
    },
    feedback: {
      doctor: { type: FeedbackSchema, default: null },
      patient: { type: FeedbackSchema, default: null },
    },
    recording: {
      requested: { type: Boolean, default: false },
      requestedAt: { type: Date, default: null },
      consentedAt: { type: Date, default: null },
    },
    presenceSource: { type: String, enum: ['WEBHOOK', 'CLIENT', null], default: null },
    seenEvents: { type: [String], default: [] },
    version: { type: Number, required: true },
  },
  { collection: 'consultations', timestamps: true, versionKey: false, minimize: false },
);
// One session per appointment or request is its derived `_id` (new-session.ts); these serve look-ups.
ConsultationSchema.index({ appointmentId: 1 });
ConsultationSchema.index({ requestId: 1 });
ConsultationSchema.index({ number: 1 }, { unique: true });
ConsultationSchema.index({ patientId: 1, scheduledStart: -1 });
ConsultationSchema.index({ doctorId: 1, scheduledStart: 1 });
ConsultationSchema.index({ status: 1, scheduledStart: 1 });
addOutbox(ConsultationSchema);
