import { Schema } from 'mongoose';
import type { CallType, ConsultationStatus } from '@telehealth/contracts';

export const CONSULTATION_STATE_MODEL = 'ConsultationState';

/**
 * The latest known state of an online consultation session (teleconsultation owns it), from its
 * events: what a consultation reminder checks right before it is sent, and what tells an event
 * that arrives after a newer one that its news is old.
 */
export interface ConsultationStateDoc {
  _id: string;
  number: string;
  /** Null for an on-demand consultation. */
  appointmentId: string | null;
  patientId: string;
  doctorId: string;
  callType: CallType;
  status: ConsultationStatus;
  scheduledStart: string;
  scheduledEnd: string;
  /** occurredAt of the event this state comes from: an older event never overwrites it. */
  occurredAt: Date;
  eventId: string;
}

export const ConsultationStateSchema = new Schema<ConsultationStateDoc>(
  {
    _id: { type: String, required: true },
    number: { type: String, required: true },
    appointmentId: { type: String, default: null },
    patientId: { type: String, required: true },
    doctorId: { type: String, required: true },
    callType: { type: String, required: true },
    status: { type: String, required: true },
    scheduledStart: { type: String, required: true },
    scheduledEnd: { type: String, required: true },
    occurredAt: { type: Date, required: true },
    eventId: { type: String, required: true },
  },
  { collection: 'consultation_states', versionKey: false },
);
