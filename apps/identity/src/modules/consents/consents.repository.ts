import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { EventEnvelope, PageQuery } from '@telehealth/contracts';
import { findPage } from '@telehealth/persistence';
import { OutboxRelay, outboxOnInsert } from '@telehealth/messaging/eventing';
import { CONSENT_MODEL, type ConsentDoc } from './consent.schema';

/** A user's consent records: appended with their events, listed newest first per user. */
@Injectable()
export class ConsentsRepository {
  constructor(
    @InjectModel(CONSENT_MODEL) private readonly consents: Model<ConsentDoc>,
    private readonly relay: OutboxRelay,
  ) {}

  async insert(doc: Omit<ConsentDoc, 'outbox' | 'outboxAt'>, events: EventEnvelope[]): Promise<ConsentDoc> {
    const created = await this.consents.create({ ...doc, ...outboxOnInsert(events) });
    this.relay.kick();
    return created.toObject();
  }

  pageOf(userId: string, q: PageQuery): Promise<{ items: ConsentDoc[]; total: number }> {
    return findPage(this.consents, { userId }, { recordedAt: -1, _id: 1 }, q);
  }
}
