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
import { DomainError, RpcCallError, RpcClient, requireRole, type RequestMeta } from '@telehealth/messaging';
import { createEvent } from '@telehealth/messaging/eventing';
import { derivedId } from '@telehealth/persistence';
import { SchedulingConfig } from '../../../../config/scheduling.config';
import { origin } from '../../appointment-changes';
import { ConfirmationDeadlines } from '../../appointment-deadlines';
import { availabilityChanged } from '../../appointment-errors';
import { AppointmentPlaces, type Place } from '../../appointment-places';
import { eventBase, toAppointmentView } from '../../appointment.mapper';
import type { AppointmentDoc } from '../../appointment.schema';
import { AppointmentStore, type NewAppointment } from '../../appointment.store';
import { BookingKeys } from '../../booking-keys';
import { ConfirmationDeadlineQueue } from '../../confirmation-deadline.queue';
import { HoldExpiryQueue } from '../../hold-expiry.queue';
import { SlotCatalog, parseSlotId, type BookableSlot } from '../../slot-catalog';
import { Clock, IdGenerator } from '@telehealth/service-kit';

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

/**
 * The id of the booking a patient makes with an Idempotency-Key: derived from it, so a retry that
 * takes over an attempt whose process died is the same holder of the seat that attempt took, and
 * finds its appointment if it was written.
 */
export const bookingIdOf = (patientId: string, key: string): string => derivedId(`appointment:${patientId}:${key}`);

/**
 * A patient books a slot for themselves or a dependent (flow 2). The seat is taken first (a
 * unique insert: never more bookings than seats), then the appointment is written with its
 * events. A fee holds the seat until payment (or expiry); a free slot confirms at once (or waits
 * for the doctor). With an Idempotency-Key (BookingKeys), a retry gets the first answer and never
 * takes a second seat, even when the first attempt died half-way.
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
    private readonly keys: BookingKeys,
    private readonly rpc: RpcClient,
    private readonly config: SchedulingConfig,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async execute(q: BookAppointmentRequest, meta: RequestMeta): Promise<AppointmentView> {
    const caller = requireRole(meta, Role.PATIENT);
    const { idempotencyKey: key, ...request } = q;
    if (!key) return this.book(this.ids.uuid(), q, caller.userId, meta);
    return this.keys.run(caller.userId, key, request, () =>
      this.book(bookingIdOf(caller.userId, key), q, caller.userId, meta),
    );
  }

  /** One attempt at booking `id` (derived from the key when there is one: see bookingIdOf). */
  private async book(
    id: string,
    q: BookAppointmentRequest,
    patientId: string,
    meta: RequestMeta,
  ): Promise<AppointmentView> {
    const requestHash = bookingHash(q);
    // Booked with this key by an attempt that died before it answered, or whose answer expired
    // (or before booking ids were derived from keys): that booking is the answer, whatever has
    // happened to the slot since.
    const key = q.idempotencyKey;
    const earlier = key ? ((await this.store.load(id)) ?? (await this.store.findByKey(patientId, key))) : null;
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
    return this.bookClaimed(id, q, requestHash, found, patientId, meta.requestId);
  }

  /** The rest of a booking, once the slot is known to be offered. */
  private async bookClaimed(
    id: string,
    q: BookAppointmentRequest,
    requestHash: string,
    found: BookableSlot,
    patientId: string,
    correlationId: string,
  ): Promise<AppointmentView> {
    const { slot, doctor } = found;
    // A keyed attempt resumes with the place an attempt that died took (same id).
    const place = await this.places.take(slot, id, { resume: Boolean(q.idempotencyKey) });
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
    let stored: { doc: AppointmentDoc; created: boolean };
    try {
      stored = await this.insertNumbered(doc, correlationId);
    } catch (err) {
      await this.places.free(place, id);
      throw err;
    }
    if (!stored.created) {
      // Another attempt with this key booked first: give back what this one took, not its place.
      const { seatClaimId, dayClaimId } = stored.doc;
      await this.places.free(
        {
          seatClaimId: place.seatClaimId === seatClaimId ? null : place.seatClaimId,
          dayClaimId: place.dayClaimId === dayClaimId ? null : place.dayClaimId,
        },
        id,
      );
      return replayed(stored.doc, requestHash);
    }
    const created = stored.doc;
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

  /**
   * APT + local date + 6 random digits, unique by index (a clash, vanishingly rare, retries).
   * `created: false` with the booking another attempt with the same Idempotency-Key wrote first
   * (one presumed dead that was only slow, or one from before booking ids were derived from keys).
   */
  private async insertNumbered(
    doc: Omit<NewAppointment, 'number'>,
    correlationId: string,
  ): Promise<{ doc: AppointmentDoc; created: boolean }> {
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
      const created = await this.store.insert(full, events);
      if (created) return { doc: created, created: true };
      const earlier =
        (await this.store.load(doc._id)) ?? (await this.store.findByKey(doc.patientId, doc.idempotencyKey));
      if (earlier) return { doc: earlier, created: false };
      if (attempt >= 4) throw new Error(`No free appointment number on ${day} after ${attempt + 1} tries`);
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
