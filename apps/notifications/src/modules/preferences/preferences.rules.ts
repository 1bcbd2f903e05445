import {
  NotificationCategory,
  NotificationChannel,
  TRANSACTIONAL_CATEGORIES,
  type CategoryKey,
  type ChannelSwitches,
  type NotificationKind,
  type OrganisationPreferences,
  type QuietHours,
  type UpdatePreferencesRequest,
} from '@telehealth/contracts';
import { DomainError } from '@telehealth/messaging';
import { KIND_SPECS, isTransactional } from '../templates/kinds';

export const CHANNEL_KEY: Record<NotificationChannel, keyof ChannelSwitches> = {
  [NotificationChannel.EMAIL]: 'email',
  [NotificationChannel.SMS]: 'sms',
  [NotificationChannel.PUSH]: 'push',
  [NotificationChannel.IN_APP]: 'inApp',
};
export const CATEGORY_KEY: Record<NotificationCategory, CategoryKey> = {
  [NotificationCategory.SECURITY]: 'security',
  [NotificationCategory.ACCOUNT]: 'account',
  [NotificationCategory.APPOINTMENTS]: 'appointments',
  [NotificationCategory.REMINDERS]: 'reminders',
  [NotificationCategory.PAYMENTS]: 'payments',
  [NotificationCategory.REVIEWS]: 'reviews',
  [NotificationCategory.MESSAGES]: 'messages',
};
export const CATEGORY_KEYS = Object.values(CATEGORY_KEY);
export const CHANNEL_KEYS = Object.values(CHANNEL_KEY);
export const TRANSACTIONAL_KEYS: CategoryKey[] = TRANSACTIONAL_CATEGORIES.map((c) => CATEGORY_KEY[c]);

export interface Preferences {
  channels: ChannelSwitches;
  categories: Record<CategoryKey, ChannelSwitches>;
  quietHours: QuietHours | null;
}

const allOn = (): ChannelSwitches => ({ email: true, sms: true, push: true, inApp: true });

export function defaultPreferences(): Preferences {
  return {
    channels: allOn(),
    categories: Object.fromEntries(CATEGORY_KEYS.map((k) => [k, allOn()])) as Record<CategoryKey, ChannelSwitches>,
    quietHours: null,
  };
}

/** Seed 002 defaults: quotes, bookings and treatment starts on; aftercare and reviews off. */
export const DEFAULT_ORGANISATION_PREFERENCES: OrganisationPreferences = {
  quote: true,
  schedule: true,
  treatmentStart: true,
  aftercare: false,
  review: false,
};

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * Applies a change to preferences. Switching off a transactional category is refused naming
 * the field (it would be ignored otherwise, silently); quiet hours must be two different times.
 */
export function applyUpdate(current: Preferences, q: UpdatePreferencesRequest): Preferences {
  const next: Preferences = {
    channels: { ...current.channels },
    categories: Object.fromEntries(
      CATEGORY_KEYS.map((k) => [k, { ...current.categories[k] }]),
    ) as Preferences['categories'],
    quietHours: current.quietHours,
  };
  for (const [key, value] of Object.entries(q.channels ?? {})) {
    if (!CHANNEL_KEYS.includes(key as keyof ChannelSwitches))
      throw DomainError.invalid(`channels.${key}`, 'is not a channel');
    if (typeof value !== 'boolean') throw DomainError.invalid(`channels.${key}`, 'must be true or false');
    next.channels[key as keyof ChannelSwitches] = value;
  }
  for (const [category, channels] of Object.entries(q.categories ?? {})) {
    if (!CATEGORY_KEYS.includes(category as CategoryKey))
      throw DomainError.invalid(`categories.${category}`, 'is not a category');
    for (const [key, value] of Object.entries(channels ?? {})) {
      const field = `categories.${category}.${key}`;
      if (!CHANNEL_KEYS.includes(key as keyof ChannelSwitches)) throw DomainError.invalid(field, 'is not a channel');
      if (typeof value !== 'boolean') throw DomainError.invalid(field, 'must be true or false');
      if (!value && TRANSACTIONAL_KEYS.includes(category as CategoryKey)) {
        throw DomainError.invalid(
          field,
          'cannot be switched off: security and payment messages (verification, password reset, receipts) are always sent',
          'TRANSACTIONAL',
        );
      }
      next.categories[category as CategoryKey][key as keyof ChannelSwitches] = value;
    }
  }
  if (q.quietHours !== undefined) {
    if (q.quietHours === null) next.quietHours = null;
    else {
      const { start, end } = q.quietHours;
      if (typeof start !== 'string' || !CLOCK.test(start))
        throw DomainError.invalid('quietHours.start', 'must be a time formatted HH:MM (00:00 to 23:59)');
      if (typeof end !== 'string' || !CLOCK.test(end))
        throw DomainError.invalid('quietHours.end', 'must be a time formatted HH:MM (00:00 to 23:59)');
      if (start === end) throw DomainError.invalid('quietHours.end', 'must differ from quietHours.start');
      next.quietHours = { start, end };
    }
  }
  return next;
}

export type Decision = { send: true } | { send: false; reason: 'CHANNEL_OFF' | 'CATEGORY_OFF' | 'ORGANISATION_OFF' };

/**
 * Whether a message of `kind` goes out on `channel` for these preferences (and, for a doctor of
 * a provider organisation, the organisation's settings). Transactional messages always do.
 */
export function decide(
  kind: NotificationKind,
  channel: NotificationChannel,
  prefs: Preferences,
  organisation?: OrganisationPreferences | null,
): Decision {
  if (isTransactional(kind)) return { send: true };
  const spec = KIND_SPECS[kind];
  const key = CHANNEL_KEY[channel];
  if (!prefs.channels[key]) return { send: false, reason: 'CHANNEL_OFF' };
  if (!prefs.categories[CATEGORY_KEY[spec.category]][key]) return { send: false, reason: 'CATEGORY_OFF' };
  if (spec.organisationGate && organisation && !organisation[spec.organisationGate])
    return { send: false, reason: 'ORGANISATION_OFF' };
  return { send: true };
}

// ------------------------------------------------------------------ quiet hours

/** Wall-clock parts of `at` in `timeZone`. */
function localParts(at: Date, timeZone: string): { y: number; m: number; d: number; hh: number; mm: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return { y: +parts.year, m: +parts.month, d: +parts.day, hh: +parts.hour, mm: +parts.minute };
}

/** The instant a local wall-clock time happens in `timeZone` (DST-aware; a skipped time moves forward). */
export function instantOf(y: number, m: number, d: number, hh: number, mm: number, timeZone: string): Date {
  const wanted = Date.UTC(y, m - 1, d, hh, mm);
  let guess = wanted;
  for (let i = 0; i < 3; i++) {
    const p = localParts(new Date(guess), timeZone);
    const offset = Date.UTC(p.y, p.m - 1, p.d, p.hh, p.mm) - guess;
    const next = wanted - offset;
    if (next === guess) break;
    guess = next;
  }
  return new Date(guess);
}

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * When quiet hours hold `now` in the user's zone: the instant they end (the message waits
 * until then); otherwise null. Hours may span midnight (22:00-07:00).
 */
export function quietUntil(now: Date, quiet: QuietHours | null, timeZone: string): Date | null {
  if (!quiet) return null;
  const local = localParts(now, timeZone);
  const minute = local.hh * 60 + local.mm;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  const inside = start < end ? minute >= start && minute < end : minute >= start || minute < end;
  if (!inside) return null;
  // Ends today (local) if the end is still ahead, else tomorrow.
  const dayOffset = minute < end ? 0 : 1;
  const base = new Date(Date.UTC(local.y, local.m - 1, local.d + dayOffset));
  return instantOf(
    base.getUTCFullYear(),
    base.getUTCMonth() + 1,
    base.getUTCDate(),
    Math.floor(end / 60),
    end % 60,
    timeZone,
  );
}
