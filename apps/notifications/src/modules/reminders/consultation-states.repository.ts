import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { isDuplicateKey } from '@telehealth/persistence';
import { CONSULTATION_STATE_MODEL, type ConsultationStateDoc } from './consultation-state.schema';

/** The latest known state of each consultation session (keyed by the consultation id). */
@Injectable()
export class ConsultationStatesRepository {
  constructor(@InjectModel(CONSULTATION_STATE_MODEL) private readonly states: Model<ConsultationStateDoc>) {}

  /**
   * Stores `state` unless the stored one comes from a later event (one conditional upsert, so
   * concurrent consumers keep the newest).
   */
  async saveUnlessNewer(consultationId: string, state: Omit<ConsultationStateDoc, '_id'>): Promise<void> {
    try {
      await this.states.updateOne(
        { _id: consultationId, occurredAt: { $lte: state.occurredAt } },
        { $set: state },
        { upsert: true },
      );
    } catch (err) {
      // The upsert's insert met the existing document: a newer event is already applied.
      if (!isDuplicateKey(err)) throw err;
    }
  }

  findById(consultationId: string): Promise<ConsultationStateDoc | null> {
    return this.states.findById(consultationId).lean<ConsultationStateDoc>();
  }
}
