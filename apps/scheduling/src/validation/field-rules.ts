import type { GeoPoint, Money } from '@telehealth/contracts';
import { DomainError } from '@telehealth/messaging';

/**
 * Checks of single input values, each raising a 400 that names the field. The gateway checks
 * shapes first; these hold the rules (real dates, known zones and currencies) for every caller.
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));
/** Largest fee accepted: 10^12 minor units (ten billion naira). */
export const MAX_AMOUNT_MINOR = 1_000_000_000_000;

/** An IANA time zone the runtime knows, e.g. `Africa/Lagos`. */
export function assertTimeZone(value: string, field: string): void {
  try {
    if (typeof value !== 'string' || !value) throw new RangeError('empty');
    new Intl.DateTimeFormat('en', { timeZone: value });
  } catch {
    throw DomainError.invalid(field, 'must be an IANA time zone such as Africa/Lagos');
  }
}

/** A wall-clock time `HH:MM`, 00:00 to 23:59. */
export function assertClockTime(value: string, field: string): void {
  if (typeof value !== 'string' || !CLOCK.test(value)) {
    throw DomainError.invalid(field, 'must be a time formatted HH:MM (00:00 to 23:59)');
  }
}

/** Minutes since midnight of a valid `HH:MM`. */
export const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Two valid times with `start` strictly before `end` (the problem is reported on `endField`). */
export function assertTimeRange(start: string, end: string, startField: string, endField: string): void {
  assertClockTime(start, startField);
  assertClockTime(end, endField);
  if (minutesOf(start) >= minutesOf(end)) throw DomainError.invalid(endField, `must be later than ${startField}`);
}

/** A real calendar date `YYYY-MM-DD`. */
export function assertCalendarDate(value: string, field: string): void {
  const date = new Date(`${value}T00:00:00Z`);
  if (
    typeof value !== 'string' ||
    !ISO_DATE.test(value) ||
    Number.isNaN(date.getTime()) ||
    date.toISOString().slice(0, 10) !== value
  ) {
    throw DomainError.invalid(field, 'must be a date formatted YYYY-MM-DD');
  }
}

/** Whole days from one valid `YYYY-MM-DD` to another (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** An integer in [min, max]. */
export function assertIntIn(value: number, min: number, max: number, field: string): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw DomainError.invalid(field, `must be a whole number from ${min} to ${max}`);
  }
}

/** Integer minor units (kobo, cents), never negative, with an ISO 4217 currency. */
export function assertMoney(value: Money, field: string): void {
  if (typeof value !== 'object' || value === null) throw DomainError.invalid(field, 'must be {amountMinor, currency}');
  if (!Number.isSafeInteger(value.amountMinor) || value.amountMinor < 0 || value.amountMinor > MAX_AMOUNT_MINOR) {
    throw DomainError.invalid(
      `${field}.amountMinor`,
      `must be a whole number of minor units (e.g. kobo) from 0 to ${MAX_AMOUNT_MINOR}`,
    );
  }
  if (typeof value.currency !== 'string' || !/^[A-Z]{3}$/.test(value.currency) || !CURRENCIES.has(value.currency)) {
    throw DomainError.invalid(`${field}.currency`, 'must be an ISO 4217 currency code such as NGN');
  }
}

/** Latitude -90..90 and longitude -180..180, in degrees. */
export function assertGeoPoint(value: GeoPoint, field: string): void {
  if (typeof value !== 'object' || value === null) throw DomainError.invalid(field, 'must be {lat, lng}');
  if (typeof value.lat !== 'number' || !Number.isFinite(value.lat) || Math.abs(value.lat) > 90) {
    throw DomainError.invalid(`${field}.lat`, 'must be a latitude from -90 to 90');
  }
  if (typeof value.lng !== 'number' || !Number.isFinite(value.lng) || Math.abs(value.lng) > 180) {
    throw DomainError.invalid(`${field}.lng`, 'must be a longitude from -180 to 180');
  }
}

/** A trimmed, non-empty string of at most `max` characters. */
export function requiredText(value: string | undefined, max: number, field: string): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text) throw DomainError.invalid(field, 'must not be empty');
  if (text.length > max) throw DomainError.invalid(field, `must be at most ${max} characters`);
  return text;
}

/** A trimmed string, or null when absent or blank. */
export function optionalText(value: string | null | undefined, max: number, field: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw DomainError.invalid(field, 'must be a string');
  const text = value.trim();
  if (text.length > max) throw DomainError.invalid(field, `must be at most ${max} characters`);
  return text || null;
}

/** A list of distinct, trimmed, non-empty strings. */
export function textList(values: string[], maxItems: number, maxLength: number, field: string): string[] {
  if (!Array.isArray(values)) throw DomainError.invalid(field, 'must be a list');
  if (values.length > maxItems) throw DomainError.invalid(field, `must have at most ${maxItems} items`);
  const items = values.map((v, i) => requiredText(v, maxLength, `${field}.${i}`));
  return [...new Set(items)];
}

/** A boolean, not a truthy stand-in. */
export function flag(value: boolean, field: string): boolean {
  if (typeof value !== 'boolean') throw DomainError.invalid(field, 'must be true or false');
  return value;
}
