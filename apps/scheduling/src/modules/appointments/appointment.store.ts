import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import { AppointmentStatus, type EventEnvelope, type PageQuery } from '@telehealth/contracts';
import { findPage, isDuplicateKey } from '@telehealth/messaging';
import { OutboxRelay, outboxOnInsert, withEvents } from '@telehealth/messaging/eventing';
import { APPOINTMENT_MODEL, TRANSITION_MODEL, type AppointmentDoc, type TransitionDoc } from './appointment.schema';
import { BOOKING_KEY_MODEL, type BookingKeyDoc } from './booking-key.schema';
import type { Transition } from './lifecycle';

export type NewAppointment = Omit<AppointmentDoc, 'createdAt' | 'updatedAt' | 'outbox' | 'outboxAt' | 'version'>;

/** A transition the lifecycle decided, with what it writes and announces. */
export interface Change {
  transition: Transition;
  set?: Partial<AppointmentDoc>;
  event?: EventEnvelope;
  actorId?: string | null;
}

/**
 * Appointments as a transition log plus a projection. A change is claimed by inserting its
 * log entry `${id}:${version + 1}` (unique `_id`), so two racing changes from one state can
 * never both happen; the projection is then brought forward, and any reader that finds it
 * behind the log (a crash between the two writes) brings it forward itself.
 */
@Injectable()
export class AppointmentStore {
  constructor(
    @InjectModel(APPOINTMENT_MODEL) private readonly appointments: Model<AppointmentDoc>,
    @InjectModel(TRANSITION_MODEL) private readonly transitions: Model<TransitionDoc>,
    @InjectModel(BOOKING_KEY_MODEL) private readonly keys: Model<BookingKeyDoc>,
    private readonly relay: OutboxRelay,
  ) {}

  async insert(doc: NewAppointment, events: EventEnvelope[]): Promise<AppointmentDoc> {
    const created = await this.appointments.create({ ...doc, version: 0, ...outboxOnInsert(events) });
    this.relay.kick();
    return created.toObject();
  }

  /** Claims a patient's Idempotency-Key for one booking attempt; false when another holds it. */
  async claimKey(patientId: string, key: string, appointmentId: string): Promise<boolean> {
    try {
      await this.keys.create({ _id: `${patientId}:${key}`, appointmentId, claimedAt: new Date() });
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }

  async releaseKey(patientId: string, key: string, appointmentId: string): Promise<void> {
    await this.keys.deleteOne({ _id: `${patientId}:${key}`, appointmentId });
  }

  /** The booking a patient made with an Idempotency-Key, as of its latest change. */
  async findByKey(patientId: string, idempotencyKey: string): Promise<AppointmentDoc | null> {
    const doc = await this.appointments.findOne({ patientId, idempotencyKey }).lean<AppointmentDoc>();
    return doc ? this.catchUp(doc) : null;
  }

  /** The appointment as of its latest change. */
  async load(id: string): Promise<AppointmentDoc | null> {
    const doc = await this.appointments.findById(id).lean<AppointmentDoc>();
    return doc ? this.catchUp(doc) : null;
  }

  /**
   * Applies `change` to `current`; null when another change from the same version won. The
   * only way an appointment changes after its booking: through a lifecycle transition, logged.
   */
  async apply(current: AppointmentDoc, change: Change): Promise<AppointmentDoc | null> {
    const { transition } = change;
    if (transition.from !== current.status)
      throw new Error(`A transition from ${transition.from} applied to a ${current.status} appointment`);
    const version = current.version + 1;
    const entry: TransitionDoc = {
      _id: `${current._id}:${version}`,
      appointmentId: current._id,
      version,
      action: transition.action,
      from: current.status,
      to: transition.to,
      set: (change.set ?? {}) as Record<string, unknown>,
      event: change.event ? JSON.stringify(change.event) : null,
      actorId: change.actorId ?? null,
      at: new Date(),
    };
    try {
      await this.transitions.create(entry);
    } catch (err) {
      if (isDuplicateKey(err)) return null;
      throw err;
    }
    return this.project(current._id, entry);
  }

  /** Every appointment in a status, a batch at a time (the start-up sweeps of timed jobs). */
  async *withStatus(status: AppointmentStatus): AsyncGenerator<AppointmentDoc> {
    yield* this.appointments.find({ status }).lean<AppointmentDoc[]>().cursor({ batchSize: 100 });
  }

  async page(filter: FilterQuery<AppointmentDoc>, q: PageQuery): Promise<{ items: AppointmentDoc[]; total: number }> {
    const { items, total } = await findPage(this.appointments, filter, { start: 1, _id: 1 }, q);
    return { items: await Promise.all(items.map((d) => this.catchUp(d))), total };
  }

  private async catchUp(doc: AppointmentDoc): Promise<AppointmentDoc> {
    const newer = await this.transitions
      .find({ appointmentId: doc._id, version: { $gt: doc.version } })
      .sort({ version: 1 })
      .lean<TransitionDoc[]>();
    let current = doc;
    for (const t of newer) current = await this.project(doc._id, t);
    return current;
  }

  /** Writes a logged change into the projection (idempotent: a later version is never undone). */
  private async project(id: string, t: TransitionDoc): Promise<AppointmentDoc> {
    const events = t.event ? [JSON.parse(t.event) as EventEnvelope] : [];
    const updated = await this.appointments
      .findOneAndUpdate(
        { _id: id, version: { $lt: t.version } },
        withEvents<AppointmentDoc>({ $set: { ...t.set, status: t.to, version: t.version } }, events),
        { new: true },
      )
      .lean<AppointmentDoc>();
    if (updated) {
      this.relay.kick();
      return updated;
    }
    // Another writer projected this version (or a later one) first.
    const current = await this.appointments.findById(id).lean<AppointmentDoc>();
    if (!current) throw new Error(`Appointment ${id} has a transition log but no document`);
    return current;
  }
}
