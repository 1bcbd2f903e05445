import { ErrorCode } from '@telehealth/contracts';
import { DomainError } from '@telehealth/messaging';
import {
  assertCalendarDate,
  assertClockTime,
  assertGeoPoint,
  assertIntIn,
  assertMoney,
  assertTimeRange,
  assertTimeZone,
  daysBetween,
  flag,
  minutesOf,
  optionalText,
  requiredText,
  textList,
} from './field-rules';

/** The field problems of the DomainError `fn` throws (fails when it does not throw one). */
function problems(fn: () => unknown): { field: string; problem: string }[] {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe(ErrorCode.VALIDATION_FAILED);
    return (err as DomainError).options.details ?? [];
  }
  throw new Error('expected a validation error');
}

describe('assertTimeZone', () => {
  it.each(['Africa/Lagos', 'Europe/London', 'UTC'])('accepts %s', (tz) => {
    expect(() => assertTimeZone(tz, 'timeZone')).not.toThrow();
  });
  it.each(['Mars/Olympus', 'Lagos', '', 'GMT+25'])('rejects %j naming the field', (tz) => {
    expect(problems(() => assertTimeZone(tz, 'timeZone'))).toEqual([
      { field: 'timeZone', problem: 'must be an IANA time zone such as Africa/Lagos' },
    ]);
  });
});

describe('assertClockTime / assertTimeRange', () => {
  it.each(['00:00', '09:30', '23:59'])('accepts %s', (t) => expect(() => assertClockTime(t, 'open')).not.toThrow());
  it.each(['24:00', '9:00', '09:60', '0900', '09:00:00', ' 09:00', ''])('rejects %j', (t) => {
    expect(problems(() => assertClockTime(t, 'open'))[0].field).toBe('open');
  });
  it('converts to minutes since midnight', () => {
    expect(minutesOf('00:00')).toBe(0);
    expect(minutesOf('13:45')).toBe(825);
  });
  it('requires the start strictly before the end, reported on the end field', () => {
    expect(() => assertTimeRange('09:00', '09:01', 'startTime', 'endTime')).not.toThrow();
    expect(problems(() => assertTimeRange('09:00', '09:00', 'startTime', 'endTime'))).toEqual([
      { field: 'endTime', problem: 'must be later than startTime' },
    ]);
    expect(problems(() => assertTimeRange('17:00', '09:00', 'a.open', 'a.close'))[0].field).toBe('a.close');
    expect(problems(() => assertTimeRange('9am', '10:00', 'startTime', 'endTime'))[0].field).toBe('startTime');
  });
});

describe('assertCalendarDate / daysBetween', () => {
  it.each(['2026-01-31', '2028-02-29'])('accepts %s', (d) => expect(() => assertCalendarDate(d, 'from')).not.toThrow());
  it.each(['2026-02-29', '2026-13-01', '2026-1-01', '01/02/2026', '2026-01-01T00:00:00Z', ''])('rejects %j', (d) => {
    expect(problems(() => assertCalendarDate(d, 'from'))).toEqual([
      { field: 'from', problem: 'must be a date formatted YYYY-MM-DD' },
    ]);
  });
  it('counts whole days across months and years', () => {
    expect(daysBetween('2026-01-30', '2026-02-02')).toBe(3);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2026-03-10', '2026-03-09')).toBe(-1);
  });
});

describe('assertIntIn', () => {
  it('accepts the bounds', () => {
    expect(() => assertIntIn(5, 5, 480, 'slotMinutes')).not.toThrow();
    expect(() => assertIntIn(480, 5, 480, 'slotMinutes')).not.toThrow();
  });
  it.each([4, 481, 30.5, Number.NaN, '30' as unknown as number, undefined as unknown as number])('rejects %j', (n) => {
    expect(problems(() => assertIntIn(n, 5, 480, 'slotMinutes'))).toEqual([
      { field: 'slotMinutes', problem: 'must be a whole number from 5 to 480' },
    ]);
  });
});

describe('assertMoney', () => {
  it('accepts integer minor units with a known currency', () => {
    expect(() => assertMoney({ amountMinor: 1_500_000, currency: 'NGN' }, 'baseFee')).not.toThrow();
    expect(() => assertMoney({ amountMinor: 0, currency: 'USD' }, 'baseFee')).not.toThrow();
  });
  it.each([15000.5, -1, 1e13, Number.NaN])('rejects an amount of %j naming amountMinor', (amountMinor) => {
    expect(problems(() => assertMoney({ amountMinor, currency: 'NGN' }, 'clinics.0.fee'))[0].field).toBe(
      'clinics.0.fee.amountMinor',
    );
  });
  it.each(['ngn', 'NAIRA', 'XXY', ''])('rejects a currency of %j naming currency', (currency) => {
    expect(problems(() => assertMoney({ amountMinor: 100, currency }, 'fee'))).toEqual([
      { field: 'fee.currency', problem: 'must be an ISO 4217 currency code such as NGN' },
    ]);
  });
});

describe('assertGeoPoint', () => {
  it('accepts Lagos and the extremes', () => {
    expect(() => assertGeoPoint({ lat: 6.4281, lng: 3.4219 }, 'geo')).not.toThrow();
    expect(() => assertGeoPoint({ lat: -90, lng: 180 }, 'geo')).not.toThrow();
  });
  it('names the coordinate out of range', () => {
    expect(problems(() => assertGeoPoint({ lat: 91, lng: 0 }, 'geo'))[0].field).toBe('geo.lat');
    expect(problems(() => assertGeoPoint({ lat: 0, lng: -180.5 }, 'geo'))[0].field).toBe('geo.lng');
    expect(problems(() => assertGeoPoint({ lat: Number.NaN, lng: 0 }, 'geo'))[0].field).toBe('geo.lat');
  });
});

describe('text helpers', () => {
  it('requiredText trims and refuses blank or long text', () => {
    expect(requiredText('  Lagos ', 10, 'city')).toBe('Lagos');
    expect(problems(() => requiredText('   ', 10, 'city'))).toEqual([{ field: 'city', problem: 'must not be empty' }]);
    expect(problems(() => requiredText(undefined, 10, 'city'))[0].field).toBe('city');
    expect(problems(() => requiredText('x'.repeat(11), 10, 'city'))[0].problem).toBe('must be at most 10 characters');
  });
  it('optionalText makes blanks null', () => {
    expect(optionalText('  ', 10, 'line2')).toBeNull();
    expect(optionalText(undefined, 10, 'line2')).toBeNull();
    expect(optionalText(' Apt 4 ', 10, 'line2')).toBe('Apt 4');
  });
  it('textList trims, de-duplicates and names the bad item', () => {
    expect(textList([' English', 'Yoruba', 'English '], 5, 20, 'languages')).toEqual(['English', 'Yoruba']);
    expect(problems(() => textList(['English', ' '], 5, 20, 'languages'))[0].field).toBe('languages.1');
    expect(problems(() => textList(['a', 'b', 'c'], 2, 20, 'languages'))[0].field).toBe('languages');
  });
  it('flag takes only booleans', () => {
    expect(flag(false, 'active')).toBe(false);
    expect(problems(() => flag('true' as unknown as boolean, 'active'))[0].field).toBe('active');
  });
});
