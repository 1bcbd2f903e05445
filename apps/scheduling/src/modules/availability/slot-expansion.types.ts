import type {
  AvailabilityExceptionView,
  AvailabilityRuleView,
  Money,
  OpeningHours,
  SlotMode,
} from '@telehealth/contracts';

/** Where a rule's slots happen: a clinic (its zone and opening hours) or online (doctor's zone). */
export interface Venue {
  timeZone: string;
  /** Absent for online-only rules: no clipping. */
  operatingHours?: OpeningHours[];
}

export interface ExpansionPolicy {
  /** No slot starts sooner than this after `now`. */
  minNoticeMinutes: number;
  /** No slot starts later than this many days after `now`. */
  horizonDays: number;
  /** Gap kept after each slot before the next one starts (buffer after + buffer before). */
  bufferMinutes: number;
}

export interface ExpansionInput {
  doctorId: string;
  /** The doctor's own zone, for online-only rules (clinicId null). */
  doctorTimeZone: string;
  /** Used when a rule has no fee of its own. */
  defaultFee: Money;
  rules: AvailabilityRuleView[];
  exceptions: AvailabilityExceptionView[];
  /** Venue per clinic id. */
  clinics: Record<string, Venue>;
  /** Local dates (YYYY-MM-DD, in each venue's zone) to expand, inclusive. */
  fromDate: string;
  toDate: string;
  now: Date;
  policy: ExpansionPolicy;
}

/** A concrete slot before bookings are counted. */
export interface ExpandedSlot {
  /** `${doctorId}:${startUtcIso}`: stable, so a slot can be booked by id. */
  id: string;
  doctorId: string;
  clinicId: string | null;
  mode: SlotMode;
  start: Date;
  end: Date;
  timeZone: string;
  localDate: string;
  localStart: string;
  localEnd: string;
  fee: Money;
  capacity: number;
}

export const slotIdOf = (doctorId: string, start: Date): string => `${doctorId}:${start.toISOString()}`;
