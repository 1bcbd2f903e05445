import { createHash, randomInt, randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import {
  AppointmentStatus,
  CancelledBy,
  ConsultationMode,
  IdentityRpc,
  PaymentStatus,
  Role,
  SchedulingEvents,
  SlotMode,
  toPage,
  type AppointmentQuery,
  type AppointmentView,
  type BookAppointmentRequest,
  type EventContract,
  type Page,
  type RescheduleRequest,
  type TransitionRequest,
} from '@telehealth/contracts';
import {
  DomainError,
  RpcCallError,
  RpcClient,
  isDuplicateKey,
  requireCaller,
  requireRole,
  type RequestMeta,
} from '@telehealth/messaging';
import { createEvent } from '@telehealth/messaging/eventing';
import type { FilterQuery } from 'mongoose';
import { SchedulingConfig } from '../../config/scheduling.config';
import { SeatsService } from '../seats/seats.service';
import { requireRelation, requireVisible, visibleFilter, type Relation } from './appointment-access';
import { eventBase, toAppointmentView } from './appointment.mapper';
import type { AppointmentDoc } from './appointment.schema';
import { AppointmentStore, type Change } from './appointment.store';
import { confirmationDeadline } from './confirmation-deadline';
import { ConfirmationDeadlineQueue } from './confirmation-deadline.queue';
import { HoldExpiryQueue } from './hold-expiry.queue';
import { Action, holdsSeat, nextStatus } from './lifecycle';
import type { ExpandedSlot } from '../availability/slot-expansion.types';
import { SlotCatalog, parseSlotId } from './slot-catalog';

/** Why the system declined a request (on the appointment's `cancellation`: the event has no reason). */
const UNANSWERED = 'The doctor did not confirm the booking in time';

const origin = (correlationId?: string) => ({ producer: 'scheduling' as const, correlationId });

/** What a booking request asks for, hashed: a retry must ask for the same. */
const hashOf = ({ idempotencyKey: _key, ...q }: BookAppointmentRequest): string =>
  createHash('sha256')
    .update(
      JSON.stringify(
        Object.keys(q)
          .sort()
          .map((k) => [k, (q as Record<string, unknown>)[k]]),
      ),
    )
    .digest('base64url');

/** Booking and the appointment lifecycle (DOMAIN flows 2-4, scheduling side). */
@Injectable()
export class AppointmentsService {
  private readonly logger = new Logger(AppointmentsService.name);

  constructor(
    private readonly store: AppointmentStore,
    private readonly seats: SeatsService,
    private readonly slots: SlotCatalog,
    private readonly holds: HoldExpiryQueue,
    private readonly confirmations: ConfirmationDeadlineQueue,
    private readonly rpc: RpcClient,
    private readonly config: SchedulingConfig,
  ) {}

  /**
   * A patient books a slot for themselves or a dependent. The seat is taken first (a unique
   * insert: never more bookings than seats), then the appointment is written with its events.
   * A fee holds the seat until payment (or expiry); a free slot confirms at once. With an
   * Idempotency-Key, a retry returns the first booking and never takes a second seat.
   */
  async book(q: BookAppointmentRequest, meta: RequestMeta): Promise<AppointmentView> {
    const caller = requireRole(meta, Role.PATIENT);
    const requestHash = hashOf(q);
    const key = q.idempotencyKey;
    // A retry is answered from the first booking, whatever has happened to the slot since.
    const earlier = key ? await this.store.findByKey(caller.userId, key) : null;
    if (earlier) return this.replayed(earlier, requestHash);
    if (q.paymentMethod && !['WALLET', 'CARD'].includes(q.paymentMethod))
      throw DomainError.invalid('paymentMethod', 'must be WALLET or CARD');
    if (!parseSlotId(q.slotId)) throw DomainError.invalid('slotId', 'is not a slot id from GET /v1/doctors/{id}/slots');
    if (q.dependentId) await this.requireOwnDependent(q.dependentId, meta);
    const found = await this.slots.find(q.slotId, new Date());
    if (!found)
      throw DomainError.invalid(
        'slotId',
        'is not an open slot of this doctor (taken down, too soon or too far ahead)',
        'SLOT_NOT_OFFERED',
      );
    this.checkMode(q, found.slot.mode, found.slot.clinicId);
    const id = randomUUID();
    // Of concurrent attempts with one key, one books; the others answer with its booking.
    if (key && !(await this.store.claimKey(caller.userId, key, id))) {
      return this.replayed(await this.awaitKeyedBooking(caller.userId, key), requestHash);
    }
    try {
      return await this.bookClaimed(id, q, requestHash, found, caller.userId, meta);
    } catch (err) {
      if (key) await this.store.releaseKey(caller.userId, key, id);
      throw err;
    }
  }

  /** The rest of a booking, once any Idempotency-Key is this attempt's. */
  private async bookClaimed(
    id: string,
    q: BookAppointmentRequest,
    requestHash: string,
    { slot, doctor }: NonNullable<Awaited<ReturnType<SlotCatalog['find']>>>,
    patientId: string,
    meta: RequestMeta,
  ): Promise<AppointmentView> {
    const { seatClaimId, dayClaimId } = await this.takePlace(slot, id);

    const free = slot.fee.amountMinor === 0;
    const requiresConfirmation = doctor.requiresConfirmation || !doctor.allowDirectBooking;
    const status = !free
      ? AppointmentStatus.PENDING_PAYMENT
      : requiresConfirmation
        ? AppointmentStatus.PENDING_CONFIRMATION
        : AppointmentStatus.CONFIRMED;
    const holdExpiresAt = free ? null : new Date(Date.now() + this.config.HOLD_SECONDS * 1000);
    const confirmBy =
      status === AppointmentStatus.PENDING_CONFIRMATION ? this.deadlineFor(new Date(), slot.start) : null;
    const doc: Omit<AppointmentDoc, 'createdAt' | 'updatedAt' | 'outbox' | 'outboxAt' | 'version' | 'number'> = {
      _id: id,
      patientId,
      idempotencyKey: q.idempotencyKey ?? `auto:${id}`,
      requestHash,
      dependentId: q.dependentId ?? null,
      doctorId: slot.doctorId,
      organisationId: doctor.organisationId,
      clinicId: q.mode === ConsultationMode.IN_CLINIC ? slot.clinicId : null,
      mode: q.mode,
      slotId: slot.id,
      seatClaimId,
      dayClaimId,
      start: slot.start,
      end: slot.end,
      timeZone: slot.timeZone,
      status,
      reason: q.reason ?? null,
      symptoms: q.symptoms ?? null,
      contactNumber: q.contactNumber ?? null,
      callPreference: q.callPreference ?? null,
      paymentMethod: q.paymentMethod ?? 'WALLET',
      roomId: q.mode === ConsultationMode.ONLINE ? `room-${id}` : null,
      requiresConfirmation,
      payment: {
        status: free ? PaymentStatus.NOT_REQUIRED : PaymentStatus.PENDING,
        amount: slot.fee,
        coveredByInsurance: false,
        reference: null,
      },
      holdExpiresAt,
      confirmBy,
      cancellation: null,
    };
    let created: AppointmentDoc;
    try {
      created = await this.insertNumbered(doc, meta.requestId);
    } catch (err) {
      await this.freePlace(seatClaimId, dayClaimId, id);
      throw err;
    }
    if (holdExpiresAt) await this.holds.schedule(id, holdExpiresAt);
    if (confirmBy) await this.confirmations.schedule(id, confirmBy);
    return toAppointmentView(created);
  }

  async get(id: string, meta: RequestMeta): Promise<AppointmentView> {
    return toAppointmentView(requireVisible(requireCaller(meta), await this.store.load(id)).a);
  }

  async list(q: AppointmentQuery, meta: RequestMeta): Promise<Page<AppointmentView>> {
    const filter: FilterQuery<AppointmentDoc> = { ...visibleFilter(requireCaller(meta)) };
    if (q.status) filter.status = q.status;
    if (q.doctorId) filter.doctorId = q.doctorId;
    if (q.patientId) filter.patientId = q.patientId;
    if (q.from || q.to)
      filter.start = { ...(q.from && { $gte: new Date(q.from) }), ...(q.to && { $lt: new Date(q.to) }) };
    const { items, total } = await this.store.page(filter, q);
    return toPage(items.map(toAppointmentView), total, q);
  }

  confirm(q: TransitionRequest, meta: RequestMeta) {
    return this.act(q.id, Action.CONFIRM, meta, ['doctor', 'staff', 'admin'], SchedulingEvents.appointmentConfirmed);
  }

  decline(q: TransitionRequest, meta: RequestMeta) {
    return this.act(
      q.id,
      Action.DECLINE,
      meta,
      ['doctor', 'staff', 'admin'],
      SchedulingEvents.appointmentDeclined,
      (r) => ({
        declinedBy: r === 'doctor' ? CancelledBy.DOCTOR : CancelledBy.CLINIC,
      }),
    );
  }

  start(q: TransitionRequest, meta: RequestMeta) {
    return this.act(q.id, Action.START, meta, ['doctor', 'staff', 'admin'], SchedulingEvents.appointmentStarted);
  }

  complete(q: TransitionRequest, meta: RequestMeta) {
    return this.act(q.id, Action.COMPLETE, meta, ['doctor', 'staff', 'admin'], SchedulingEvents.appointmentCompleted);
  }

  noShow(q: TransitionRequest, meta: RequestMeta) {
    return this.act(q.id, Action.NO_SHOW, meta, ['doctor', 'staff', 'admin'], SchedulingEvents.appointmentNoShow);
  }

  async cancel(q: TransitionRequest, meta: RequestMeta): Promise<AppointmentView> {
    const caller = requireCaller(meta);
    const { a, relation } = requireVisible(caller, await this.store.load(q.id));
    if (relation === 'patient') this.requireBeforeCutoff(a, 'cancel');
    const by =
      relation === 'patient'
        ? CancelledBy.PATIENT
        : relation === 'doctor'
          ? CancelledBy.DOCTOR
          : relation === 'staff'
            ? CancelledBy.CLINIC
            : CancelledBy.SYSTEM;
    const reason = q.reason?.trim() || 'No reason given';
    const cancellation = { by, reason, at: new Date() };
    const done = await this.transition(a, Action.CANCEL, caller.userId, meta, { cancellation }, (d) =>
      createEvent(
        SchedulingEvents.appointmentCancelled,
        d._id,
        {
          ...eventBase(d, { status: AppointmentStatus.CANCELLED }),
          cancelledBy: by,
          reason,
          previousStatus: a.status,
        },
        origin(meta.requestId),
      ),
    );
    return toAppointmentView(done);
  }

  /**
   * Moves the appointment to another slot of the same doctor. The new seat is taken before
   * the old one is released, so the patient never ends up with neither (nor both, visibly).
   */
  async reschedule(q: RescheduleRequest, meta: RequestMeta): Promise<AppointmentView> {
    const caller = requireCaller(meta);
    const { a, relation } = requireVisible(caller, await this.store.load(q.id));
    requireRelation(relation, ['patient', 'staff', 'admin'], 'reschedule');
    if (relation === 'patient') this.requireBeforeCutoff(a, 'reschedule');
    if (!nextStatus(a.status, Action.RESCHEDULE)) throw this.illegal(a, Action.RESCHEDULE);
    const target = parseSlotId(q.slotId);
    if (!target || target.doctorId !== a.doctorId)
      throw DomainError.invalid('slotId', 'must be another slot of the same doctor');
    if (q.slotId === a.slotId) throw DomainError.invalid('slotId', 'is the current slot');
    const found = await this.slots.find(q.slotId, new Date());
    if (!found) throw DomainError.invalid('slotId', 'is not an open slot of this doctor', 'SLOT_NOT_OFFERED');
    const { slot } = found;
    if (a.mode === ConsultationMode.IN_CLINIC ? slot.mode === SlotMode.ONLINE : slot.mode === SlotMode.IN_CLINIC) {
      throw DomainError.invalid('slotId', `does not offer ${a.mode} consultations`);
    }
    const { seatClaimId, dayClaimId } = await this.takePlace(slot, a._id);
    const set: Partial<AppointmentDoc> = {
      slotId: slot.id,
      seatClaimId,
      dayClaimId,
      start: slot.start,
      end: slot.end,
      timeZone: slot.timeZone,
      clinicId: a.mode === ConsultationMode.IN_CLINIC ? slot.clinicId : null,
    };
    // A request moved to a sooner slot may have to be answered sooner; never later.
    if (a.status === AppointmentStatus.PENDING_CONFIRMATION) {
      const sooner = this.deadlineFor(new Date(), slot.start);
      set.confirmBy = new Date(Math.min(this.confirmByOf(a).getTime(), sooner.getTime()));
    }
    const event = createEvent(
      SchedulingEvents.appointmentRescheduled,
      a._id,
      {
        ...eventBase(a, set),
        previousStart: a.start.toISOString(),
        previousEnd: a.end.toISOString(),
        previousSlotId: a.slotId,
      },
      origin(meta.requestId),
    );
    const moved = await this.store.apply(a, {
      action: Action.RESCHEDULE,
      to: a.status,
      set,
      event,
      actorId: caller.userId,
    });
    if (!moved) {
      await this.freePlace(seatClaimId, dayClaimId, a._id);
      throw this.raced(a._id);
    }
    await this.freePlace(a.seatClaimId, a.dayClaimId, a._id);
    if (set.confirmBy && set.confirmBy.getTime() !== a.confirmBy?.getTime()) {
      await this.confirmations.cancel(a._id);
      await this.confirmations.schedule(a._id, set.confirmBy);
    }
    return toAppointmentView(moved);
  }

  /** Payment arrived (wallet-claims): confirm, or wait for the doctor. Ignored unless pending. */
  async paymentCompleted(
    appointmentId: string,
    reference: string,
    coveredByInsurance: boolean,
    correlationId: string,
  ): Promise<void> {
    const a = await this.store.load(appointmentId);
    // Redelivered after the deadline job could not be added: add it now.
    if (a?.status === AppointmentStatus.PENDING_CONFIRMATION)
      return this.confirmations.ensure(a._id, this.confirmByOf(a));
    if (!a || a.status !== AppointmentStatus.PENDING_PAYMENT) return;
    const to = a.requiresConfirmation ? AppointmentStatus.PENDING_CONFIRMATION : AppointmentStatus.CONFIRMED;
    const payment = { ...a.payment, status: PaymentStatus.PAID, reference, coveredByInsurance };
    const confirmBy = to === AppointmentStatus.PENDING_CONFIRMATION ? this.deadlineFor(new Date(), a.start) : null;
    const change: Change = {
      action: Action.PAY,
      to,
      set: { payment, holdExpiresAt: null, confirmBy },
      event:
        to === AppointmentStatus.CONFIRMED
          ? createEvent(
              SchedulingEvents.appointmentConfirmed,
              a._id,
              eventBase(a, { status: to }),
              origin(correlationId),
            )
          : undefined,
    };
    if (!(await this.store.apply(a, change))) return;
    await this.holds.cancel(a._id);
    if (confirmBy) await this.confirmations.schedule(a._id, confirmBy);
  }

  /** Payment failed: the booking is released (flow 2: "insufficient funds -> seat released"). */
  async paymentFailed(appointmentId: string, message: string, correlationId: string): Promise<void> {
    const a = await this.store.load(appointmentId);
    if (!a || a.status !== AppointmentStatus.PENDING_PAYMENT) return;
    const reason = `Payment failed: ${message}`;
    await this.transitionQuietly(
      a,
      Action.FAIL_PAYMENT,
      {
        cancellation: { by: CancelledBy.SYSTEM, reason, at: new Date() },
        payment: { ...a.payment, status: PaymentStatus.FAILED },
      },
      (d) =>
        createEvent(
          SchedulingEvents.appointmentCancelled,
          d._id,
          {
            ...eventBase(d, { status: AppointmentStatus.CANCELLED }),
            cancelledBy: CancelledBy.SYSTEM,
            reason,
            previousStatus: a.status,
          },
          origin(correlationId),
        ),
    );
  }

  /** The hold ran out unpaid (BullMQ delayed job): the seat is free again. */
  async expireHold(appointmentId: string): Promise<void> {
    const a = await this.store.load(appointmentId);
    if (!a || a.status !== AppointmentStatus.PENDING_PAYMENT) return;
    await this.transitionQuietly(a, Action.EXPIRE, {}, (d) =>
      createEvent(
        SchedulingEvents.appointmentHoldExpired,
        d._id,
        eventBase(d, { status: AppointmentStatus.EXPIRED }),
        origin(),
      ),
    );
  }

  /**
   * The doctor did not answer by the deadline (BullMQ delayed job): declined by the system, so
   * the seat is free and the held fee released. A doctor's answer first, or at the same moment
   * (one transition per version), leaves it alone.
   */
  async declineUnanswered(appointmentId: string): Promise<void> {
    const a = await this.store.load(appointmentId);
    if (!a || a.status !== AppointmentStatus.PENDING_CONFIRMATION) return;
    const cancellation = { by: CancelledBy.SYSTEM, reason: UNANSWERED, at: new Date() };
    await this.transitionQuietly(a, Action.DECLINE, { cancellation }, (d, to) =>
      createEvent(
        SchedulingEvents.appointmentDeclined,
        d._id,
        { ...eventBase(d, { status: to }), declinedBy: CancelledBy.SYSTEM, reason: UNANSWERED },
        origin(),
      ),
    );
  }

  /**
   * Gives every unpaid hold its expiry job again (on start): one lost between the write and the
   * job add would otherwise keep its seat forever. Past ones expire at once.
   */
  async scheduleHoldExpiries(): Promise<number> {
    let n = 0;
    for await (const a of this.store.withStatus(AppointmentStatus.PENDING_PAYMENT)) {
      if (!a.holdExpiresAt) continue;
      await this.holds.ensure(a._id, a.holdExpiresAt);
      n++;
    }
    return n;
  }

  /** At start-up: every request waiting for its doctor has its deadline job; returns how many. */
  async scheduleConfirmationDeadlines(): Promise<number> {
    let n = 0;
    for await (const a of this.store.withStatus(AppointmentStatus.PENDING_CONFIRMATION)) {
      await this.confirmations.ensure(a._id, this.confirmByOf(a));
      n++;
    }
    return n;
  }

  private deadlineFor(from: Date, start: Date): Date {
    return confirmationDeadline(from, start, {
      windowMinutes: this.config.CONFIRMATION_WINDOW_MINUTES,
      cutoffMinutes: this.config.CONFIRMATION_CUTOFF_MINUTES,
    });
  }

  /** Requests from before deadlines existed count from their last change. */
  private confirmByOf(a: AppointmentDoc): Date {
    return a.confirmBy ?? this.deadlineFor(a.updatedAt, a.start);
  }

  private async act(
    id: string,
    action: Action,
    meta: RequestMeta,
    allowed: Relation[],
    contract: EventContract<ReturnType<typeof eventBase>>,
    extra: (relation: Relation) => object = () => ({}),
  ): Promise<AppointmentView> {
    const caller = requireCaller(meta);
    const { a, relation } = requireVisible(caller, await this.store.load(id));
    requireRelation(relation, allowed, action);
    const done = await this.transition(a, action, caller.userId, meta, {}, (d, to) =>
      createEvent(contract, d._id, { ...eventBase(d, { status: to }), ...extra(relation) }, origin(meta.requestId)),
    );
    return toAppointmentView(done);
  }

  /** Validates and applies one change; frees the seat when the new state holds none. */
  private async transition(
    a: AppointmentDoc,
    action: Action,
    actorId: string | null,
    meta: RequestMeta,
    set: Partial<AppointmentDoc>,
    event: (a: AppointmentDoc, to: AppointmentStatus) => ReturnType<typeof createEvent>,
  ): Promise<AppointmentDoc> {
    const to = nextStatus(a.status, action);
    if (!to) throw this.illegal(a, action);
    const done = await this.store.apply(a, { action, to, set, event: event(a, to), actorId });
    if (!done) throw this.raced(a._id);
    if (holdsSeat(a.status) && !holdsSeat(to)) {
      await this.freePlace(a.seatClaimId, a.dayClaimId, a._id);
      await this.holds.cancel(a._id);
    }
    if (a.status === AppointmentStatus.PENDING_CONFIRMATION && to !== a.status) await this.confirmations.cancel(a._id);
    this.logger.debug(`${a._id}: ${a.status} -> ${to} (${action}) by ${actorId ?? 'system'} [${meta.requestId}]`);
    return done;
  }

  /** System transitions: a lost race means someone else already moved it on, which is fine. */
  private async transitionQuietly(
    a: AppointmentDoc,
    action: Action,
    set: Partial<AppointmentDoc>,
    event: (a: AppointmentDoc, to: AppointmentStatus) => ReturnType<typeof createEvent>,
  ): Promise<void> {
    try {
      await this.transition(a, action, null, { requestId: randomUUID() }, set, event);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
    }
  }

  /** A seat of the slot and, under a daily cap, a place in the doctor's day: both or neither. */
  private async takePlace(
    slot: ExpandedSlot,
    appointmentId: string,
  ): Promise<{ seatClaimId: string; dayClaimId: string | null }> {
    const seatClaimId = await this.seats.claim({
      slotId: slot.id,
      doctorId: slot.doctorId,
      start: slot.start,
      capacity: slot.capacity,
      appointmentId,
    });
    if (!seatClaimId) throw DomainError.conflict('This slot is fully booked', 'SLOT_FULL');
    const cap = this.config.MAX_APPOINTMENTS_PER_DAY;
    if (!cap) return { seatClaimId, dayClaimId: null };
    const dayClaimId = await this.seats.claimDay(slot.doctorId, slot.localDate, cap, appointmentId);
    if (!dayClaimId) {
      await this.seats.release(seatClaimId, appointmentId);
      throw DomainError.conflict(
        `The doctor takes at most ${cap} appointments on ${slot.localDate}`,
        'DAILY_CAP_REACHED',
      );
    }
    return { seatClaimId, dayClaimId };
  }

  private async freePlace(seatClaimId: string | null, dayClaimId: string | null, appointmentId: string): Promise<void> {
    await this.seats.release(seatClaimId, appointmentId);
    await this.seats.releaseDay(dayClaimId, appointmentId);
  }

  /**
   * Waits briefly (a few sparse reads, so waiters cannot swamp the database under load) for
   * the booking of a concurrent attempt holding the same key; then asks the client to retry.
   */
  private async awaitKeyedBooking(patientId: string, key: string): Promise<AppointmentDoc> {
    for (let i = 0; i < 8; i++) {
      await new Promise((r) => setTimeout(r, 250));
      const earlier = await this.store.findByKey(patientId, key);
      if (earlier) return earlier;
    }
    throw DomainError.conflict(
      'A booking with this Idempotency-Key is still in progress or failed; retry shortly',
      'IDEMPOTENCY_KEY_IN_PROGRESS',
    );
  }

  /** The first answer to a retried booking; the same key with another request is refused. */
  private replayed(earlier: AppointmentDoc, requestHash: string): AppointmentView {
    if (earlier.requestHash !== requestHash) {
      throw DomainError.unprocessable(
        'This Idempotency-Key was already used for a different booking request',
        'IDEMPOTENCY_KEY_REUSED',
      );
    }
    return toAppointmentView(earlier);
  }

  private illegal(a: AppointmentDoc, action: Action): DomainError {
    return DomainError.conflict(
      `Cannot ${action} an appointment that is ${a.status}`,
      `ILLEGAL_TRANSITION_FROM_${a.status}`,
    );
  }

  private raced(id: string): DomainError {
    return DomainError.conflict(`Appointment ${id} changed at the same moment; reload and retry`, 'CONCURRENT_CHANGE');
  }

  private requireBeforeCutoff(a: AppointmentDoc, what: string): void {
    const cutoff = a.start.getTime() - this.config.CANCELLATION_CUTOFF_HOURS * 3_600_000;
    if (Date.now() > cutoff) {
      throw DomainError.unprocessable(
        `Appointments can be ${what === 'cancel' ? 'cancelled' : 'rescheduled'} online until ${this.config.CANCELLATION_CUTOFF_HOURS} h before the start; contact the clinic`,
        'CUTOFF_PASSED',
      );
    }
  }

  private checkMode(q: BookAppointmentRequest, offered: SlotMode, clinicId: string | null): void {
    if (q.mode === ConsultationMode.IN_CLINIC) {
      if (offered === SlotMode.ONLINE) throw DomainError.invalid('mode', 'this slot is online only');
      if (!q.clinicId) throw DomainError.invalid('clinicId', 'is required for IN_CLINIC appointments');
      if (q.clinicId !== clinicId) throw DomainError.invalid('clinicId', 'is not the clinic of this slot');
    } else {
      if (offered === SlotMode.IN_CLINIC) throw DomainError.invalid('mode', 'this slot is in-clinic only');
      if (!q.contactNumber) throw DomainError.invalid('contactNumber', 'is required for ONLINE appointments');
      if (!q.callPreference) throw DomainError.invalid('callPreference', 'is required for ONLINE appointments');
    }
  }

  /** The dependent must be the caller's own: identity answers 404 otherwise. */
  private async requireOwnDependent(dependentId: string, meta: RequestMeta): Promise<void> {
    try {
      await this.rpc.call(IdentityRpc.getDependent, { id: dependentId }, meta);
    } catch (err) {
      if (err instanceof RpcCallError && err.wire.code === 'NOT_FOUND')
        throw DomainError.invalid('dependentId', 'is not one of your dependents');
      throw err;
    }
  }

  /** APT + local date + 6 random digits, unique by index (a clash, vanishingly rare, retries). */
  private async insertNumbered(
    doc: Omit<AppointmentDoc, 'createdAt' | 'updatedAt' | 'outbox' | 'outboxAt' | 'version' | 'number'>,
    correlationId: string,
  ): Promise<AppointmentDoc> {
    const day = doc.start.toISOString().slice(0, 10).replace(/-/g, '');
    for (let attempt = 0; ; attempt++) {
      const number = `APT${day}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
      const full = { ...doc, number };
      const held = createEvent(
        SchedulingEvents.appointmentHeld,
        doc._id,
        {
          ...eventBase({ ...full, version: 0 } as AppointmentDoc),
          holdExpiresAt: doc.holdExpiresAt?.toISOString() ?? '',
          paymentMethod: doc.paymentMethod,
        },
        origin(correlationId),
      );
      const events =
        doc.status === AppointmentStatus.CONFIRMED
          ? [
              held,
              createEvent(
                SchedulingEvents.appointmentConfirmed,
                doc._id,
                eventBase(full as AppointmentDoc),
                origin(correlationId),
              ),
            ]
          : [held];
      try {
        return await this.store.insert(full, events);
      } catch (err) {
        // Only a clash of the random number is retried; a reused Idempotency-Key is the caller's.
        const keyTaken = isDuplicateKey(err) && (await this.store.findByKey(doc.patientId, doc.idempotencyKey));
        if (!isDuplicateKey(err) || keyTaken || attempt >= 4) throw err;
      }
    }
  }
}
