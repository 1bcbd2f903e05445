import { assertOperatingHours, normaliseAddress } from './clinic.rules';
import { invalidField } from '@telehealth/testing';

describe('assertOperatingHours', () => {
  it('accepts Monday to Saturday hours and an empty week', () => {
    const week = [1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, open: '08:00', close: '18:00' }));
    expect(() => assertOperatingHours(week, 'operatingHours')).not.toThrow();
    expect(() => assertOperatingHours([], 'operatingHours')).not.toThrow();
  });

  it.each([
    [[{ weekday: 7, open: '08:00', close: '18:00' }], 'operatingHours.0.weekday'],
    [[{ weekday: -1, open: '08:00', close: '18:00' }], 'operatingHours.0.weekday'],
    [[{ weekday: 1, open: '18:00', close: '08:00' }], 'operatingHours.0.close'],
    [[{ weekday: 1, open: '08:00', close: '08:00' }], 'operatingHours.0.close'],
    [[{ weekday: 1, open: '8:00', close: '18:00' }], 'operatingHours.0.open'],
    [[{ weekday: 1, open: '08:00', close: '24:00' }], 'operatingHours.0.close'],
    [
      [
        { weekday: 1, open: '08:00', close: '12:00' },
        { weekday: 1, open: '13:00', close: '18:00' },
      ],
      'operatingHours.1.weekday',
    ],
  ])('rejects %j naming %s', (hours, field) => {
    expect(invalidField(() => assertOperatingHours(hours, 'operatingHours'))).toBe(field);
  });

  it('rejects something that is not a list', () => {
    expect(invalidField(() => assertOperatingHours('Mon-Fri' as never, 'operatingHours'))).toBe('operatingHours');
  });
});

describe('normaliseAddress', () => {
  it('trims, upper-cases the country and fills absent optional lines with null', () => {
    expect(normaliseAddress({ line1: ' 25 Allen Avenue ', city: 'Lagos ', country: 'ng' }, 'address')).toEqual({
      line1: '25 Allen Avenue',
      line2: null,
      city: 'Lagos',
      state: null,
      country: 'NG',
      postcode: null,
    });
  });

  it.each([
    [{ line1: '', city: 'Lagos', country: 'NG' }, 'address.line1'],
    [{ line1: '1 Road', city: ' ', country: 'NG' }, 'address.city'],
    [{ line1: '1 Road', city: 'Lagos', country: 'NGA' }, 'address.country'],
  ])('rejects %j naming %s', (address, field) => {
    expect(invalidField(() => normaliseAddress(address, 'address'))).toBe(field);
  });
});
