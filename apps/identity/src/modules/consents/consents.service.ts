import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  IdentityEvents,
  toPage,
  type ConsentView,
  type Page,
  type PageQuery,
  type RecordConsentRequest,
} from '@telehealth/contracts';
import { requireCaller, type RequestMeta } from '@telehealth/messaging';
import { createEvent } from '@telehealth/messaging/eventing';
import type { ConsentDoc } from './consent.schema';
import { ConsentsRepository } from './consents.repository';

@Injectable()
export class ConsentsService {
  constructor(private readonly consents: ConsentsRepository) {}

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
    const doc = await this.consents.insert(
      {
        _id: id,
        userId: caller.userId,
        type: q.type,
        documentVersion: q.documentVersion,
        granted: q.granted,
        ip: q.client?.ip ?? null,
        userAgent: q.client?.userAgent?.slice(0, 300) ?? null,
        recordedAt: new Date(),
      },
      [event],
    );
    return toConsentView(doc);
  }

  async list(q: PageQuery, meta: RequestMeta): Promise<Page<ConsentView>> {
    const { items, total } = await this.consents.pageOf(requireCaller(meta).userId, q);
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
