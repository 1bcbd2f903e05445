import { formatDuration, formatMoney, formatTime, formatWhen, safeTimeZone } from './format';
const plain = (s: string) => s.replace(/\u00a0|\u202f/g, ' ');

describe('message formatting', () => {
  it('formats money from minor units with the currency decimals', () => {
    expect(plain(formatMoney({ amountMinor: 1_500_000, currency: 'NGN' }, 'en'))).toBe('NGN 15,000.00');
    expect(formatMoney({ amountMinor: 1234, currency: 'USD' }, 'en')).toBe('$12.34');
    expect(formatMoney({ amountMinor: 500, currency: 'JPY' }, 'en')).toBe('¥500');
    expect(formatMoney({ amountMinor: 5, currency: 'NOT' }, 'en')).toMatch(/5/);
  });

  it('formats a time in the recipient zone', () => {
    expect(formatWhen('2026-11-24T09:00:00.000Z', 'Africa/Lagos', 'en')).toBe('Tue, Nov 24, 2026, 10:00 GMT+1');
    expect(formatWhen('2026-07-01T09:00:00.000Z', 'Europe/London', 'en-GB')).toBe('Wed, 1 Jul 2026, 10:00 BST');
    expect(formatTime('2026-11-24T09:45:00.000Z', 'UTC', 'en')).toBe('09:45 UTC');
  });

  it('falls back to UTC for an unknown zone', () => {
    expect(safeTimeZone('Mars/Olympus')).toBe('UTC');
    expect(formatWhen('2026-11-24T09:00:00.000Z', 'Mars/Olympus', 'en')).toContain('09:00 UTC');
  });

  it('formats durations in their largest whole unit', () => {
    expect(formatDuration(60 * 60_000, 'en')).toBe('1 hour');
    expect(formatDuration(24 * 3_600_000, 'en')).toBe('24 hours');
    expect(formatDuration(2 * 86_400_000, 'en')).toBe('2 days');
    expect(formatDuration(30 * 60_000, 'en')).toBe('30 minutes');
    expect(formatDuration(90 * 60_000, 'en')).toBe('90 minutes');
  });
});
