import type { Money } from '@telehealth/contracts';

/** A time zone Intl knows, or UTC. */
export function safeTimeZone(timeZone: string | null | undefined): string {
  if (!timeZone) return 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

function safeLocale(locale: string | null | undefined): string {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf(locale ?? 'en')[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** "Mon, 24 Nov 2026, 10:00 WAT": a date and time in the recipient's zone and language. */
export function formatWhen(
  iso: string,
  timeZone: string | null | undefined,
  locale: string | null | undefined,
): string {
  return new Intl.DateTimeFormat(safeLocale(locale), {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: safeTimeZone(timeZone),
    timeZoneName: 'short',
  }).format(new Date(iso));
}

/** "09:45 WAT": a time (today or soon) in the recipient's zone. */
export function formatTime(
  iso: string,
  timeZone: string | null | undefined,
  locale: string | null | undefined,
): string {
  return new Intl.DateTimeFormat(safeLocale(locale), {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: safeTimeZone(timeZone),
    timeZoneName: 'short',
  }).format(new Date(iso));
}

/** Integer minor units to "₦15,000.00" with the currency's own number of decimals. */
export function formatMoney(money: Money, locale: string | null | undefined): string {
  let format: Intl.NumberFormat;
  try {
    format = new Intl.NumberFormat(safeLocale(locale), { style: 'currency', currency: money.currency });
  } catch {
    return `${money.amountMinor} ${money.currency} (minor units)`;
  }
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(money.amountMinor / 10 ** digits);
}

/** "60 minutes", "24 hours", "1 day": a duration rounded to its largest whole unit. */
export function formatDuration(ms: number, locale: string | null | undefined): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  const [value, unit] =
    minutes % 1440 === 0 && minutes >= 2880
      ? [minutes / 1440, 'day']
      : minutes % 60 === 0
        ? [minutes / 60, 'hour']
        : [minutes, 'minute'];
  return new Intl.NumberFormat(safeLocale(locale), { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}
