import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Schema, type Model } from 'mongoose';
import { AppointmentStatus, type AppointmentEventBase, type EventEnvelope } from '@telehealth/contracts';
import { isDuplicateKey } from '@telehealth/persistence';

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

@Injectable()
export class AppointmentStates {
  constructor(@InjectModel(APPOINTMENT_STATE_MODEL) private readonly states: Model<AppointmentStateDoc>) {}

  /**
   * Applies an appointment event unless a newer one was applied (events of one appointment may
   * reach different consumers out of order). Returns the state now stored.
   */
  async apply(e: EventEnvelope<AppointmentEventBase>): Promise<AppointmentStateDoc | null> {
    const p = e.payload;
    const occurredAt = new Date(e.occurredAt);
    const next = {
      number: p.number,
      patientId: p.patientId,
      doctorId: p.doctorId,
      mode: p.mode,
      status: p.status,
      start: p.start,
      end: p.end,
      timeZone: p.timeZone,
      occurredAt,
      eventId: e.id,
    };
    try {
      await this.states.updateOne(
        { _id: p.appointmentId, occurredAt: { $lte: occurredAt } },
        { $set: next },
        { upsert: true },
      );
    } catch (err) {
      // The upsert's insert met the existing document: a newer event is already applied.
      if (!isDuplicateKey(err)) throw err;
    }
    return this.get(p.appointmentId);
  }

  get(id: string): Promise<AppointmentStateDoc | null> {
    return this.states.findById(id).lean<AppointmentStateDoc>();
  }
}

export const isConfirmed = (s: AppointmentStateDoc | null): s is AppointmentStateDoc =>
  !!s && s.status === AppointmentStatus.CONFIRMED;
