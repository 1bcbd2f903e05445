import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { isDuplicateKey } from '@telehealth/persistence';
import { APPOINTMENT_STATE_MODEL, type AppointmentStateDoc } from './appointment-state.schema';

/** The latest known state of each appointment (keyed by the appointment id). */
@Injectable()
export class AppointmentStatesRepository {
  constructor(@InjectModel(APPOINTMENT_STATE_MODEL) private readonly states: Model<AppointmentStateDoc>) {}

  /**
   * Stores `state` unless the stored one comes from a later event (one conditional upsert, so
   * concurrent consumers keep the newest).
   */
  async saveUnlessNewer(appointmentId: string, state: Omit<AppointmentStateDoc, '_id'>): Promise<void> {
    try {
      await this.states.updateOne(
        { _id: appointmentId, occurredAt: { $lte: state.occurredAt } },
        { $set: state },
        { upsert: true },
      );
    } catch (err) {
      // The upsert's insert met the existing document: a newer event is already applied.
      if (!isDuplicateKey(err)) throw err;
    }
  }

  findById(appointmentId: string): Promise<AppointmentStateDoc | null> {
    return this.states.findById(appointmentId).lean<AppointmentStateDoc>();
  }
}
