import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { insertOrGet } from '@telehealth/persistence';
import { SETTLEMENT_MODEL, type SettlementDoc } from './payment.schema';
import { Clock } from '@telehealth/service-kit';

@Injectable()
export class SettlementStore {
  constructor(
    @InjectModel(SETTLEMENT_MODEL) private readonly settlements: Model<SettlementDoc>,
    private readonly clock: Clock,
  ) {}

  /** Decides how the appointment's fee ends, unless already decided; returns the decision. */
  async decide(appointmentId: string, outcome: SettlementDoc['outcome'], cause: string): Promise<SettlementDoc> {
    const { doc } = await insertOrGet(this.settlements, { _id: appointmentId, outcome, cause, at: this.clock.now() });
    return doc;
  }

  find(appointmentId: string): Promise<SettlementDoc | null> {
    return this.settlements.findById(appointmentId).lean<SettlementDoc>().exec();
  }
}
