import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model, UpdateQuery } from 'mongoose';
import type { EventEnvelope, PageQuery } from '@telehealth/contracts';
import { OutboxRelay, outboxOnInsert, withEvents } from '@telehealth/messaging/eventing';
import { findPage, insertOrGet } from '@telehealth/persistence';
import { CONSULTATION_MODEL, type ConsultationDoc } from './consultation.schema';

export type NewConsultation = Omit<ConsultationDoc, 'createdAt' | 'updatedAt' | 'outbox' | 'outboxAt' | 'version'>;

/** A change decided on one version of a session. */
export interface SessionUpdate {
  set?: Partial<ConsultationDoc> & Record<string, unknown>;
  /** A provider event id to record as applied (with the change, atomically). */
  seenEvent?: string;
  events?: EventEnvelope[];
}

/** How many provider event ids a session remembers (far more than one call sends). */
const SEEN_EVENTS_KEPT = 100;

/**
 * Consultation sessions. A session is created once per appointment (its id derives from it: the
 * first event creates it, the others find it) and changed only by conditional single-document
 * updates from the version the change was decided on, each carrying its events; of two changes
 * decided on one version exactly one applies, and the other is decided again on the new state.
 */
@Injectable()
export class ConsultationStore {
  constructor(
    @InjectModel(CONSULTATION_MODEL) private readonly sessions: Model<ConsultationDoc>,
    private readonly relay: OutboxRelay,
  ) {}

  /** The session of the appointment: created now with its events, or the one that exists. */
  async open(doc: NewConsultation, events: EventEnvelope[]): Promise<{ doc: ConsultationDoc; created: boolean }> {
    const result = await insertOrGet(this.sessions, { ...doc, version: 0, ...outboxOnInsert(events) });
    if (result.created) this.relay.kick();
    return result;
  }

  load(id: string): Promise<ConsultationDoc | null> {
    return this.sessions.findById(id).lean<ConsultationDoc>().exec();
  }

  /** The session changed by `update`, or null when it changed since `current` was read. */
  async update(current: ConsultationDoc, update: SessionUpdate): Promise<ConsultationDoc | null> {
    const filter: FilterQuery<ConsultationDoc> = { _id: current._id, version: current.version };
    const query: UpdateQuery<ConsultationDoc> = { $set: { ...update.set }, $inc: { version: 1 } };
    if (update.seenEvent) {
      filter.seenEvents = { $ne: update.seenEvent };
      query.$push = { seenEvents: { $each: [update.seenEvent], $slice: -SEEN_EVENTS_KEPT } };
    }
    const events = update.events ?? [];
    const done = await this.sessions
      .findOneAndUpdate(filter, withEvents(query, events), { new: true })
      .lean<ConsultationDoc>();
    if (done && events.length) this.relay.kick();
    return done;
  }

  async page(filter: FilterQuery<ConsultationDoc>, q: PageQuery): Promise<{ items: ConsultationDoc[]; total: number }> {
    return findPage(this.sessions, filter, { scheduledStart: 1, _id: 1 }, q);
  }

  /** Sessions still to take place or under way, a batch at a time (the start-up sweep of their timers). */
  async *inStatus(statuses: string[]): AsyncGenerator<ConsultationDoc> {
    yield* this.sessions
      .find({ status: { $in: statuses } })
      .lean<ConsultationDoc[]>()
      .cursor({ batchSize: 100 });
  }
}
