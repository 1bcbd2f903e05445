import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { SlotMode, type SlotQuery, type SlotView } from '@telehealth/contracts';
import { DomainError, type RequestMeta } from '@telehealth/messaging';
import { SchedulingConfig } from '../../config/scheduling.config';
import { assertCalendarDate, daysBetween, requiredText } from '../../validation/field-rules';
import { DoctorProfilesService } from '../directory/doctor-profiles.service';
import type { DoctorProfileDoc } from '../directory/doctor-profile.schema';
import { DAY_CLAIM_MODEL, type DayClaimDoc } from '../seats/day-claim.schema';
import { SEAT_CLAIM_MODEL, type SeatClaimDoc } from '../seats/seat-claim.schema';
import { AvailabilitySource, type DoctorAvailability } from './availability-source';
import { expandSlots } from './slot-expansion';
import { slotInputsVersion } from './slot-inputs-version';
import type { ExpandedSlot, ExpansionPolicy } from './slot-expansion.types';

/** Most local dates (from and to included) one slots request may cover. */
export const MAX_SLOT_RANGE_DAYS = 31;

const MODES = Object.values(SlotMode) as string[];
const DAY_MS = 86_400_000;

/** Most doctor/date-range listings kept in memory. */
const CACHE_ENTRIES = 2_000;

interface CachedListing {
  doctor: DoctorProfileDoc;
  slots: ExpandedSlot[];
  version: number;
  at: number;
}

/** The concrete slots of a doctor over a date range, with their free seats. */
@Injectable()
export class SlotsService {
  /** Public listings of active doctors: the database reads behind them, not their seats. */
  private readonly cache = new Map<string, CachedListing>();

  constructor(
    @InjectModel(SEAT_CLAIM_MODEL) private readonly claims: Model<SeatClaimDoc>,
    @InjectModel(DAY_CLAIM_MODEL) private readonly days: Model<DayClaimDoc>,
    private readonly profiles: DoctorProfilesService,
    private readonly source: AvailabilitySource,
    private readonly config: SchedulingConfig,
  ) {}

  async list(q: SlotQuery, meta: RequestMeta): Promise<SlotView[]> {
    assertCalendarDate(q.from, 'from');
    assertCalendarDate(q.to, 'to');
    const days = daysBetween(q.from, q.to);
    if (days < 0) throw DomainError.invalid('to', 'must not be before from');
    if (days >= MAX_SLOT_RANGE_DAYS) {
      throw DomainError.invalid(
        'to',
        `must be at most ${MAX_SLOT_RANGE_DAYS - 1} days after from (a range of at most ${MAX_SLOT_RANGE_DAYS} days)`,
      );
    }
    if (q.mode !== undefined && !MODES.includes(q.mode)) {
      throw DomainError.invalid('mode', `must be one of ${MODES.join(', ')}`);
    }
    const clinicId = q.clinicId === undefined ? undefined : requiredText(q.clinicId, 64, 'clinicId');
    const { doctor, slots: all } = await this.listing(q, meta);
    const slots = all.filter((s) => (clinicId === undefined || s.clinicId === clinicId) && offers(s.mode, q.mode));
    const [booked, full] = await Promise.all([this.bookedSeats(doctor._id, slots), this.fullDays(doctor._id, slots)]);
    return slots.map((s) => toSlotView(s, booked.get(s.id) ?? 0, full.has(s.localDate)));
  }

  /**
   * The doctor and their slots for the range, from memory when an active doctor's listing was
   * computed within SLOT_LIST_CACHE_SECONDS and nothing slots depend on changed here since.
   * Booking never uses this: it checks every slot against fresh availability.
   */
  private async listing(q: SlotQuery, meta: RequestMeta): Promise<{ doctor: DoctorProfileDoc; slots: ExpandedSlot[] }> {
    const key = `${q.doctorId}|${q.from}|${q.to}`;
    const ttl = this.config.SLOT_LIST_CACHE_SECONDS * 1000;
    const now = Date.now();
    const hit = this.cache.get(key);
    if (hit && hit.version === slotInputsVersion() && now - hit.at < ttl && hit.doctor.active) {
      const earliest = now + this.config.BOOKING_MIN_NOTICE_MINUTES * 60_000;
      return { doctor: hit.doctor, slots: hit.slots.filter((s) => s.start.getTime() >= earliest) };
    }
    const version = slotInputsVersion();
    const doctor = await this.profiles.requireVisible(q.doctorId, meta.caller);
    const slots = await this.expand(doctor, q.from, q.to, new Date(now));
    if (ttl > 0 && doctor.active) {
      if (this.cache.size >= CACHE_ENTRIES) this.cache.delete(this.cache.keys().next().value as string);
      this.cache.set(key, { doctor, slots, version, at: now });
    }
    return { doctor, slots };
  }

  /** The doctor's slots on local dates [fromDate, toDate] under the booking policy. */
  async expand(doctor: DoctorProfileDoc, fromDate: string, toDate: string, now: Date): Promise<ExpandedSlot[]> {
    return (await this.expandWithSource(doctor, fromDate, toDate, now)).slots;
  }

  /** The same, with the availability the slots were computed from. */
  async expandWithSource(
    doctor: DoctorProfileDoc,
    fromDate: string,
    toDate: string,
    now: Date,
  ): Promise<{ slots: ExpandedSlot[]; availability: DoctorAvailability }> {
    // Exceptions are on local dates, which lie within a day of the UTC ones.
    const around = (date: string, days: number) =>
      new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
    const availability = await this.source.load(doctor._id, around(fromDate, -1), around(toDate, 1));
    const venues = await this.source.venues(availability);
    const slots = expandSlots(
      this.source.input(doctor, availability, venues, { fromDate, toDate, now, policy: this.policy() }),
    );
    return { slots, availability };
  }

  policy(): ExpansionPolicy {
    return {
      minNoticeMinutes: this.config.BOOKING_MIN_NOTICE_MINUTES,
      horizonDays: this.config.BOOKING_HORIZON_DAYS,
      bufferMinutes: this.config.SLOT_BUFFER_MINUTES,
    };
  }

  /**
   * Seats taken per slot id, in one query on the indexed (doctorId, start) range the slots
   * cover: cheaper on the database than an `$in` over hundreds of slot ids.
   */
  private async bookedSeats(doctorId: string, slots: ExpandedSlot[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    if (!slots.length) return counts;
    const claims = await this.claims
      .find({ doctorId, start: { $gte: slots[0].start, $lte: slots[slots.length - 1].start } }, { slotId: 1 })
      .lean<Pick<SeatClaimDoc, 'slotId'>[]>();
    for (const c of claims) counts.set(c.slotId, (counts.get(c.slotId) ?? 0) + 1);
    return counts;
  }

  /**
   * The local dates of the slots on which the doctor reached MAX_APPOINTMENTS_PER_DAY (booking
   * refuses them with DAILY_CAP_REACHED): their slots show no free seat.
   */
  private async fullDays(doctorId: string, slots: ExpandedSlot[]): Promise<Set<string>> {
    const cap = this.config.MAX_APPOINTMENTS_PER_DAY;
    if (!cap || !slots.length) return new Set();
    const dates = [...new Set(slots.map((s) => s.localDate))];
    const claims = await this.days
      .find({ doctorId, localDate: { $in: dates } }, { localDate: 1 })
      .lean<Pick<DayClaimDoc, 'localDate'>[]>();
    const counts = new Map<string, number>();
    for (const c of claims) counts.set(c.localDate, (counts.get(c.localDate) ?? 0) + 1);
    return new Set([...counts].filter(([, n]) => n >= cap).map(([date]) => date));
  }
}

/** Asking for IN_CLINIC or ONLINE also finds slots offering BOTH. */
const offers = (mode: SlotMode, wanted: SlotMode | undefined): boolean =>
  wanted === undefined || mode === wanted || (mode === SlotMode.BOTH && wanted !== SlotMode.BOTH);

const toSlotView = (s: ExpandedSlot, booked: number, dayFull: boolean): SlotView => ({
  id: s.id,
  doctorId: s.doctorId,
  clinicId: s.clinicId,
  mode: s.mode,
  start: s.start.toISOString(),
  end: s.end.toISOString(),
  timeZone: s.timeZone,
  localDate: s.localDate,
  localStart: s.localStart,
  localEnd: s.localEnd,
  fee: { amountMinor: s.fee.amountMinor, currency: s.fee.currency },
  capacity: s.capacity,
  booked,
  available: dayFull ? 0 : Math.max(0, s.capacity - booked),
});
