import { DomainError } from '@telehealth/messaging';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date (YYYY-MM-DD) in the past and not more than 130 years ago. */
export function assertDateOfBirth(value: string, field: string): void {
  const date = new Date(`${value}T00:00:00Z`);
  if (!ISO_DATE.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw DomainError.invalid(field, 'must be a date formatted YYYY-MM-DD');
  }
  const now = Date.now();
  if (date.getTime() > now) throw DomainError.invalid(field, 'must be in the past');
  if (date.getTime() < now - 130 * 365.25 * 86_400_000)
    throw DomainError.invalid(field, 'must be within the last 130 years');
}

/** An IANA time zone the runtime knows, e.g. `Africa/Lagos`. */
export function assertTimeZone(value: string, field: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
  } catch {
    throw DomainError.invalid(field, 'must be an IANA time zone such as Africa/Lagos');
  }
}
