import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import type { ConsultationRequestStatus, EventEnvelope, PageQuery } from '@telehealth/contracts';
import { OutboxRelay, outboxOnInsert, withEvents } from '@telehealth/messaging/eventing';
import { findPage, insertUnique } from '@telehealth/persistence';
import { MedicalCipher } from '../../common/medical-cipher';
import { CONSULTATION_REQUEST_MODEL, type ConsultationRequestDoc } from './consultation-request.schema';

export type NewRequest = Omit<ConsultationRequestDoc, 'createdAt' | 'updatedAt' | 'outbox' | 'outboxAt'>;

/**
 * On-demand requests: inserted once, then moved only from the status a change was decided on.
 * The symptoms are encrypted at rest here, and only here: callers read and write them in clear.
 */
@Injectable()
export class ConsultationRequestStore {
  constructor(
    @InjectModel(CONSULTATION_REQUEST_MODEL) private readonly requests: Model<ConsultationRequestDoc>,
    private readonly relay: OutboxRelay,
    private readonly cipher: MedicalCipher,
  ) {}

  /** The new request with its events; null when its id or number is taken. */
  async insert(doc: NewRequest, events: EventEnvelope[]): Promise<ConsultationRequestDoc | null> {
    const created = await insertUnique(this.requests, {
      ...doc,
      symptoms: this.cipher.encrypt(doc.symptoms),
      ...outboxOnInsert(events),
    });
    if (created) this.relay.kick();
    return this.clear(created);
  }

  async load(id: string): Promise<ConsultationRequestDoc | null> {
    return this.clear(await this.requests.findById(id).lean<ConsultationRequestDoc>());
  }

  private clear(doc: ConsultationRequestDoc | null): ConsultationRequestDoc | null {
    return doc && { ...doc, symptoms: this.cipher.decrypt(doc.symptoms) ?? '' };
  }

  /**
   * Moves the request from one of `from` (as it still is in the database) with `set` and its
   * events; null when it is in none of them any more (another change came first).
   */
  async move(
    id: string,
    from: ConsultationRequestStatus[],
    set: Partial<ConsultationRequestDoc>,
    events: (before: ConsultationRequestDoc) => EventEnvelope[],
  ): Promise<ConsultationRequestDoc | null> {
    const before = this.clear(
      await this.requests.findOne({ _id: id, status: { $in: from } }).lean<ConsultationRequestDoc>(),
    );
    if (!before) return null;
    const done = await this.requests
      .findOneAndUpdate(
        // Every move changes the status and none comes back to one: a change made since the read fails this update.
        { _id: id, status: before.status },
        withEvents<ConsultationRequestDoc>({ $set: set }, events(before)),
        { new: true },
      )
      .lean<ConsultationRequestDoc>();
    if (done) this.relay.kick();
    return this.clear(done);
  }

  async page(filter: FilterQuery<ConsultationRequestDoc>, q: PageQuery) {
    const { items, total } = await findPage(this.requests, filter, { createdAt: -1, _id: 1 }, q);
    return { items: items.map((d) => this.clear(d) as ConsultationRequestDoc), total };
  }

  async *inStatus(statuses: ConsultationRequestStatus[]): AsyncGenerator<ConsultationRequestDoc> {
    for await (const doc of this.requests
      .find({ status: { $in: statuses } })
      .lean<ConsultationRequestDoc[]>()
      .cursor({ batchSize: 100 }))
      yield this.clear(doc) as ConsultationRequestDoc;
  }
}
