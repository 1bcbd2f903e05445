import type { Address, OpeningHours } from '@telehealth/contracts';
import { DomainError } from '@telehealth/messaging';
import { assertIntIn, assertTimeRange, optionalText, requiredText } from '../../validation/field-rules';

/** Opening hours: weekday 0 (Sunday) to 6, `open` before `close`, each weekday at most once. */
export function assertOperatingHours(hours: OpeningHours[], field: string): void {
  if (!Array.isArray(hours)) throw DomainError.invalid(field, 'must be a list of {weekday, open, close}');
  if (hours.length > 7) throw DomainError.invalid(field, 'must have at most one entry per weekday');
  const seen = new Set<number>();
  hours.forEach((h, i) => {
    assertIntIn(h?.weekday, 0, 6, `${field}.${i}.weekday`);
    if (seen.has(h.weekday)) throw DomainError.invalid(`${field}.${i}.weekday`, 'appears more than once');
    seen.add(h.weekday);
    assertTimeRange(h.open, h.close, `${field}.${i}.open`, `${field}.${i}.close`);
  });
}

/** A postal address, trimmed; `line1`, `city` and an ISO 3166-1 alpha-2 `country` are required. */
export function normaliseAddress(a: Address, field: string): Address {
  if (typeof a !== 'object' || a === null) throw DomainError.invalid(field, 'must be an address object');
  const country = typeof a.country === 'string' ? a.country.trim().toUpperCase() : '';
  if (!/^[A-Z]{2}$/.test(country)) {
    throw DomainError.invalid(`${field}.country`, 'must be an ISO 3166-1 alpha-2 country code such as NG');
  }
  return {
    line1: requiredText(a.line1, 200, `${field}.line1`),
    line2: optionalText(a.line2, 200, `${field}.line2`),
    city: requiredText(a.city, 100, `${field}.city`),
    state: optionalText(a.state, 100, `${field}.state`),
    country,
    postcode: optionalText(a.postcode, 20, `${field}.postcode`),
  };
}
