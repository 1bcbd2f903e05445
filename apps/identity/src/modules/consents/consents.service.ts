import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import {
  IdentityEvents,
  toPage,
  type ConsentView,
  type Page,
  type PageQuery,
  type RecordConsentRequest,
} from '@telehealth/contracts';
import { requireCaller, type RequestMeta } from '@telehealth/messaging';
import { findPage } from '@telehealth/persistence';
import { OutboxRelay, createEvent, outboxOnInsert } from '@telehealth/messaging/eventing';
import { CONSENT_MODEL, type ConsentDoc } from './consent.schema';

@Injectable()
export class ConsentsService {
  constructor(
    @InjectModel(CONSENT_MODEL) private readonly consents: Model<ConsentDoc>,
    private readonly relay: OutboxRelay,
  ) {}

  async record(q: RecordConsentRequest, meta: RequestMeta): Promise<ConsentView> {
    const caller = requireCaller(meta);
    const id = randomUUID();
    const event = createEvent(
      IdentityEvents.consentRecorded,
      caller.userId,
      {
        consentId: id,
        userId: caller.userId,
        type: q.type,
        documentVersion: q.documentVersion,
        granted: q.granted,
      },
      { producer: 'identity', correlationId: meta.requestId },
    );
    const doc = await this.consents.create({
      _id: id,
      userId: caller.userId,
      type: q.type,
      documentVersion: q.documentVersion,
      granted: q.granted,
      ip: q.client?.ip ?? null,
      userAgent: q.client?.userAgent?.slice(0, 300) ?? null,
      recordedAt: new Date(),
      ...outboxOnInsert([event]),
    });
    this.relay.kick();
    return toConsentView(doc.toObject());
  }

  async list(q: PageQuery, meta: RequestMeta): Promise<Page<ConsentView>> {
    const filter = { userId: requireCaller(meta).userId };
    const { items, total } = await findPage(this.consents, filter, { recordedAt: -1, _id: 1 }, q);
    return toPage(items.map(toConsentView), total, q);
  }
}

const toConsentView = (d: ConsentDoc): ConsentView => ({
  id: d._id,
  type: d.type,
  documentVersion: d.documentVersion,
  granted: d.granted,
  recordedAt: d.recordedAt.toISOString(),
});
