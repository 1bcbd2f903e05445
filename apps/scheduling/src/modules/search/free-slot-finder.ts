import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import {
  AVAILABILITY_EXCEPTION_MODEL,
  type AvailabilityExceptionDoc,
} from '../availability/availability-exception.schema';
import { AVAILABILITY_RULE_MODEL, type AvailabilityRuleDoc } from '../availability/availability-rule.schema';
import { AvailabilitySource, type DoctorAvailability } from '../availability/availability-source';
import { toExceptionView, toRuleView } from '../availability/availability.mapper';
import { expandSlots } from '../availability/slot-expansion';
import type { ExpandedSlot, Venue } from '../availability/slot-expansion.types';
import { SlotsService } from '../availability/slots.service';
import type { DoctorProfileDoc } from '../directory/doctor-profile.schema';
import { SEAT_CLAIM_MODEL, type SeatClaimDoc } from '../seats/seat-claim.schema';

const DAY_MS = 86_400_000;
/** Every local date lies within [UTC midnight - 14h, UTC midnight + 24h + 12h]. */
const AHEAD_MS = 14 * 3_600_000;
const BEHIND_MS = 12 * 3_600_000;
/** "Soonest" looks this many days ahead. */
export const SOONEST_WINDOW_DAYS = 14;
/** Soonest expands a doctor's window in these pieces (local dates), stopping at the first with a free slot. */
const CHUNKS: readonly [number, number][] = [
  [0, 2],
  [3, 6],
  [7, SOONEST_WINDOW_DAYS + 1],
];

const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const plusDays = (date: string, days: number): string => isoDate(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS);

/**
 * First free slot per doctor, for many doctors at once: their rules, exceptions, venues and the seats
 * booked over the whole window are read in four queries (whatever the number of doctors), then each
 * doctor is expanded with the booking engine (the same expansion and policy as GET /doctors/:id/slots),
 * stopping at the first piece of the window that has a free seat.
 */
@Injectable()
export class FreeSlotFinder {
  constructor(
    @InjectModel(AVAILABILITY_RULE_MODEL) private readonly rules: Model<AvailabilityRuleDoc>,
    @InjectModel(AVAILABILITY_EXCEPTION_MODEL) private readonly exceptions: Model<AvailabilityExceptionDoc>,
    @InjectModel(SEAT_CLAIM_MODEL) private readonly claims: Model<SeatClaimDoc>,
    private readonly source: AvailabilitySource,
    private readonly slots: SlotsService,
  ) {}

  /** The next free slot of each doctor starting within SOONEST_WINDOW_DAYS of `now` (null: none). */
  async nextFree(doctors: DoctorProfileDoc[], now: Date): Promise<Map<string, ExpandedSlot | null>> {
    const first = isoDate(now.getTime() - DAY_MS);
    const last = plusDays(first, CHUNKS[CHUNKS.length - 1][1]);
    const until = now.getTime() + SOONEST_WINDOW_DAYS * DAY_MS;
    const chunks = CHUNKS.map(([a, b]) => [plusDays(first, a), plusDays(first, b)] as const);
    return this.scan(doctors, first, last, now, { from: now.getTime(), to: until }, chunks);
  }

  /** The first free slot of each doctor on local date `date` (null: none). */
  async freeOn(doctors: DoctorProfileDoc[], date: string, now: Date): Promise<Map<string, ExpandedSlot | null>> {
    const midnight = Date.parse(`${date}T00:00:00Z`);
    return this.scan(doctors, date, date, now, { from: midnight - AHEAD_MS, to: midnight + DAY_MS + BEHIND_MS }, [
      [date, date],
    ]);
  }

  private async scan(
    doctors: DoctorProfileDoc[],
    fromDate: string,
    toDate: string,
    now: Date,
    range: { from: number; to: number },
    chunks: readonly (readonly [string, string])[],
  ): Promise<Map<string, ExpandedSlot | null>> {
    const found = new Map<string, ExpandedSlot | null>(doctors.map((d) => [d._id, null]));
    if (!doctors.length) return found;
    const { availability, booked } = await this.load(
      doctors.map((d) => d._id),
      fromDate,
      toDate,
      range,
    );
    const venues = await this.source.venues(...availability.values());
    const policy = this.slots.policy();
    for (const doctor of doctors) {
      const own = availability.get(doctor._id);
      if (!own || (!own.rules.length && !own.exceptions.length)) continue;
      const isFree = (s: ExpandedSlot) =>
        s.start.getTime() >= range.from && s.start.getTime() <= range.to && s.capacity > (booked.get(s.id) ?? 0);
      const expand = (from: string, to: string) =>
        expandSlots(this.source.input(doctor, own, venues, { fromDate: from, toDate: to, now, policy }));
      // Local dates follow UTC order only within one zone; a doctor in several is expanded in one go.
      const pieces = singleZone(doctor, own, venues) ? chunks : [[fromDate, toDate] as const];
      for (const [from, to] of pieces) {
        const slot = expand(from, to).find(isFree); // expansion is sorted by start
        if (slot) {
          found.set(doctor._id, slot);
          break;
        }
      }
    }
    return found;
  }

  /** Rules, exceptions around the dates and seats booked in the range, for all doctors: three queries. */
  private async load(
    doctorIds: string[],
    fromDate: string,
    toDate: string,
    range: { from: number; to: number },
  ): Promise<{ availability: Map<string, DoctorAvailability>; booked: Map<string, number> }> {
    const [rules, exceptions, claims] = await Promise.all([
      this.rules
        .find({ doctorId: { $in: doctorIds }, active: true })
        .sort({ weekday: 1, startTime: 1 })
        .lean<AvailabilityRuleDoc[]>(),
      // Exceptions are on local dates, which lie within a day of the UTC ones.
      this.exceptions
        .find({ doctorId: { $in: doctorIds }, date: { $gte: plusDays(fromDate, -1), $lte: plusDays(toDate, 1) } })
        .sort({ date: 1, startTime: 1 })
        .lean<AvailabilityExceptionDoc[]>(),
      this.claims
        .find(
          { doctorId: { $in: doctorIds }, start: { $gte: new Date(range.from), $lte: new Date(range.to) } },
          { slotId: 1 },
        )
        .lean<Pick<SeatClaimDoc, 'slotId'>[]>(),
    ]);
    const availability = new Map<string, DoctorAvailability>();
    const of = (id: string) => {
      let a = availability.get(id);
      if (!a) availability.set(id, (a = { rules: [], exceptions: [] }));
      return a;
    };
    for (const r of rules) of(r.doctorId).rules.push(toRuleView(r));
    for (const e of exceptions) of(e.doctorId).exceptions.push(toExceptionView(e));
    const booked = new Map<string, number>();
    for (const c of claims) booked.set(c.slotId, (booked.get(c.slotId) ?? 0) + 1);
    return { availability, booked };
  }
}

/** Whether every slot of the doctor is laid out in one time zone. */
function singleZone(doctor: DoctorProfileDoc, own: DoctorAvailability, venues: Record<string, Venue>): boolean {
  const zones = new Set<string>();
  for (const x of [...own.rules, ...own.exceptions]) {
    const zone = x.clinicId === null ? doctor.timeZone : venues[x.clinicId]?.timeZone;
    if (zone !== undefined) zones.add(zone);
  }
  return zones.size <= 1;
}
