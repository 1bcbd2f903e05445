import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import { AppointmentStatus, type EventEnvelope, type PageQuery } from '@telehealth/contracts';
import { OutboxRelay, outboxOnInsert, withEvents } from '@telehealth/messaging/eventing';
import { VersionedLog, findPage, insertUnique } from '@telehealth/persistence';
import { APPOINTMENT_MODEL, TRANSITION_MODEL, type AppointmentDoc, type TransitionDoc } from './appointment.schema';
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
 * Appointments as a `VersionedLog`: the transition log (`appointment_transitions`) plus the
 * appointment document as its projection. A change is claimed by inserting its log entry
 * `${id}:${version + 1}` (unique `_id`), so two racing changes from one state can never both
 * happen; the projection is then moved by a version-guarded update that also appends the
 * change's event to the outbox (published exactly when it is projected), and any reader that
 * finds it behind its log (a crash between the two writes) brings it forward itself, probing the
 * log by primary key.
 */
@Injectable()
export class AppointmentStore {
  private readonly log: VersionedLog<TransitionDoc, AppointmentDoc>;

  constructor(
    @InjectModel(APPOINTMENT_MODEL) private readonly appointments: Model<AppointmentDoc>,
    @InjectModel(TRANSITION_MODEL) transitions: Model<TransitionDoc>,
    private readonly relay: OutboxRelay,
  ) {
    this.log = new VersionedLog(transitions, appointments, {
      toUpdate: (t) =>
        withEvents<AppointmentDoc>(
          { $set: { ...t.set, status: t.to } },
          t.event ? [JSON.parse(t.event) as EventEnvelope] : [],
        ),
      onProjected: () => this.relay.kick(),
    });
  }

  /** The new appointment with its events; null when its id, number or Idempotency-Key is taken. */
  async insert(doc: NewAppointment, events: EventEnvelope[]): Promise<AppointmentDoc | null> {
    const created = await insertUnique(this.appointments, { ...doc, version: 0, ...outboxOnInsert(events) });
    if (created) this.relay.kick();
    return created;
  }

  /**
   * The booking a patient made with an Idempotency-Key, as of its latest change (by the unique
   * `{patientId, idempotencyKey}` index: bookings made before their ids were derived from the key).
   */
  async findByKey(patientId: string, idempotencyKey: string): Promise<AppointmentDoc | null> {
    const doc = await this.appointments.findOne({ patientId, idempotencyKey }).lean<AppointmentDoc>();
    return doc ? this.log.catchUp(doc) : null;
  }

  /** The appointment as of its latest change. */
  load(id: string): Promise<AppointmentDoc | null> {
    return this.log.load(id);
  }

  /**
   * Applies `change` to `current`; null when another change from the same version won. The
   * only way an appointment changes after its booking: through a lifecycle transition, logged.
   */
  async apply(current: AppointmentDoc, change: Change): Promise<AppointmentDoc | null> {
    const { transition } = change;
    if (transition.from !== current.status)
      throw new Error(`A transition from ${transition.from} applied to a ${current.status} appointment`);
    return this.log.append(current, {
      appointmentId: current._id,
      action: transition.action,
      from: current.status,
      to: transition.to,
      set: (change.set ?? {}) as Record<string, unknown>,
      event: change.event ? JSON.stringify(change.event) : null,
      actorId: change.actorId ?? null,
      at: new Date(),
    });
  }

  /** Every appointment in a status, a batch at a time (the start-up sweeps of timed jobs). */
  async *withStatus(status: AppointmentStatus): AsyncGenerator<AppointmentDoc> {
    yield* this.appointments.find({ status }).lean<AppointmentDoc[]>().cursor({ batchSize: 100 });
  }

  async page(filter: FilterQuery<AppointmentDoc>, q: PageQuery): Promise<{ items: AppointmentDoc[]; total: number }> {
    const { items, total } = await findPage(this.appointments, filter, { start: 1, _id: 1 }, q);
    return { items: await Promise.all(items.map((d) => this.log.catchUp(d))), total };
  }
}
