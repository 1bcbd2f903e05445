import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { isDuplicateKey } from '@telehealth/messaging';
import { SETTLEMENT_MODEL, type SettlementDoc } from './payment.schema';

@Injectable()
export class SettlementStore {
  constructor(@InjectModel(SETTLEMENT_MODEL) private readonly settlements: Model<SettlementDoc>) {}

  /** Decides how the appointment's fee ends, unless already decided; returns the decision. */
  async decide(appointmentId: string, outcome: SettlementDoc['outcome'], cause: string): Promise<SettlementDoc> {
    try {
      const doc = await this.settlements.create({ _id: appointmentId, outcome, cause, at: new Date() });
      return doc.toObject();
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      const existing = await this.find(appointmentId);
      if (!existing) throw err;
      return existing;
    }
  }

  find(appointmentId: string): Promise<SettlementDoc | null> {
    return this.settlements.findById(appointmentId).lean<SettlementDoc>().exec();
  }
}
