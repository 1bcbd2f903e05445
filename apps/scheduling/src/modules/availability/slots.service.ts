import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { SlotMode, type SlotQuery, type SlotView } from '@telehealth/contracts';
import { DomainError, type RequestMeta } from '@telehealth/messaging';
import { SchedulingConfig } from '../../config/scheduling.config';
import { assertCalendarDate, daysBetween, requiredText } from '../../validation/field-rules';
import { DoctorProfilesService } from '../directory/doctor-profiles.service';
import type { DoctorProfileDoc } from '../directory/doctor-profile.schema';
import { SEAT_CLAIM_MODEL, type SeatClaimDoc } from '../seats/seat-claim.schema';
import { AvailabilitySource } from './availability-source';
import { expandSlots } from './slot-expansion';
import type { ExpandedSlot, ExpansionPolicy } from './slot-expansion.types';

/** Most local dates (from and to included) one slots request may cover. */
export const MAX_SLOT_RANGE_DAYS = 31;

const MODES = Object.values(SlotMode) as string[];
const DAY_MS = 86_400_000;

/** The concrete slots of a doctor over a date range, with their free seats. */
@Injectable()
export class SlotsService {
  constructor(
    @InjectModel(SEAT_CLAIM_MODEL) private readonly claims: Model<SeatClaimDoc>,
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
    const doctor = await this.profiles.requireVisible(q.doctorId, meta.caller);
    const slots = (await this.expand(doctor, q.from, q.to, new Date())).filter(
      (s) => (clinicId === undefined || s.clinicId === clinicId) && offers(s.mode, q.mode),
    );
    const booked = await this.bookedSeats(slots.map((s) => s.id));
    return slots.map((s) => toSlotView(s, booked.get(s.id) ?? 0));
  }

  /** The doctor's slots on local dates [fromDate, toDate] under the booking policy. */
  async expand(doctor: DoctorProfileDoc, fromDate: string, toDate: string, now: Date): Promise<ExpandedSlot[]> {
    // Exceptions are on local dates, which lie within a day of the UTC ones.
    const around = (date: string, days: number) =>
      new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
    const availability = await this.source.load(doctor._id, around(fromDate, -1), around(toDate, 1));
    const venues = await this.source.venues(availability);
    return expandSlots(
      this.source.input(doctor, availability, venues, { fromDate, toDate, now, policy: this.policy() }),
    );
  }

  policy(): ExpansionPolicy {
    return {
      minNoticeMinutes: this.config.BOOKING_MIN_NOTICE_MINUTES,
      horizonDays: this.config.BOOKING_HORIZON_DAYS,
      bufferMinutes: this.config.SLOT_BUFFER_MINUTES,
    };
  }

  /** Seats taken per slot id, in one query. */
  private async bookedSeats(slotIds: string[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    if (!slotIds.length) return counts;
    const claims = await this.claims
      .find({ slotId: { $in: slotIds } }, { slotId: 1 })
      .lean<Pick<SeatClaimDoc, 'slotId'>[]>();
    for (const c of claims) counts.set(c.slotId, (counts.get(c.slotId) ?? 0) + 1);
    return counts;
  }
}

/** Asking for IN_CLINIC or ONLINE also finds slots offering BOTH. */
const offers = (mode: SlotMode, wanted: SlotMode | undefined): boolean =>
  wanted === undefined || mode === wanted || (mode === SlotMode.BOTH && wanted !== SlotMode.BOTH);

const toSlotView = (s: ExpandedSlot, booked: number): SlotView => ({
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
  available: Math.max(0, s.capacity - booked),
});
