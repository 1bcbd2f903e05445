import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import { ThreadSide, type EventEnvelope, type PageQuery } from '@telehealth/contracts';
import { OutboxRelay, outboxOnInsert } from '@telehealth/messaging/eventing';
import { VersionedLog, derivedId, findPage, insertOrGet } from '@telehealth/persistence';
import { MedicalCipher } from '../../common/medical-cipher';
import {
  MESSAGE_THREAD_MODEL,
  THREAD_MESSAGE_MODEL,
  type MessageThreadDoc,
  type ThreadMessageDoc,
} from './thread.schema';

/** The care side of a thread: a doctor (profile id) or a provider organisation. */
export type CareParty =
  { doctorId: string; organisationId?: undefined } | { organisationId: string; doctorId?: undefined };

/** The one thread of a patient and a doctor, or of a patient and an organisation. */
export const threadIdOf = (patientId: string, care: CareParty): string =>
  derivedId(
    care.doctorId ? `thread:${patientId}:doctor:${care.doctorId}` : `thread:${patientId}:org:${care.organisationId}`,
  );

/** What a message says, in clear, before the store numbers and encrypts it. */
export type NewMessage = Pick<ThreadMessageDoc, 'senderId' | 'senderRole' | 'senderSide' | 'text' | 'attachmentIds'>;

/** How many times a post retries when other messages take the numbers it tried. */
const MAX_POST_ATTEMPTS = 100;

const ofSide = <P extends string, C extends string>(side: ThreadSide, patient: P, care: C): P | C =>
  side === ThreadSide.PATIENT ? patient : care;
const otherSide = (side: ThreadSide): ThreadSide => ofSide(side, ThreadSide.CARE, ThreadSide.PATIENT);

/** What unread counts need of a thread. */
export type ReadState = Pick<
  MessageThreadDoc,
  | '_id'
  | 'patientId'
  | 'doctorId'
  | 'organisationId'
  | 'version'
  | 'patientSent'
  | 'careSent'
  | 'patientReadCount'
  | 'careReadCount'
>;

/**
 * Threads and their messages. A message is the insert of the thread's next log entry (the
 * database refuses a number already taken: the loser reloads and takes the next); the thread
 * document follows by a version-guarded update, and any reader catches it up after a crash. The
 * text is encrypted at rest here, and only here.
 */
@Injectable()
export class ThreadStore {
  private readonly log: VersionedLog<ThreadMessageDoc, MessageThreadDoc>;

  constructor(
    @InjectModel(MESSAGE_THREAD_MODEL) private readonly threads: Model<MessageThreadDoc>,
    @InjectModel(THREAD_MESSAGE_MODEL) private readonly messages: Model<ThreadMessageDoc>,
    private readonly relay: OutboxRelay,
    private readonly cipher: MedicalCipher,
  ) {
    this.log = new VersionedLog(messages, threads, {
      // Applied once per message, in order: counted for its side; the thread's activity moves to it.
      toUpdate: (m) => ({
        $set: { lastMessageAt: m.createdAt, activityAt: m.createdAt },
        $inc: { [ofSide(m.senderSide, 'patientSent', 'careSent')]: 1 },
      }),
    });
  }

  /** The thread of the pair: created now, or the one that exists. */
  async open(
    patientId: string,
    care: CareParty,
    openedBy: string,
    now: Date,
  ): Promise<{ doc: MessageThreadDoc; created: boolean }> {
    return insertOrGet(this.threads, {
      _id: threadIdOf(patientId, care),
      patientId,
      doctorId: care.doctorId ?? null,
      organisationId: care.organisationId ?? null,
      version: 0,
      patientSent: 0,
      careSent: 0,
      patientReadSeq: 0,
      careReadSeq: 0,
      patientReadCount: 0,
      careReadCount: 0,
      lastMessageAt: null,
      activityAt: now,
      openedBy,
      deletedAt: null,
    });
  }

  /** The thread, caught up with its messages; null when there is none (or it was deleted). */
  async load(id: string): Promise<MessageThreadDoc | null> {
    const doc = await this.log.load(id);
    return doc && !doc.deletedAt ? doc : null;
  }

  /**
   * Appends a message as the thread's next number after `thread` (as just loaded), with the
   * events `eventsFor(seq, id)` gives it; retried on the next number while other messages take
   * the one it tried. Returns the stored message (in clear) and the thread after it.
   */
  async post(
    thread: MessageThreadDoc,
    message: NewMessage,
    now: Date,
    eventsFor: (seq: number, messageId: string) => EventEnvelope[],
  ): Promise<{ message: ThreadMessageDoc; thread: MessageThreadDoc } | null> {
    const text = this.cipher.encrypt(message.text);
    const threadId = thread._id;
    let current = thread;
    for (let attempt = 0; attempt < MAX_POST_ATTEMPTS; attempt++) {
      const seq: number = current.version + 1;
      const id = `${threadId}:${seq}`;
      const change = {
        ...message,
        text,
        deletedAt: null,
        createdAt: now,
        ...outboxOnInsert(eventsFor(seq, id)),
      };
      const thread = await this.log.append(current, change);
      if (thread) {
        this.relay.kick();
        return {
          message: { ...change, _id: id, aggregateId: threadId, version: seq, text: message.text },
          thread,
        };
      }
      // Another message took this number: try the next one straight away (one insert, no reads).
      // The thread document is caught up by whoever appends after it, or any reader.
      current = { ...current, version: seq };
    }
    return null;
  }

  /**
   * Raises `side`'s read state to `upToSeq` (never lowers it): the message and how many of the
   * other side's messages it covers (every message up to it exists: `upToSeq` is at most the
   * thread's version). Both only grow with `upToSeq`, so two marks at once leave the larger.
   */
  async markRead(threadId: string, side: ThreadSide, upToSeq: number): Promise<MessageThreadDoc | null> {
    const read = await this.messages.countDocuments({
      aggregateId: threadId,
      senderSide: otherSide(side),
      version: { $lte: upToSeq },
    });
    return this.threads
      .findOneAndUpdate(
        { _id: threadId },
        {
          $max: {
            [ofSide(side, 'patientReadSeq', 'careReadSeq')]: upToSeq,
            [ofSide(side, 'patientReadCount', 'careReadCount')]: read,
          },
        },
        { new: true },
      )
      .lean<MessageThreadDoc>();
  }

  async page(filter: FilterQuery<MessageThreadDoc>, q: PageQuery) {
    return findPage(this.threads, { ...filter, deletedAt: null }, { activityAt: -1, _id: 1 }, q);
  }

  /** Every thread of `filter`, only what unread counts need. */
  async readStates(filter: FilterQuery<MessageThreadDoc>): Promise<ReadState[]> {
    return this.threads
      .find(
        { ...filter, deletedAt: null },
        {
          patientId: 1,
          doctorId: 1,
          organisationId: 1,
          version: 1,
          patientSent: 1,
          careSent: 1,
          patientReadCount: 1,
          careReadCount: 1,
        },
      )
      .lean<ReadState[]>();
  }

  /**
   * A thread's messages, newest first, in clear. Numbered without gaps, a page is a range of
   * numbers read by primary key (`${threadId}:${seq}`), and the total is the thread's version:
   * no scan and no count, however long the thread.
   */
  async messagesOf(thread: MessageThreadDoc, q: PageQuery): Promise<{ items: ThreadMessageDoc[]; total: number }> {
    const newest = thread.version - (q.page - 1) * q.limit;
    const ids = Array.from({ length: Math.max(0, Math.min(q.limit, newest)) }, (_, i) => `${thread._id}:${newest - i}`);
    const items = ids.length
      ? await this.messages
          .find({ _id: { $in: ids }, deletedAt: null }, { outbox: 0, outboxAt: 0 })
          .sort({ version: -1 })
          .lean<ThreadMessageDoc[]>()
      : [];
    return { items: items.map((m) => ({ ...m, text: this.cipher.decrypt(m.text) })), total: thread.version };
  }
}
