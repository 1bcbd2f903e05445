import { NotificationChannel, NotificationKind } from '@telehealth/contracts';
import { invalidField } from '@telehealth/testing';
import {
  DEFAULT_ORGANISATION_PREFERENCES,
  applyUpdate,
  decide,
  defaultPreferences,
  instantOf,
  quietUntil,
} from './preferences.rules';

const { EMAIL, SMS, IN_APP } = NotificationChannel;

describe('preference rules', () => {
  it('sends everything by default', () => {
    const prefs = defaultPreferences();
    expect(decide(NotificationKind.APPOINTMENT_CONFIRMED, SMS, prefs)).toEqual({ send: true });
    expect(decide(NotificationKind.WELCOME, EMAIL, prefs)).toEqual({ send: true });
  });

  it('a channel switched off stops that channel only, and never a transactional message', () => {
    const prefs = applyUpdate(defaultPreferences(), { channels: { email: false } });
    expect(decide(NotificationKind.APPOINTMENT_CONFIRMED, EMAIL, prefs)).toEqual({
      send: false,
      reason: 'CHANNEL_OFF',
    });
    expect(decide(NotificationKind.APPOINTMENT_CONFIRMED, IN_APP, prefs)).toEqual({ send: true });
    expect(decide(NotificationKind.PASSWORD_RESET, EMAIL, prefs)).toEqual({ send: true });
    expect(decide(NotificationKind.PAYMENT_RECEIPT, EMAIL, prefs)).toEqual({ send: true });
  });

  it('a category switched off on one channel stops just that pair', () => {
    const prefs = applyUpdate(defaultPreferences(), { categories: { reminders: { sms: false } } });
    expect(decide(NotificationKind.APPOINTMENT_REMINDER, SMS, prefs)).toEqual({ send: false, reason: 'CATEGORY_OFF' });
    expect(decide(NotificationKind.APPOINTMENT_REMINDER, EMAIL, prefs)).toEqual({ send: true });
    expect(decide(NotificationKind.APPOINTMENT_CONFIRMED, SMS, prefs)).toEqual({ send: true });
  });

  it('refuses to switch off a transactional category, naming the field', () => {
    expect(invalidField(() => applyUpdate(defaultPreferences(), { categories: { security: { email: false } } }))).toBe(
      'categories.security.email',
    );
    expect(invalidField(() => applyUpdate(defaultPreferences(), { categories: { payments: { inApp: false } } }))).toBe(
      'categories.payments.inApp',
    );
    // Switching one on is fine (a no-op).
    expect(
      applyUpdate(defaultPreferences(), { categories: { security: { email: true } } }).categories.security.email,
    ).toBe(true);
  });

  it('names unknown channels and categories and bad quiet hours', () => {
    expect(invalidField(() => applyUpdate(defaultPreferences(), { channels: { fax: false } as never }))).toBe(
      'channels.fax',
    );
    expect(
      invalidField(() => applyUpdate(defaultPreferences(), { categories: { news: { email: false } } as never })),
    ).toBe('categories.news');
    expect(
      invalidField(() => applyUpdate(defaultPreferences(), { quietHours: { start: '22:00', end: '22:00' } })),
    ).toBe('quietHours.end');
    expect(
      invalidField(() => applyUpdate(defaultPreferences(), { quietHours: { start: '25:00', end: '07:00' } })),
    ).toBe('quietHours.start');
  });

  it('gates doctor messages by the organisation setting (seed 002 defaults: reviews off)', () => {
    const prefs = defaultPreferences();
    expect(decide(NotificationKind.REVIEW_RECEIVED, EMAIL, prefs, DEFAULT_ORGANISATION_PREFERENCES)).toEqual({
      send: false,
      reason: 'ORGANISATION_OFF',
    });
    expect(decide(NotificationKind.DOCTOR_BOOKING_CONFIRMED, EMAIL, prefs, DEFAULT_ORGANISATION_PREFERENCES)).toEqual({
      send: true,
    });
    expect(decide(NotificationKind.REVIEW_RECEIVED, EMAIL, prefs, null)).toEqual({ send: true });
  });
});

describe('quiet hours', () => {
  const lagos = 'Africa/Lagos'; // UTC+1, no DST
  const quiet = { start: '22:00', end: '07:00' };

  it('is not quiet outside the hours', () => {
    expect(quietUntil(new Date('2026-03-10T12:00:00Z'), quiet, lagos)).toBeNull();
    expect(quietUntil(new Date('2026-03-10T06:00:00Z'), quiet, lagos)).toBeNull(); // 07:00 local: ended
    expect(quietUntil(new Date('2026-03-10T12:00:00Z'), null, lagos)).toBeNull();
  });

  it('defers to the end of the quiet hours, the same night or the next morning', () => {
    // 23:30 local -> 07:00 local the next day.
    expect(quietUntil(new Date('2026-03-10T22:30:00Z'), quiet, lagos)).toEqual(new Date('2026-03-11T06:00:00Z'));
    // 02:00 local -> 07:00 local the same day.
    expect(quietUntil(new Date('2026-03-11T01:00:00Z'), quiet, lagos)).toEqual(new Date('2026-03-11T06:00:00Z'));
  });

  it('handles hours inside one day', () => {
    const lunch = { start: '12:00', end: '14:00' };
    expect(quietUntil(new Date('2026-03-10T12:30:00Z'), lunch, lagos)).toEqual(new Date('2026-03-10T13:00:00Z'));
  });

  it('uses the zone offset of the end date across a DST change', () => {
    // London springs forward on 29 March 2026: 01:00 GMT -> 02:00 BST.
    const london = 'Europe/London';
    // 23:00 GMT on 28 March is quiet; 07:00 on 29 March is BST (06:00 UTC).
    expect(quietUntil(new Date('2026-03-28T23:00:00Z'), quiet, london)).toEqual(new Date('2026-03-29T06:00:00Z'));
    expect(instantOf(2026, 3, 28, 7, 0, london)).toEqual(new Date('2026-03-28T07:00:00Z'));
  });
});
