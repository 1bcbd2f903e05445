import { Schema } from 'mongoose';
import type { AppointmentStatus } from '@telehealth/contracts';

export const APPOINTMENT_STATE_MODEL = 'AppointmentState';

/**
 * The latest known state of an appointment (scheduling owns it), from its events: what a
 * reminder checks right before it is sent.
 */
export interface AppointmentStateDoc {
  _id: string;
  number: string;
  patientId: string;
  doctorId: string;
  mode: string;
  status: AppointmentStatus;
  start: string;
  end: string;
  timeZone: string;
  /** occurredAt of the event this state comes from: an older event never overwrites it. */
  occurredAt: Date;
  eventId: string;
}

export const AppointmentStateSchema = new Schema<AppointmentStateDoc>(
  {
    _id: { type: String, required: true },
    number: { type: String, required: true },
    patientId: { type: String, required: true },
    doctorId: { type: String, required: true },
    mode: { type: String, required: true },
    status: { type: String, required: true },
    start: { type: String, required: true },
    end: { type: String, required: true },
    timeZone: { type: String, required: true },
    occurredAt: { type: Date, required: true },
    eventId: { type: String, required: true },
  },
  { collection: 'appointment_states', versionKey: false },
);
