import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import type { EventEnvelope, InboxQuery } from '@telehealth/contracts';
import { OutboxRelay, outboxOnInsert } from '@telehealth/messaging/eventing';
import { claimOnce, findPage } from '@telehealth/persistence';
import { INBOX_ITEM_MODEL, type InboxItemDoc } from './inbox.schema';

/** The in-app notifications. Every read and write of a user's items is scoped by the owner. */
@Injectable()
export class InboxRepository {
  constructor(
    @InjectModel(INBOX_ITEM_MODEL) private readonly items: Model<InboxItemDoc>,
    private readonly relay: OutboxRelay,
  ) {}

  /**
   * Writes an item once (its id is the delivery id) with its events in the same document: a
   * second write changes nothing and announces nothing.
   */
  async insertOnce(item: InboxItemDoc, events: EventEnvelope[]): Promise<void> {
    if ((await claimOnce(this.items, { ...item, ...outboxOnInsert(events) })) && events.length) this.relay.kick();
  }

  /** The owner's items, newest first. */
  pageOf(userId: string, q: InboxQuery): Promise<{ items: InboxItemDoc[]; total: number }> {
    const filter: FilterQuery<InboxItemDoc> = { userId };
    if (q.unreadOnly) filter.readAt = null;
    return findPage(this.items, filter, { createdAt: -1, _id: 1 }, q);
  }

  countUnread(userId: string): Promise<number> {
    return this.items.countDocuments({ userId, readAt: null });
  }

  findOwned(id: string, userId: string): Promise<InboxItemDoc | null> {
    return this.items.findOne({ _id: id, userId }).lean<InboxItemDoc>();
  }

  /** Marks an unread item read (an item read already keeps its first read time). */
  async markRead(id: string, userId: string, readAt: Date): Promise<void> {
    await this.items.updateOne({ _id: id, userId, readAt: null }, { $set: { readAt } });
  }

  /** Marks every unread item of the owner read; returns how many. */
  async markAllRead(userId: string, readAt: Date): Promise<number> {
    const r = await this.items.updateMany({ userId, readAt: null }, { $set: { readAt } });
    return r.modifiedCount;
  }
}
