import { ErrorCode } from '@telehealth/contracts';
import { DomainError } from '@telehealth/messaging';
import { assertDateOfBirth, assertTimeZone } from './user.rules';

function thrown(fn: () => void): DomainError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    return err as DomainError;
  }
  throw new Error('expected a throw');
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const daysFromToday = (n: number) => isoDay(new Date(Date.now() + n * 86_400_000));
const yearsAgo = (years: number, extraDays = 0) => {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - years);
  d.setUTCDate(d.getUTCDate() - extraDays);
  return isoDay(d);
};

describe('assertDateOfBirth', () => {
  it.each(['1988-03-14', '2000-02-29', '2024-02-29', '1999-12-31'])('accepts %s', (value) => {
    expect(() => assertDateOfBirth(value, 'dateOfBirth')).not.toThrow();
  });

  it('accepts yesterday and a date 129 years ago', () => {
    expect(() => assertDateOfBirth(daysFromToday(-1), 'dateOfBirth')).not.toThrow();
    expect(() => assertDateOfBirth(yearsAgo(129), 'dateOfBirth')).not.toThrow();
  });

  it.each([
    '14/03/1988',
    '1988-3-14',
    '19880314',
    '1988-03-14T00:00:00Z',
    ' 1988-03-14',
    '',
    'yesterday',
    '1988-13-01',
    '1988-00-10',
    '1988-01-32',
    '2023-02-29',
    '2023-02-30',
    '1900-02-29',
    '2023-04-31',
  ])('rejects %j as not a real YYYY-MM-DD date', (value) => {
    const err = thrown(() => assertDateOfBirth(value, 'dateOfBirth'));
    expect(err.code).toBe(ErrorCode.VALIDATION_FAILED);
    expect(err.options.details).toEqual([{ field: 'dateOfBirth', problem: 'must be a date formatted YYYY-MM-DD' }]);
  });

  it.each([
    ['tomorrow', daysFromToday(1)],
    ['next year', daysFromToday(366)],
    ['in the far future', '2999-01-01'],
  ])('rejects a date %s', (_when, value) => {
    const err = thrown(() => assertDateOfBirth(value, 'dateOfBirth'));
    expect(err.code).toBe(ErrorCode.VALIDATION_FAILED);
    expect(err.options.details).toEqual([{ field: 'dateOfBirth', problem: 'must be in the past' }]);
  });

  it.each([
    ['131 years ago', yearsAgo(131)],
    ['130 years and a few days ago', yearsAgo(130, 5)],
    ['1800-01-01', '1800-01-01'],
  ])('rejects a date %s', (_when, value) => {
    const err = thrown(() => assertDateOfBirth(value, 'dateOfBirth'));
    expect(err.options.details).toEqual([{ field: 'dateOfBirth', problem: 'must be within the last 130 years' }]);
  });

  it('names the field it was given', () => {
    const err = thrown(() => assertDateOfBirth('2023-02-30', 'dependents.0.dateOfBirth'));
    expect(err.options.details?.[0].field).toBe('dependents.0.dateOfBirth');
    expect(err.message).toContain('dependents.0.dateOfBirth');
  });
});

describe('assertTimeZone', () => {
  it.each(['Africa/Lagos', 'Europe/London', 'America/New_York', 'UTC'])('accepts %s', (tz) => {
    expect(() => assertTimeZone(tz, 'timeZone')).not.toThrow();
  });

  it.each(['Mars/Olympus', 'Lagos', 'GMT+25', '', 'Africa/Lagos; DROP'])('rejects %j', (tz) => {
    const err = thrown(() => assertTimeZone(tz, 'timeZone'));
    expect(err.code).toBe(ErrorCode.VALIDATION_FAILED);
    expect(err.options.details).toEqual([
      { field: 'timeZone', problem: 'must be an IANA time zone such as Africa/Lagos' },
    ]);
  });
});
