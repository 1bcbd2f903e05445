/**
 * The slot-expansion engine: availability rules + exceptions + venues -> concrete bookable slots.
 *
 * Pure and synchronous (no I/O, no clock: `input.now` is the only "now"). Local wall-clock times are
 * converted to UTC in the venue's IANA zone with `Intl.DateTimeFormat` only, and the conversion is
 * cached per zone and local date (two formatter calls per zone-day; a binary search on the rare day
 * near a daylight-saving change), so the per-slot work is a few additions.
 *
 * Semantics beyond ExpansionInput's comments (decided here, tested in slot-expansion.spec.ts):
 * - Slots are laid out on the local wall clock: the k-th slot of a rule starts at
 *   startTime + k * (slotMinutes + bufferMinutes) while start + slotMinutes <= endTime. A start that
 *   does not exist locally (spring-forward gap) is skipped; an ambiguous one (fall-back) takes its
 *   first occurrence. `end` is `start + slotMinutes` in real time and `localEnd` is that instant's local
 *   time (so on a DST day it can differ from the wall-clock sum). A start that would fall inside the
 *   previous slot of the same rule and day (possible only across a spring-forward gap with a step
 *   longer than the gap) is skipped too: a doctor never gets two overlapping slots from one rule.
 * - Operating hours, BLOCKED periods and the rule's own window are compared on the local wall clock
 *   (start .. start + slotMinutes). Several opening-hours entries for one weekday are separate
 *   intervals; a slot must fit inside one of them. A close at or before the open (e.g. "00:00") means
 *   open until midnight.
 * - A clinic rule whose clinic is missing from `input.clinics` yields nothing (its zone is unknown).
 * - EXTRA exceptions are explicit additions: BLOCKED exceptions do not remove them (block a day, then
 *   add extra afternoon hours = "only the afternoon that day"). They are clipped by operating hours
 *   and the policy like any slot. Without times they add nothing. Their fee is the default rule's fee
 *   (the doctor's first rule) or `input.defaultFee`.
 * - Rules and exceptions of another doctor than `input.doctorId` are ignored.
 * - Duplicates (same doctor, same UTC start) keep the first by clinic id, online (null) sorting first;
 *   the output is sorted by start, then clinic id (null first).
 * - Degenerate numbers that would loop forever (slotMinutes <= 0, a negative buffer) are neutralised
 *   (the rule is skipped, the buffer taken as 0) rather than validated.
 */
import { ExceptionKind, SlotMode } from '@telehealth/contracts';
import type { AvailabilityExceptionView, AvailabilityRuleView, Money, OpeningHours } from '@telehealth/contracts';
import { slotIdOf } from './slot-expansion.types';
import type { ExpandedSlot, ExpansionInput, Venue } from './slot-expansion.types';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Furthest any zone is ahead of UTC (Pacific/Kiritimati, +14:00). */
const MAX_AHEAD = 14 * 3_600_000;
/** Furthest any zone is behind UTC (Etc/GMT+12). */
const MAX_BEHIND = 12 * 3_600_000;
/** Bound on cached days per zone (~55 years); the cache is simply dropped when it is full. */
const MAX_CACHED_DAYS = 20_000;
/** 9999-12-31: up to here toISOString writes a plain four-digit year. */
const MAX_FOUR_DIGIT_YEAR_DAY = 2_932_896;

const DEFAULT_SLOT_MINUTES = 30;
const DEFAULT_MAX_PATIENTS = 1;

/** "HH:MM" for every minute of a day. */
const HHMM: string[] = Array.from(
  { length: 1440 },
  (_, m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`,
);
const hhmm = (minutes: number): string => HHMM[((minutes % 1440) + 1440) % 1440];

// ------------------------------------------------------------------ zones

/** How one local calendar day of one zone maps to UTC. Offsets are local minus UTC, in ms. */
export interface ZoneDay {
  /** The offset before any transition near this day (the only offset on an ordinary day). */
  before: number;
  /** The offset after it; equal to `before` on an ordinary day. */
  after: number;
  /** The first UTC instant with the `after` offset; NaN when the offset does not change. */
  at: number;
}

/** A zone's local calendar: offsets read with Intl.DateTimeFormat once per local date, then cached. */
export class ZoneCalendar {
  private readonly fmt: Intl.DateTimeFormat;
  private readonly days = new Map<number, ZoneDay>();

  constructor(readonly timeZone: string) {
    this.fmt = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** The mapping of local day `day` (days since 1970-01-01). */
  day(day: number): ZoneDay {
    let info = this.days.get(day);
    if (info === undefined) {
      if (this.days.size >= MAX_CACHED_DAYS) this.days.clear();
      info = this.compute(day);
      this.days.set(day, info);
    }
    return info;
  }

  /**
   * UTC instant of local wall-clock time `localMs` (that wall time written as if it were UTC) on
   * local day `day`; NaN when it does not exist; the first occurrence when it is ambiguous.
   */
  toUtc(day: ZoneDay, localMs: number): number {
    if (day.at !== day.at) return localMs - day.before; // ordinary day (at is NaN)
    const early = localMs - day.before;
    const late = localMs - day.after;
    const earlyOk = early < day.at;
    const lateOk = late >= day.at;
    if (earlyOk && lateOk) return early < late ? early : late; // fall-back overlap: first occurrence
    if (earlyOk) return early;
    if (lateOk) return late;
    return NaN; // spring-forward gap
  }

  /** Offset (local - UTC, ms) in force at a UTC instant, at whole-second precision. */
  offsetAt(utcMs: number): number {
    const t = Math.floor(utcMs / 1000) * 1000;
    let year = 1970;
    let month = 1;
    let dayOfMonth = 1;
    let hour = 0;
    let minute = 0;
    let second = 0;
    for (const part of this.fmt.formatToParts(t)) {
      switch (part.type) {
        case 'year':
          year = Number(part.value);
          break;
        case 'month':
          month = Number(part.value);
          break;
        case 'day':
          dayOfMonth = Number(part.value);
          break;
        case 'hour':
          hour = Number(part.value) % 24; // some ICU versions print midnight as 24
          break;
        case 'minute':
          minute = Number(part.value);
          break;
        case 'second':
          second = Number(part.value);
          break;
      }
    }
    return Date.UTC(year, month - 1, dayOfMonth, hour, minute, second) - t;
  }

  /**
   * Every UTC instant whose local time falls on `day` lies in [day start - 14h, day end + 12h]. The
   * offsets at both ends tell whether a transition happens in that window (at most one does in any
   * real zone); if so, a binary search finds it to the second. Days next to a transition day take
   * this path too; the result is exact for them as well.
   */
  private compute(day: number): ZoneDay {
    const lo = day * DAY - MAX_AHEAD;
    const hi = (day + 1) * DAY + MAX_BEHIND;
    const before = this.offsetAt(lo);
    const after = this.offsetAt(hi);
    if (before === after) return { before, after, at: NaN };
    let a = lo / 1000; // offset(a) === before
    let b = hi / 1000; // offset(b) !== before
    while (b - a > 1) {
      const mid = Math.floor((a + b) / 2);
      if (this.offsetAt(mid * 1000) === before) a = mid;
      else b = mid;
    }
    return { before, after, at: b * 1000 };
  }
}

const calendars = new Map<string, ZoneCalendar>();

/** The shared (cached) calendar of an IANA zone. Throws a RangeError for an unknown zone. */
export function zoneCalendar(timeZone: string): ZoneCalendar {
  let calendar = calendars.get(timeZone);
  if (calendar === undefined) {
    calendar = new ZoneCalendar(timeZone);
    calendars.set(timeZone, calendar);
  }
  return calendar;
}

// ------------------------------------------------------------------ parsing

/** "YYYY-MM-DD" -> days since 1970-01-01 (NaN when malformed). */
function dayOf(date: string): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  return Date.UTC(y, m - 1, d) / DAY;
}

/** "HH:MM" -> minutes since midnight. */
function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

const isoDates = new Map<number, string>();
/** Days since 1970-01-01 -> "YYYY-MM-DD" (cached: the same few hundred days come up again and again). */
function isoDate(day: number): string {
  let date = isoDates.get(day);
  if (date === undefined) {
    if (isoDates.size >= MAX_CACHED_DAYS) isoDates.clear();
    date = new Date(day * DAY).toISOString().slice(0, 10);
    isoDates.set(day, date);
  }
  return date;
}

/**
 * Exactly `slotIdOf(doctorId, new Date(start))`, without Date#toISOString (the most expensive step of
 * the whole expansion) for the usual whole-minute start; anything else goes through slotIdOf itself.
 */
function idOf(doctorId: string, start: number, startDate: Date): string {
  const day = Math.floor(start / DAY);
  const ms = start - day * DAY;
  if (ms % MINUTE !== 0 || day < 0 || day > MAX_FOUR_DIGIT_YEAR_DAY) return slotIdOf(doctorId, startDate);
  return `${doctorId}:${isoDate(day)}T${HHMM[ms / MINUTE]}:00.000Z`;
}

// ------------------------------------------------------------------ compiled input

interface CompiledVenue {
  clinicId: string | null;
  timeZone: string;
  calendar: ZoneCalendar;
  /** Opening intervals [open, close, open, close, ...] in minutes per weekday; null = no clipping. */
  hours: number[][] | null;
}

/** A rule, or an EXTRA exception as a one-off rule, ready to lay out. */
interface Run {
  venue: CompiledVenue;
  clinicId: string | null;
  /** Sort key of the clinic: '' for online (sorts first). */
  clinicKey: string;
  mode: SlotMode;
  startMin: number;
  endMin: number;
  slotMin: number;
  step: number;
  capacity: number;
  fee: Money;
  fromDay: number;
  toDay: number;
  /** BLOCKED exceptions do not apply (EXTRA slots). */
  extra: boolean;
}

interface Block {
  /** Null: every venue of the doctor. */
  clinicId: string | null;
  startMin: number;
  endMin: number;
}

function compileHours(hours: OpeningHours[] | undefined): number[][] | null {
  if (hours === undefined) return null;
  const byWeekday: number[][] = [[], [], [], [], [], [], []];
  for (const h of hours) {
    const open = minutesOf(h.open);
    let close = minutesOf(h.close);
    if (close <= open) close = 1440;
    byWeekday[h.weekday]?.push(open, close);
  }
  return byWeekday;
}

function fits(intervals: number[], start: number, end: number): boolean {
  for (let i = 0; i < intervals.length; i += 2) if (intervals[i] <= start && end <= intervals[i + 1]) return true;
  return false;
}

function overlapsBlock(blocks: Block[], start: number, end: number): boolean {
  for (const b of blocks) if (start < b.endMin && end > b.startMin) return true;
  return false;
}

// ------------------------------------------------------------------ expansion

/** Expands one doctor's availability into concrete slots, sorted by start, then clinic id. */
export function expandSlots(input: ExpansionInput): ExpandedSlot[] {
  const { doctorId, policy } = input;
  const nowMs = input.now.getTime();
  const minStart = nowMs + policy.minNoticeMinutes * MINUTE;
  const maxStart = nowMs + policy.horizonDays * DAY;
  // Local days that can hold a start inside [minStart, maxStart] in any zone, within [fromDate, toDate].
  const firstDay = Math.max(dayOf(input.fromDate), Math.floor((minStart - MAX_BEHIND) / DAY) - 1);
  const lastDay = Math.min(dayOf(input.toDate), Math.floor((maxStart + MAX_AHEAD) / DAY) + 1);
  if (!(firstDay <= lastDay)) return [];
  const buffer = Math.max(0, policy.bufferMinutes || 0);

  const venues = new Map<string | null, CompiledVenue | null>();
  const venueOf = (clinicId: string | null): CompiledVenue | null => {
    let venue = venues.get(clinicId);
    if (venue === undefined) {
      const clinic: Venue | undefined = clinicId === null ? undefined : input.clinics[clinicId];
      const timeZone = clinicId === null ? input.doctorTimeZone : clinic?.timeZone;
      venue =
        timeZone === undefined
          ? null
          : {
              clinicId,
              timeZone,
              calendar: zoneCalendar(timeZone),
              hours: clinicId === null ? null : compileHours(clinic?.operatingHours),
            };
      venues.set(clinicId, venue);
    }
    return venue;
  };

  const ownRules = input.rules.filter((r) => r.doctorId === doctorId);
  const runOf = (
    clinicId: string | null,
    fields: Pick<AvailabilityRuleView, 'startTime' | 'endTime' | 'slotMinutes' | 'maxPatients' | 'fee' | 'mode'>,
    fromDay: number,
    toDay: number,
    extra: boolean,
  ): Run | null => {
    const venue = venueOf(clinicId);
    const slotMin = fields.slotMinutes;
    if (venue === null || !(slotMin > 0)) return null;
    return {
      venue,
      clinicId,
      clinicKey: clinicId ?? '',
      mode: clinicId === null ? SlotMode.ONLINE : fields.mode,
      startMin: minutesOf(fields.startTime),
      endMin: Math.min(1440, minutesOf(fields.endTime)),
      slotMin,
      step: slotMin + buffer,
      capacity: fields.maxPatients,
      fee: fields.fee ?? input.defaultFee,
      fromDay,
      toDay,
      extra,
    };
  };

  // Rules per weekday, earliest first (so one-zone output usually needs no sort).
  const byWeekday: Run[][] = [[], [], [], [], [], [], []];
  for (const rule of ownRules) {
    if (!rule.active || byWeekday[rule.weekday] === undefined) continue;
    const from = rule.validFrom === null ? -Infinity : dayOf(rule.validFrom);
    const to = rule.validTo === null ? Infinity : dayOf(rule.validTo);
    const run = runOf(rule.clinicId, rule, from, to, false);
    if (run !== null) byWeekday[rule.weekday].push(run);
  }
  for (const runs of byWeekday) runs.sort((a, b) => a.startMin - b.startMin || cmpKey(a.clinicKey, b.clinicKey));

  // Exceptions per local day.
  const blocksByDay = new Map<number, Block[]>();
  const extrasByDay = new Map<number, Run[]>();
  const template = ownRules[0];
  for (const exc of input.exceptions) {
    if (exc.doctorId !== doctorId) continue;
    const day = dayOf(exc.date);
    if (!(day >= firstDay && day <= lastDay)) continue;
    if (exc.kind === ExceptionKind.BLOCKED) {
      const block: Block = {
        clinicId: exc.clinicId,
        startMin: exc.startTime === null ? -Infinity : minutesOf(exc.startTime),
        endMin: exc.endTime === null ? Infinity : minutesOf(exc.endTime),
      };
      pushTo(blocksByDay, day, block);
    } else if (exc.kind === ExceptionKind.EXTRA) {
      const run = extraRun(exc, template, (fields) => runOf(exc.clinicId, fields, day, day, true));
      if (run !== null) pushTo(extrasByDay, day, run);
    }
  }

  const slots: ExpandedSlot[] = [];
  const starts: number[] = [];
  let sorted = true;
  let prevStart = -Infinity;
  let prevKey = '';

  for (let day = firstDay; day <= lastDay; day++) {
    const weekday = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
    const rules = byWeekday[weekday];
    const extras = extrasByDay.get(day);
    if (rules.length === 0 && extras === undefined) continue;
    const dayBlocks = blocksByDay.get(day);
    const localDate = isoDate(day);
    const midnight = day * DAY;
    const runs = extras === undefined ? rules : rules.concat(extras);

    for (const run of runs) {
      if (day < run.fromDay || day > run.toDay) continue;
      const venue = run.venue;
      let intervals: number[] | null = null;
      if (venue.hours !== null) {
        intervals = venue.hours[weekday];
        if (intervals.length === 0) continue; // closed that weekday
      }
      let blocks: Block[] | null = null;
      if (dayBlocks !== undefined && !run.extra) {
        for (const b of dayBlocks) if (b.clinicId === null || b.clinicId === run.clinicId) (blocks ??= []).push(b);
        if (blocks !== null && blocks.some((b) => b.startMin === -Infinity && b.endMin === Infinity)) continue;
      }
      const calendar = venue.calendar;
      const zoneDay = calendar.day(day);
      const ordinary = zoneDay.at !== zoneDay.at;
      const slotMs = run.slotMin * MINUTE;
      let lastEnd = -Infinity;

      for (let s = run.startMin; s + run.slotMin <= run.endMin; s += run.step) {
        const e = s + run.slotMin;
        if (intervals !== null && !fits(intervals, s, e)) continue;
        if (blocks !== null && overlapsBlock(blocks, s, e)) continue;
        const local = midnight + s * MINUTE;
        const start = ordinary ? local - zoneDay.before : calendar.toUtc(zoneDay, local);
        if (start !== start || start < lastEnd) continue; // nonexistent, or inside the previous slot
        const end = start + slotMs;
        lastEnd = end;
        if (start < minStart || start > maxStart) continue;

        let localEnd = e;
        if (!ordinary) localEnd = (end + (end < zoneDay.at ? zoneDay.before : zoneDay.after) - midnight) / MINUTE;
        const startDate = new Date(start);
        slots.push({
          id: idOf(doctorId, start, startDate),
          doctorId,
          clinicId: run.clinicId,
          mode: run.mode,
          start: startDate,
          end: new Date(end),
          timeZone: venue.timeZone,
          localDate,
          localStart: HHMM[s],
          localEnd: hhmm(Math.floor(localEnd)),
          fee: { amountMinor: run.fee.amountMinor, currency: run.fee.currency },
          capacity: run.capacity,
        });
        starts.push(start);
        if (sorted && (start < prevStart || (start === prevStart && cmpKey(run.clinicKey, prevKey) < 0)))
          sorted = false;
        prevStart = start;
        prevKey = run.clinicKey;
      }
    }
  }

  return sorted ? dedupeSorted(slots, starts) : sortAndDedupe(slots, starts);
}

function extraRun(
  exc: AvailabilityExceptionView,
  template: AvailabilityRuleView | undefined,
  make: (
    fields: Pick<AvailabilityRuleView, 'startTime' | 'endTime' | 'slotMinutes' | 'maxPatients' | 'fee' | 'mode'>,
  ) => Run | null,
): Run | null {
  if (exc.startTime === null || exc.endTime === null) return null;
  return make({
    startTime: exc.startTime,
    endTime: exc.endTime,
    slotMinutes: exc.slotMinutes ?? template?.slotMinutes ?? DEFAULT_SLOT_MINUTES,
    maxPatients: exc.maxPatients ?? template?.maxPatients ?? DEFAULT_MAX_PATIENTS,
    fee: template?.fee ?? null,
    mode: exc.mode ?? template?.mode ?? (exc.clinicId === null ? SlotMode.ONLINE : SlotMode.IN_CLINIC),
  });
}

function pushTo<T>(map: Map<number, T[]>, key: number, value: T): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

const cmpKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function dedupeSorted(slots: ExpandedSlot[], starts: number[]): ExpandedSlot[] {
  let dupes = false;
  for (let i = 1; i < starts.length; i++)
    if (starts[i] === starts[i - 1]) {
      dupes = true;
      break;
    }
  if (!dupes) return slots;
  return slots.filter((_, i) => i === 0 || starts[i] !== starts[i - 1]);
}

function sortAndDedupe(slots: ExpandedSlot[], starts: number[]): ExpandedSlot[] {
  const order = Array.from({ length: slots.length }, (_, i) => i);
  // Array.prototype.sort is stable: equal (start, clinic) keep generation order.
  order.sort((i, j) => starts[i] - starts[j] || cmpKey(slots[i].clinicId ?? '', slots[j].clinicId ?? ''));
  const out: ExpandedSlot[] = [];
  let prev = NaN;
  for (const i of order) {
    if (starts[i] === prev) continue;
    prev = starts[i];
    out.push(slots[i]);
  }
  return out;
}
