import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  AppointmentStatus,
  ConsultationMode,
  IdentityRpc,
  PaymentStatus,
  Role,
  SchedulingEvents,
  SlotMode,
  type AppointmentView,
  type BookAppointmentRequest,
} from '@telehealth/contracts';
import {
  DomainError,
  RpcCallError,
  RpcClient,
  isDuplicateKey,
  requireRole,
  type RequestMeta,
} from '@telehealth/messaging';
import { createEvent } from '@telehealth/messaging/eventing';
import { Clock } from '../../../../common/clock';
import { IdGenerator } from '../../../../common/id-generator';
import { SchedulingConfig } from '../../../../config/scheduling.config';
import { origin } from '../../appointment-changes';
import { ConfirmationDeadlines } from '../../appointment-deadlines';
import { availabilityChanged } from '../../appointment-errors';
import { AppointmentPlaces, type Place } from '../../appointment-places';
import { eventBase, toAppointmentView } from '../../appointment.mapper';
import type { AppointmentDoc } from '../../appointment.schema';
import { AppointmentStore, type NewAppointment } from '../../appointment.store';
import { ConfirmationDeadlineQueue } from '../../confirmation-deadline.queue';
import { HoldExpiryQueue } from '../../hold-expiry.queue';
import { SlotCatalog, parseSlotId, type BookableSlot } from '../../slot-catalog';

/** What a booking request asks for, hashed: a retry must ask for the same. */
export const bookingHash = ({ idempotencyKey: _key, ...q }: BookAppointmentRequest): string =>
  createHash('sha256')
    .update(
      JSON.stringify(
        Object.keys(q)
          .sort()
          .map((k) => [k, (q as Record<string, unknown>)[k]]),
      ),
    )
    .digest('base64url');

/** How long a concurrent attempt with the same key is waited for, in sparse reads. */
const KEY_WAIT = { reads: 8, everyMs: 250 };

/**
 * A patient books a slot for themselves or a dependent (flow 2). The seat is taken first (a
 * unique insert: never more bookings than seats), then the appointment is written with its
 * events. A fee holds the seat until payment (or expiry); a free slot confirms at once (or waits
 * for the doctor). With an Idempotency-Key, a retry returns the first booking and never takes a
 * second seat.
 */
@Injectable()
export class BookAppointment {
  constructor(
    private readonly store: AppointmentStore,
    private readonly places: AppointmentPlaces,
    private readonly slots: SlotCatalog,
    private readonly holds: HoldExpiryQueue,
    private readonly confirmations: ConfirmationDeadlineQueue,
    private readonly deadlines: ConfirmationDeadlines,
    private readonly rpc: RpcClient,
    private readonly config: SchedulingConfig,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async execute(q: BookAppointmentRequest, meta: RequestMeta): Promise<AppointmentView> {
    const caller = requireRole(meta, Role.PATIENT);
    const requestHash = bookingHash(q);
    const key = q.idempotencyKey;
    // A retry is answered from the first booking, whatever has happened to the slot since.
    const earlier = key ? await this.store.findByKey(caller.userId, key) : null;
    if (earlier) return replayed(earlier, requestHash);
    if (q.paymentMethod && !['WALLET', 'CARD'].includes(q.paymentMethod))
      throw DomainError.invalid('paymentMethod', 'must be WALLET or CARD');
    if (!parseSlotId(q.slotId)) throw DomainError.invalid('slotId', 'is not a slot id from GET /v1/doctors/{id}/slots');
    if (q.dependentId) await this.requireOwnDependent(q.dependentId, meta);
    const found = await this.slots.find(q.slotId, this.clock.now());
    if (!found)
      throw DomainError.invalid(
        'slotId',
        'is not an open slot of this doctor (taken down, too soon or too far ahead)',
        'SLOT_NOT_OFFERED',
      );
    checkMode(q, found.slot.mode, found.slot.clinicId);
    const id = this.ids.uuid();
    // Of concurrent attempts with one key, one books; the others answer with its booking.
    if (key && !(await this.store.claimKey(caller.userId, key, id))) {
      return replayed(await this.awaitKeyedBooking(caller.userId, key), requestHash);
    }
    try {
      return await this.bookClaimed(id, q, requestHash, found, caller.userId, meta.requestId);
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
    found: BookableSlot,
    patientId: string,
    correlationId: string,
  ): Promise<AppointmentView> {
    const { slot, doctor } = found;
    const place = await this.places.take(slot, id);
    await this.requireStillOffered(found, place, id);
    const now = this.clock.now();
    const free = slot.fee.amountMinor === 0;
    const requiresConfirmation = doctor.requiresConfirmation || !doctor.allowDirectBooking;
    const status = !free
      ? AppointmentStatus.PENDING_PAYMENT
      : requiresConfirmation
        ? AppointmentStatus.PENDING_CONFIRMATION
        : AppointmentStatus.CONFIRMED;
    const holdExpiresAt = free ? null : new Date(now.getTime() + this.config.HOLD_SECONDS * 1000);
    const confirmBy = status === AppointmentStatus.PENDING_CONFIRMATION ? this.deadlines.from(now, slot.start) : null;
    const doc: Omit<NewAppointment, 'number'> = {
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
      ...place,
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
      created = await this.insertNumbered(doc, correlationId);
    } catch (err) {
      await this.places.free(place, id);
      throw err;
    }
    if (holdExpiresAt) await this.holds.schedule(id, holdExpiresAt);
    if (confirmBy) await this.confirmations.schedule(id, confirmBy);
    return toAppointmentView(created);
  }

  /** The slot's rule was not edited since the look-up (else the seat goes back: see SlotCatalog.markBooked). */
  private async requireStillOffered(found: BookableSlot, place: Place, id: string): Promise<void> {
    if (await this.slots.markBooked(found)) return;
    await this.places.free(place, id);
    throw availabilityChanged();
  }

  /** APT + local date + 6 random digits, unique by index (a clash, vanishingly rare, retries). */
  private async insertNumbered(doc: Omit<NewAppointment, 'number'>, correlationId: string): Promise<AppointmentDoc> {
    const day = doc.start.toISOString().slice(0, 10).replace(/-/g, '');
    for (let attempt = 0; ; attempt++) {
      const full: NewAppointment = { ...doc, number: `APT${day}${this.ids.digits(6)}` };
      const base = eventBase({ ...full, version: 0 } as AppointmentDoc);
      const held = createEvent(
        SchedulingEvents.appointmentHeld,
        doc._id,
        { ...base, holdExpiresAt: doc.holdExpiresAt?.toISOString() ?? '', paymentMethod: doc.paymentMethod },
        origin(correlationId),
      );
      const events =
        doc.status === AppointmentStatus.CONFIRMED
          ? [held, createEvent(SchedulingEvents.appointmentConfirmed, doc._id, base, origin(correlationId))]
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

  /**
   * Waits briefly (a few sparse reads, so waiters cannot swamp the database under load) for
   * the booking of a concurrent attempt holding the same key; then asks the client to retry.
   */
  private async awaitKeyedBooking(patientId: string, key: string): Promise<AppointmentDoc> {
    for (let i = 0; i < KEY_WAIT.reads; i++) {
      await new Promise((r) => setTimeout(r, KEY_WAIT.everyMs));
      const earlier = await this.store.findByKey(patientId, key);
      if (earlier) return earlier;
    }
    throw DomainError.conflict(
      'A booking with this Idempotency-Key is still in progress or failed; retry shortly',
      'IDEMPOTENCY_KEY_IN_PROGRESS',
    );
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
}

/** The first answer to a retried booking; the same key with another request is refused. */
function replayed(earlier: AppointmentDoc, requestHash: string): AppointmentView {
  if (earlier.requestHash !== requestHash) {
    throw DomainError.unprocessable(
      'This Idempotency-Key was already used for a different booking request',
      'IDEMPOTENCY_KEY_REUSED',
    );
  }
  return toAppointmentView(earlier);
}

function checkMode(q: BookAppointmentRequest, offered: SlotMode, clinicId: string | null): void {
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
