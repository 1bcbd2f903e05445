import {
  AppointmentStatus,
  CallPreference,
  ConsultationMode,
  Role,
  SlotMode,
  type Caller,
  type EventEnvelope,
} from '@telehealth/contracts';
import { Logger } from '@nestjs/common';
import { DomainError, type RequestMeta, type RpcClient } from '@telehealth/messaging';
import { requestHashOf } from '@telehealth/persistence';
import { SchedulingConfig } from '../../../../config/scheduling.config';
import type { ExpandedSlot } from '../../../availability/slot-expansion.types';
import type { ClaimOptions, SeatRequest, SeatsService } from '../../../seats/seats.service';
import { AppointmentChanges } from '../../appointment-changes';
import { ConfirmationDeadlines } from '../../appointment-deadlines';
import { AppointmentPlaces } from '../../appointment-places';
import type { AppointmentDoc } from '../../appointment.schema';
import type { AppointmentStore, Change, NewAppointment } from '../../appointment.store';
import type { BookingKeys } from '../../booking-keys';
import type { ConfirmationDeadlineQueue } from '../../confirmation-deadline.queue';
import type { HoldExpiryQueue } from '../../hold-expiry.queue';
import { SlotCatalog, type BookableSlot } from '../../slot-catalog';
import { BookAppointment } from '../book-appointment/book-appointment.usecase';
import { DeclineUnanswered } from '../decline-unanswered/decline-unanswered.usecase';
import { ExpireHold } from '../expire-hold/expire-hold.usecase';
import { RecordPaymentOutcome } from '../record-payment-outcome/record-payment-outcome.usecase';
import { RecordPrescription } from '../record-prescription/record-prescription.usecase';
import { RescheduleAppointment } from '../reschedule-appointment/reschedule-appointment.usecase';
import { ResumeAppointmentTimers } from '../resume-appointment-timers/resume-appointment-timers.usecase';
import { TransitionAppointment } from '../transition-appointment/transition-appointment.usecase';
import { FakeClock, SequentialIds } from '@telehealth/service-kit';

export { FakeClock, SequentialIds };

/** Public members only, so a fake can stand for a class with private dependencies. */
type Public<T> = Pick<T, keyof T>;

/** Fakes of what the appointment use cases depend on: in memory, strict, inspectable. */

/** The store's contract: a change applies once per version, only from the status it was decided from. */
export class FakeAppointmentStore implements Public<AppointmentStore> {
  readonly docs = new Map<string, AppointmentDoc>();
  readonly events: EventEnvelope[] = [];
  readonly log: { id: string; action: string; from: AppointmentStatus; to: AppointmentStatus }[] = [];

  constructor(private readonly clock: FakeClock) {}

  /** Null when the id, or the patient's Idempotency-Key, is taken (the unique indexes). */
  async insert(doc: NewAppointment, events: EventEnvelope[]): Promise<AppointmentDoc | null> {
    const keyTaken = [...this.docs.values()].some(
      (d) => d.patientId === doc.patientId && d.idempotencyKey === doc.idempotencyKey,
    );
    if (this.docs.has(doc._id) || keyTaken) return null;
    const now = this.clock.now();
    const created: AppointmentDoc = { ...doc, version: 0, createdAt: now, updatedAt: now, outbox: [] };
    this.docs.set(doc._id, created);
    this.events.push(...events);
    return { ...created };
  }

  async findByKey(patientId: string, idempotencyKey: string): Promise<AppointmentDoc | null> {
    const found = [...this.docs.values()].find((d) => d.patientId === patientId && d.idempotencyKey === idempotencyKey);
    return found ? { ...found } : null;
  }

  async load(id: string): Promise<AppointmentDoc | null> {
    const d = this.docs.get(id);
    return d ? { ...d } : null;
  }

  async apply(current: AppointmentDoc, change: Change): Promise<AppointmentDoc | null> {
    const stored = this.docs.get(current._id);
    if (!stored || stored.version !== current.version) return null;
    if (change.transition.from !== stored.status) throw new Error('transition decided from another status');
    const next: AppointmentDoc = {
      ...stored,
      ...change.set,
      status: change.transition.to,
      version: stored.version + 1,
      updatedAt: this.clock.now(),
    };
    this.docs.set(current._id, next);
    this.log.push({ id: current._id, action: change.transition.action, from: stored.status, to: next.status });
    if (change.event) this.events.push(change.event);
    return { ...next };
  }

  async *withStatus(status: AppointmentStatus): AsyncGenerator<AppointmentDoc> {
    for (const d of [...this.docs.values()]) if (d.status === status) yield { ...d };
  }

  async page(): Promise<{ items: AppointmentDoc[]; total: number }> {
    const items = [...this.docs.values()];
    return { items, total: items.length };
  }

  /** Puts an appointment in the store as it would be after earlier changes. */
  put(d: AppointmentDoc): void {
    this.docs.set(d._id, { ...d });
  }

  /** Types of the events announced so far. */
  types(): string[] {
    return this.events.map((e) => e.type);
  }
}

/**
 * The key store's contract (see IdempotencyStore): one run per key, its outcome (answer or decided
 * refusal) replayed, the same key with another body refused.
 */
export class FakeBookingKeys implements Pick<BookingKeys, 'run'> {
  private readonly runs = new Map<string, { hash: string; outcome: Promise<unknown> }>();

  async run<T>(patientId: string, key: string, body: unknown, work: () => Promise<T>): Promise<T> {
    const id = `${patientId}:${key}`;
    const hash = requestHashOf(body);
    const earlier = this.runs.get(id);
    if (earlier && earlier.hash !== hash)
      throw DomainError.unprocessable(
        'This Idempotency-Key was used with a different request',
        'IDEMPOTENCY_KEY_REUSED',
      );
    if (earlier) return earlier.outcome as Promise<T>;
    const outcome = work();
    this.runs.set(id, { hash, outcome });
    // Not a decided refusal: the key is free again for a retry.
    outcome.catch((err: unknown) => (err instanceof DomainError ? undefined : this.runs.delete(id)));
    return outcome;
  }
}

export class FakeSeats implements Public<SeatsService> {
  /** claim id -> appointment id */
  readonly seats = new Map<string, string>();
  readonly days = new Map<string, string>();

  async claim(r: SeatRequest, { resume = false }: ClaimOptions = {}): Promise<string | null> {
    const mine = [...this.seats].find(([id, holder]) => id.startsWith(`${r.slotId}#`) && holder === r.appointmentId);
    if (resume && mine) return mine[0];
    for (let seat = 0; seat < r.capacity; seat++) {
      const id = `${r.slotId}#${seat}`;
      if (this.seats.has(id)) continue;
      this.seats.set(id, r.appointmentId);
      return id;
    }
    return null;
  }

  async claimDay(
    doctorId: string,
    localDate: string,
    cap: number,
    appointmentId: string,
    { resume = false }: ClaimOptions = {},
  ): Promise<string | null> {
    const prefix = `${doctorId}:${localDate}#`;
    const mine = [...this.days].find(([id, holder]) => id.startsWith(prefix) && holder === appointmentId);
    if (resume && mine) return mine[0];
    for (let n = 0; n < cap; n++) {
      const id = `${doctorId}:${localDate}#${n}`;
      if (this.days.has(id)) continue;
      this.days.set(id, appointmentId);
      return id;
    }
    return null;
  }

  async release(claimId: string | null, appointmentId: string): Promise<void> {
    if (claimId && this.seats.get(claimId) === appointmentId) this.seats.delete(claimId);
  }

  async releaseDay(claimId: string | null, appointmentId: string): Promise<void> {
    if (claimId && this.days.get(claimId) === appointmentId) this.days.delete(claimId);
  }

  /** The appointments holding a seat. */
  holders(): string[] {
    return [...this.seats.values()];
  }
}

/** A timer queue's effect: the jobs it has, by appointment. */
export class FakeTimerQueue implements Pick<HoldExpiryQueue, 'schedule' | 'ensure' | 'cancel'> {
  readonly jobs = new Map<string, Date>();
  readonly cancelled: string[] = [];

  async schedule(appointmentId: string, at: Date): Promise<void> {
    if (!this.jobs.has(appointmentId)) this.jobs.set(appointmentId, at);
  }
  async ensure(appointmentId: string, at: Date): Promise<void> {
    await this.schedule(appointmentId, at);
  }
  async cancel(appointmentId: string): Promise<void> {
    this.jobs.delete(appointmentId);
    this.cancelled.push(appointmentId);
  }
}

export class FakeSlotCatalog extends SlotCatalog {
  readonly slots = new Map<string, BookableSlot>();
  /** Set when the rules change between a slot's look-up and its booking. */
  ruleEdited = false;
  readonly marked: string[] = [];
  async markBooked(found: BookableSlot): Promise<boolean> {
    if (this.ruleEdited) return false;
    this.marked.push(found.slot.id);
    return true;
  }
  async find(slotId: string, now: Date): Promise<BookableSlot | null> {
    const found = this.slots.get(slotId);
    return found && found.slot.start.getTime() > now.getTime() ? found : null;
  }
  offer(slot: ExpandedSlot, doctor: Partial<BookableSlot['doctor']> = {}): ExpandedSlot {
    this.slots.set(slot.id, {
      slot,
      doctor: {
        id: slot.doctorId,
        organisationId: 'org-1',
        requiresConfirmation: false,
        allowDirectBooking: true,
        ...doctor,
      },
      rule: { id: 'rule-1', revision: 0 },
    });
    return slot;
  }
}

export const NOW = new Date('2030-03-04T08:00:00.000Z');
export const HOUR = 3_600_000;

/** A slot of doctor `doc-1` starting `hoursAhead` after NOW. */
export function slotAt(hoursAhead: number, over: Partial<ExpandedSlot> = {}): ExpandedSlot {
  const start = new Date(NOW.getTime() + hoursAhead * HOUR);
  return {
    id: `doc-1:${start.toISOString()}`,
    doctorId: 'doc-1',
    clinicId: null,
    mode: SlotMode.ONLINE,
    start,
    end: new Date(start.getTime() + 30 * 60_000),
    timeZone: 'Africa/Lagos',
    localDate: start.toISOString().slice(0, 10),
    localStart: '09:00',
    localEnd: '09:30',
    fee: { amountMinor: 500_000, currency: 'NGN' },
    capacity: 1,
    ...over,
  };
}

export const patient: Caller = { userId: 'patient-1', roles: [Role.PATIENT], organisationIds: [] };
export const otherPatient: Caller = { userId: 'patient-2', roles: [Role.PATIENT], organisationIds: [] };
export const doctor: Caller = {
  userId: 'doctor-user-1',
  roles: [Role.DOCTOR],
  organisationIds: [],
  doctorProfileId: 'doc-1',
};
export const staff: Caller = { userId: 'staff-1', roles: [Role.PROVIDER_STAFF], organisationIds: ['org-1'] };
export const metaOf = (caller: Caller): RequestMeta => ({ requestId: 'req-1', caller });

/** Every appointment use case wired to fakes, with the fakes to inspect. */
export function appointmentsHarness(config: Partial<SchedulingConfig> = {}) {
  Logger.overrideLogger(false);
  const clock = new FakeClock(NOW);
  const ids = new SequentialIds('appt');
  const store = new FakeAppointmentStore(clock);
  const seats = new FakeSeats();
  const slots = new FakeSlotCatalog();
  const holds = new FakeTimerQueue();
  const confirmations = new FakeTimerQueue();
  const rpc = {
    call: async () => {
      throw DomainError.notFound('Dependent');
    },
  } as unknown as RpcClient;
  const cfg = Object.assign(new SchedulingConfig(), {
    HOLD_SECONDS: 900,
    CONFIRMATION_WINDOW_MINUTES: 1440,
    CONFIRMATION_CUTOFF_MINUTES: 60,
    CANCELLATION_CUTOFF_HOURS: 2,
    MAX_APPOINTMENTS_PER_DAY: 0,
    ...config,
  });
  const s = store as unknown as AppointmentStore;
  const places = new AppointmentPlaces(seats as unknown as SeatsService, cfg);
  const deadlines = new ConfirmationDeadlines(cfg);
  const h = holds as unknown as HoldExpiryQueue;
  const c = confirmations as unknown as ConfirmationDeadlineQueue;
  const changes = new AppointmentChanges(s, places, h, c, deadlines, clock);
  return {
    clock,
    store,
    seats,
    slots,
    holds,
    confirmations,
    config: cfg,
    book: new BookAppointment(
      s,
      places,
      slots,
      h,
      c,
      deadlines,
      new FakeBookingKeys() as unknown as BookingKeys,
      rpc,
      cfg,
      clock,
      ids,
    ),
    transition: new TransitionAppointment(s, changes, cfg, clock),
    reschedule: new RescheduleAppointment(s, changes, places, slots, c, deadlines, cfg, clock),
    paymentOutcome: new RecordPaymentOutcome(s, changes, c, deadlines, clock),
    expireHold: new ExpireHold(s, changes),
    recordPrescription: new RecordPrescription(s, changes),
    declineUnanswered: new DeclineUnanswered(s, changes, clock),
    resumeTimers: new ResumeAppointmentTimers(s, h, c, deadlines),
  };
}

export type AppointmentsHarness = ReturnType<typeof appointmentsHarness>;

/** Awaits `p`, which must reject with a DomainError, and returns its reason (or code). */
export async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    return err.options.reason ?? err.code;
  }
  throw new Error('expected a DomainError');
}

/** Books `slot` for `patient` through the use case; `paid` also records its payment. */
export async function booked(
  h: AppointmentsHarness,
  slot: ExpandedSlot,
  { paid = false, requiresConfirmation = false } = {},
): Promise<AppointmentDoc> {
  h.slots.offer(slot, { requiresConfirmation });
  const view = await h.book.execute(
    {
      slotId: slot.id,
      mode: ConsultationMode.ONLINE,
      contactNumber: '+2348000000000',
      callPreference: CallPreference.VIDEO,
    },
    metaOf(patient),
  );
  if (paid)
    await h.paymentOutcome.execute({
      appointmentId: view.id,
      paid: true,
      reference: `HOLD_${view.id}`,
      coveredByInsurance: false,
      correlationId: 'corr-1',
    });
  const a = await h.store.load(view.id);
  if (!a) throw new Error(`${view.id} was not stored`);
  return a;
}
