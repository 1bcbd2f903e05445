import {
  ExceptionKind,
  SlotMode,
  type AvailabilityExceptionView,
  type AvailabilityRuleView,
} from '@telehealth/contracts';
import { DomainError } from '@telehealth/messaging';
import {
  assertCalendarDate,
  assertIntIn,
  assertMoney,
  assertTimeRange,
  daysBetween,
  minutesOf,
} from '../../validation/field-rules';

export const SLOT_MINUTES = { min: 5, max: 480 };
export const MAX_PATIENTS = { min: 1, max: 100 };

export type RuleFields = Omit<AvailabilityRuleView, 'id' | 'doctorId' | 'active'>;
export type ExceptionFields = Omit<AvailabilityExceptionView, 'id' | 'doctorId'>;

const MODES = Object.values(SlotMode) as string[];

/** A weekly rule on its own: every number in range, times ordered, a venue for its mode. */
export function assertRuleFields(r: RuleFields): void {
  assertMode(r.mode, 'mode');
  assertIntIn(r.weekday, 0, 6, 'weekday');
  assertTimeRange(r.startTime, r.endTime, 'startTime', 'endTime');
  assertIntIn(r.slotMinutes, SLOT_MINUTES.min, SLOT_MINUTES.max, 'slotMinutes');
  if (r.slotMinutes > minutesOf(r.endTime) - minutesOf(r.startTime)) {
    throw DomainError.invalid('slotMinutes', 'must fit between startTime and endTime at least once');
  }
  assertIntIn(r.maxPatients, MAX_PATIENTS.min, MAX_PATIENTS.max, 'maxPatients');
  if (r.fee !== null) assertMoney(r.fee, 'fee');
  if (r.validFrom !== null) assertCalendarDate(r.validFrom, 'validFrom');
  if (r.validTo !== null) assertCalendarDate(r.validTo, 'validTo');
  if (r.validFrom !== null && r.validTo !== null && daysBetween(r.validFrom, r.validTo) < 0) {
    throw DomainError.invalid('validTo', 'must not be before validFrom');
  }
  assertVenue(r.clinicId, r.mode);
}

/** A one-off exception: BLOCKED takes an optional period, EXTRA needs the fields of a rule. */
export function assertExceptionFields(e: ExceptionFields): void {
  assertCalendarDate(e.date, 'date');
  if (e.kind !== ExceptionKind.BLOCKED && e.kind !== ExceptionKind.EXTRA) {
    throw DomainError.invalid('kind', 'must be one of BLOCKED, EXTRA');
  }
  if (e.kind === ExceptionKind.BLOCKED) {
    if ((e.startTime === null) !== (e.endTime === null)) {
      throw DomainError.invalid(
        e.startTime === null ? 'startTime' : 'endTime',
        'give both times, or neither to block the day',
      );
    }
    if (e.startTime !== null && e.endTime !== null) assertTimeRange(e.startTime, e.endTime, 'startTime', 'endTime');
    return;
  }
  if (e.startTime === null) throw DomainError.invalid('startTime', 'is required for EXTRA hours');
  if (e.endTime === null) throw DomainError.invalid('endTime', 'is required for EXTRA hours');
  assertTimeRange(e.startTime, e.endTime, 'startTime', 'endTime');
  if (e.slotMinutes === null) throw DomainError.invalid('slotMinutes', 'is required for EXTRA hours');
  assertIntIn(e.slotMinutes, SLOT_MINUTES.min, SLOT_MINUTES.max, 'slotMinutes');
  if (e.slotMinutes > minutesOf(e.endTime) - minutesOf(e.startTime)) {
    throw DomainError.invalid('slotMinutes', 'must fit between startTime and endTime at least once');
  }
  if (e.maxPatients === null) throw DomainError.invalid('maxPatients', 'is required for EXTRA hours');
  assertIntIn(e.maxPatients, MAX_PATIENTS.min, MAX_PATIENTS.max, 'maxPatients');
  if (e.mode === null) throw DomainError.invalid('mode', 'is required for EXTRA hours');
  assertMode(e.mode, 'mode');
  assertVenue(e.clinicId, e.mode);
}

/** Another active rule of the doctor that would put them in two places at once, if any. */
export function overlappingRule<R extends RuleFields & { id: string; active: boolean }>(
  candidate: RuleFields,
  others: R[],
): R | undefined {
  const start = minutesOf(candidate.startTime);
  const end = minutesOf(candidate.endTime);
  return others.find(
    (o) =>
      o.active &&
      o.weekday === candidate.weekday &&
      minutesOf(o.startTime) < end &&
      start < minutesOf(o.endTime) &&
      datesIntersect(candidate, o),
  );
}

function datesIntersect(a: RuleFields, b: RuleFields): boolean {
  const aStartsAfterB = a.validFrom !== null && b.validTo !== null && a.validFrom > b.validTo;
  const bStartsAfterA = b.validFrom !== null && a.validTo !== null && b.validFrom > a.validTo;
  return !aStartsAfterB && !bStartsAfterA;
}

function assertMode(mode: string, field: string): void {
  if (!MODES.includes(mode)) throw DomainError.invalid(field, `must be one of ${MODES.join(', ')}`);
}

/** In-clinic (or either) slots need a clinic; only ONLINE ones may have none. */
function assertVenue(clinicId: string | null, mode: SlotMode): void {
  if (clinicId === null && mode !== SlotMode.ONLINE) {
    throw DomainError.invalid('clinicId', 'is required unless mode is ONLINE');
  }
}
