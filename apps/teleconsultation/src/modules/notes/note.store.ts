import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { EventEnvelope } from '@telehealth/contracts';
import { OutboxRelay, outboxOnInsert, withEvents } from '@telehealth/messaging/eventing';
import { insertOrGet } from '@telehealth/persistence';
import type { FilterQuery, Model, UpdateQuery } from 'mongoose';
import { NOTE_MODEL, type NoteDoc } from './note.schema';

export type NewNote = Omit<NoteDoc, 'createdAt' | 'updatedAt' | 'outbox' | 'outboxAt' | 'version'>;

/**
 * Consultation notes: one per appointment (a unique index), changed only by conditional
 * single-document updates from the version a change was decided on, with their events.
 */
@Injectable()
export class NoteStore {
  constructor(
    @InjectModel(NOTE_MODEL) private readonly notes: Model<NoteDoc>,
    private readonly relay: OutboxRelay,
  ) {}

  create(doc: NewNote): Promise<{ doc: NoteDoc; created: boolean }> {
    return insertOrGet(this.notes, { ...doc, version: 0, ...outboxOnInsert([]) }, () =>
      this.notes.findOne({ appointmentId: doc.appointmentId }).lean<NoteDoc>().exec(),
    );
  }

  load(id: string): Promise<NoteDoc | null> {
    return this.notes.findById(id).lean<NoteDoc>().exec();
  }

  ofAppointment(appointmentId: string): Promise<NoteDoc[]> {
    return this.notes.find({ appointmentId }).lean<NoteDoc[]>().exec();
  }

  /** The note changed by `update`, or null when it changed since `current` was read. */
  async update(current: NoteDoc, update: UpdateQuery<NoteDoc>, events: EventEnvelope[] = []): Promise<NoteDoc | null> {
    const filter: FilterQuery<NoteDoc> = { _id: current._id, version: current.version };
    const done = await this.notes
      .findOneAndUpdate(filter, withEvents({ ...update, $inc: { version: 1 } }, events), { new: true })
      .lean<NoteDoc>();
    if (done && events.length) this.relay.kick();
    return done;
  }
}
