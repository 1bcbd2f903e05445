import { ExceptionKind, SlotMode } from '@telehealth/contracts';
import type { AvailabilityExceptionView, AvailabilityRuleView, Money } from '@telehealth/contracts';
import { expandSlots } from './slot-expansion';
import { slotIdOf } from './slot-expansion.types';
import type { ExpandedSlot, ExpansionInput, Venue } from './slot-expansion.types';

const DOCTOR = 'doc-1';
const NGN: Money = { amountMinor: 1_500_000, currency: 'NGN' };
const GBP: Money = { amountMinor: 6_000, currency: 'GBP' };

// Weekdays (0 = Sunday).
const SUN = 0;
const MON = 1;
const TUE = 2;
const SAT = 6;

const ALL_WEEK = (open: string, close: string) => [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, open, close }));

const CLINICS: Record<string, Venue> = {
  london: { timeZone: 'Europe/London', operatingHours: ALL_WEEK('00:00', '00:00') },
  nyc: { timeZone: 'America/New_York', operatingHours: ALL_WEEK('00:00', '00:00') },
  lagos: { timeZone: 'Africa/Lagos', operatingHours: ALL_WEEK('00:00', '00:00') },
  'lagos-b': { timeZone: 'Africa/Lagos', operatingHours: ALL_WEEK('00:00', '00:00') },
};

let nextId = 0;
function rule(over: Partial<AvailabilityRuleView>): AvailabilityRuleView {
  return {
    id: `rule-${++nextId}`,
    doctorId: DOCTOR,
    clinicId: 'london',
    weekday: SUN,
    startTime: '09:00',
    endTime: '10:00',
    slotMinutes: 30,
    maxPatients: 1,
    fee: null,
    mode: SlotMode.IN_CLINIC,
    validFrom: null,
    validTo: null,
    active: true,
    ...over,
  };
}

function exception(over: Partial<AvailabilityExceptionView>): AvailabilityExceptionView {
  return {
    id: `exc-${++nextId}`,
    doctorId: DOCTOR,
    clinicId: null,
    date: '2025-06-02',
    kind: ExceptionKind.BLOCKED,
    startTime: null,
    endTime: null,
    slotMinutes: null,
    maxPatients: null,
    mode: null,
    reason: null,
    ...over,
  };
}

function input(over: Partial<ExpansionInput>): ExpansionInput {
  return {
    doctorId: DOCTOR,
    doctorTimeZone: 'Africa/Lagos',
    defaultFee: NGN,
    rules: [],
    exceptions: [],
    clinics: CLINICS,
    fromDate: '2025-01-01',
    toDate: '2025-12-31',
    now: new Date('2024-12-01T00:00:00Z'),
    policy: { minNoticeMinutes: 0, horizonDays: 3650, bufferMinutes: 0 },
    ...over,
  };
}

const starts = (slots: ExpandedSlot[]) => slots.map((s) => s.start.toISOString());
const local = (slots: ExpandedSlot[]) => slots.map((s) => `${s.localDate} ${s.localStart}-${s.localEnd}`);

describe('expandSlots: daylight saving in Europe/London', () => {
  it('keeps a 09:00 rule at 09:00 local across spring forward (UTC start moves from 09:00Z to 08:00Z)', () => {
    const slots = expandSlots(input({ rules: [rule({})], fromDate: '2025-03-23', toDate: '2025-03-30' }));
    expect(starts(slots)).toEqual([
      '2025-03-23T09:00:00.000Z',
      '2025-03-23T09:30:00.000Z',
      '2025-03-30T08:00:00.000Z',
      '2025-03-30T08:30:00.000Z',
    ]);
    expect(local(slots)).toEqual([
      '2025-03-23 09:00-09:30',
      '2025-03-23 09:30-10:00',
      '2025-03-30 09:00-09:30',
      '2025-03-30 09:30-10:00',
    ]);
    expect(slots.map((s) => s.end.toISOString())).toEqual([
      '2025-03-23T09:30:00.000Z',
      '2025-03-23T10:00:00.000Z',
      '2025-03-30T08:30:00.000Z',
      '2025-03-30T09:00:00.000Z',
    ]);
    expect(slots.every((s) => s.timeZone === 'Europe/London')).toBe(true);
  });

  it('keeps a 09:00 rule at 09:00 local across fall back (UTC start moves from 08:00Z to 09:00Z)', () => {
    const slots = expandSlots(
      input({ rules: [rule({ endTime: '09:30' })], fromDate: '2025-10-19', toDate: '2025-10-26' }),
    );
    expect(starts(slots)).toEqual(['2025-10-19T08:00:00.000Z', '2025-10-26T09:00:00.000Z']);
  });

  it('skips local times that do not exist on spring-forward day (01:00-01:59 on 30 March 2025)', () => {
    const slots = expandSlots(
      input({ rules: [rule({ startTime: '01:00', endTime: '03:00' })], fromDate: '2025-03-30', toDate: '2025-03-30' }),
    );
    // 01:00 and 01:30 do not exist; 02:00 BST = 01:00Z.
    expect(starts(slots)).toEqual(['2025-03-30T01:00:00.000Z', '2025-03-30T01:30:00.000Z']);
    expect(local(slots)).toEqual(['2025-03-30 02:00-02:30', '2025-03-30 02:30-03:00']);
  });

  it('takes the first occurrence of an ambiguous local time on fall-back day (26 October 2025)', () => {
    const slots = expandSlots(
      input({ rules: [rule({ startTime: '00:30', endTime: '02:30' })], fromDate: '2025-10-26', toDate: '2025-10-26' }),
    );
    // 00:30 BST = 23:30Z (previous UTC day); 01:00 and 01:30 happen twice: the BST one is taken;
    // 02:00 only exists in GMT. The slot starting 01:30 BST ends at 01:00 GMT (real 30 minutes).
    expect(starts(slots)).toEqual([
      '2025-10-25T23:30:00.000Z',
      '2025-10-26T00:00:00.000Z',
      '2025-10-26T00:30:00.000Z',
      '2025-10-26T02:00:00.000Z',
    ]);
    expect(local(slots)).toEqual([
      '2025-10-26 00:30-01:00',
      '2025-10-26 01:00-01:30',
      '2025-10-26 01:30-01:00',
      '2025-10-26 02:00-02:30',
    ]);
  });
});

describe('expandSlots: daylight saving in America/New_York', () => {
  const nyc = (over: Partial<AvailabilityRuleView>) => rule({ clinicId: 'nyc', ...over });

  it('keeps a 09:00 rule at 09:00 local across spring forward (14:00Z -> 13:00Z)', () => {
    const slots = expandSlots(
      input({ rules: [nyc({ endTime: '09:30' })], fromDate: '2025-03-02', toDate: '2025-03-09' }),
    );
    expect(starts(slots)).toEqual(['2025-03-02T14:00:00.000Z', '2025-03-09T13:00:00.000Z']);
    expect(local(slots)).toEqual(['2025-03-02 09:00-09:30', '2025-03-09 09:00-09:30']);
  });

  it('keeps a 09:00 rule at 09:00 local across fall back (13:00Z -> 14:00Z)', () => {
    const slots = expandSlots(
      input({ rules: [nyc({ endTime: '09:30' })], fromDate: '2025-10-26', toDate: '2025-11-02' }),
    );
    expect(starts(slots)).toEqual(['2025-10-26T13:00:00.000Z', '2025-11-02T14:00:00.000Z']);
  });

  it('skips 02:00 and 02:30 on spring-forward day (9 March 2025) in a 01:00-03:00 rule', () => {
    const slots = expandSlots(
      input({ rules: [nyc({ startTime: '01:00', endTime: '03:00' })], fromDate: '2025-03-09', toDate: '2025-03-09' }),
    );
    expect(starts(slots)).toEqual(['2025-03-09T06:00:00.000Z', '2025-03-09T06:30:00.000Z']);
    // 01:30 EST + 30 real minutes = 03:00 EDT.
    expect(local(slots)).toEqual(['2025-03-09 01:00-01:30', '2025-03-09 01:30-03:00']);
  });

  it('takes the EDT occurrence of 01:00 and 01:30 on fall-back day (2 November 2025)', () => {
    const slots = expandSlots(
      input({ rules: [nyc({ startTime: '01:00', endTime: '03:00' })], fromDate: '2025-11-02', toDate: '2025-11-02' }),
    );
    expect(starts(slots)).toEqual([
      '2025-11-02T05:00:00.000Z', // 01:00 EDT
      '2025-11-02T05:30:00.000Z', // 01:30 EDT
      '2025-11-02T07:00:00.000Z', // 02:00 EST
      '2025-11-02T07:30:00.000Z', // 02:30 EST
    ]);
  });

  it('never produces overlapping slots from one rule across the gap (60-minute slots, 75-minute step)', () => {
    const slots = expandSlots(
      input({
        rules: [nyc({ startTime: '01:50', endTime: '05:30', slotMinutes: 60 })],
        fromDate: '2025-03-09',
        toDate: '2025-03-09',
        policy: { minNoticeMinutes: 0, horizonDays: 3650, bufferMinutes: 15 },
      }),
    );
    // Wall starts 01:50 EST (06:50Z-07:50Z), 03:05 EDT (07:05Z: inside the previous slot, skipped),
    // 04:20 EDT (08:20Z).
    expect(starts(slots)).toEqual(['2025-03-09T06:50:00.000Z', '2025-03-09T08:20:00.000Z']);
  });
});

describe('expandSlots: Africa/Lagos (no daylight saving)', () => {
  it('maps 09:00 WAT to 08:00Z all year, including the days Europe and America change', () => {
    const lagos = rule({ clinicId: 'lagos', weekday: SUN, endTime: '09:30' });
    const dates = ['2025-03-09', '2025-03-30', '2025-07-06', '2025-10-26', '2025-11-02', '2025-12-28'];
    for (const date of dates) {
      const slots = expandSlots(input({ rules: [lagos], fromDate: date, toDate: date }));
      expect(starts(slots)).toEqual([`${date}T08:00:00.000Z`]);
      expect(local(slots)).toEqual([`${date} 09:00-09:30`]);
    }
  });
});

describe('expandSlots: offsets with seconds (Africa/Monrovia before 1972: -00:44:30)', () => {
  it('converts to the second and still ids the slot with slotIdOf', () => {
    const slots = expandSlots(
      input({
        rules: [rule({ clinicId: 'c', weekday: MON, startTime: '09:00', endTime: '09:30' })],
        clinics: { c: { timeZone: 'Africa/Monrovia' } },
        fromDate: '1970-06-01',
        toDate: '1970-06-01',
        now: new Date(0),
      }),
    );
    expect(slots.map((s) => [s.id, s.end.toISOString(), s.localEnd])).toEqual([
      ['doc-1:1970-06-01T09:44:30.000Z', '1970-06-01T10:14:30.000Z', '09:30'],
    ]);
  });
});

describe('expandSlots: conversion matches a brute-force Intl reference', () => {
  // Every half hour of every day of 2025, in zones with 60- and 30-minute shifts, southern
  // hemisphere rules, midnight transitions and none at all.
  const zones = ['Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'America/Santiago', 'Asia/Kolkata'];

  const formatters = new Map<string, Intl.DateTimeFormat>();
  /** Local minus UTC at a UTC instant, read independently of the engine. */
  function offsetAt(zone: string, utc: number): number {
    if (!formatters.has(zone))
      formatters.set(
        zone,
        new Intl.DateTimeFormat('en-GB', {
          timeZone: zone,
          hourCycle: 'h23',
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
          hour: '2-digit',
          minute: '2-digit',
        }),
      );
    const p = Object.fromEntries(
      formatters
        .get(zone)!
        .formatToParts(utc)
        .map((x) => [x.type, x.value]),
    );
    return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour % 24, +p.minute) - utc;
  }

  /** First UTC instant whose local wall clock in `zone` reads `localMs` (as if UTC); NaN if none. */
  function reference(zone: string, localMs: number): number {
    const candidates = new Set([-1, 0, 1].map((d) => localMs - offsetAt(zone, localMs + d * 86_400_000)));
    const valid = [...candidates].filter((u) => offsetAt(zone, u) === localMs - u);
    return valid.length ? Math.min(...valid) : NaN;
  }

  it.each(zones)('%s', (zone) => {
    const clinics = { c: { timeZone: zone } };
    const rules = [0, 1, 2, 3, 4, 5, 6].map((weekday) =>
      rule({ clinicId: 'c', weekday, startTime: '00:00', endTime: '24:00', slotMinutes: 30 }),
    );
    const now = new Date('2023-06-01T00:00:00Z');
    const slots = expandSlots(input({ rules, clinics, now, fromDate: '2025-01-01', toDate: '2025-12-31' }));
    const got = new Map(slots.map((s) => [`${s.localDate} ${s.localStart}`, s.start.getTime()]));
    let expected = 0;
    let skipped = 0;
    for (let day = Date.UTC(2025, 0, 1); day <= Date.UTC(2025, 11, 31); day += 86_400_000) {
      for (let m = 0; m < 1440; m += 30) {
        const localMs = day + m * 60_000;
        const key = new Date(localMs).toISOString().slice(0, 16).replace('T', ' ');
        const want = reference(zone, localMs);
        if (Number.isNaN(want)) {
          skipped++;
          expect(got.has(key)).toBe(false);
        } else {
          expected++;
          if (got.get(key) !== want) throw new Error(`${zone} ${key}: got ${got.get(key)}, want ${want}`);
        }
      }
    }
    expect(slots).toHaveLength(expected);
    for (const s of slots) if (s.id !== slotIdOf(DOCTOR, s.start)) throw new Error(`${s.id}: not slotIdOf`);
    // localEnd is the local time of the real end instant, 30 minutes after the start.
    for (const s of slots) {
      const end = s.end.getTime();
      const wall = new Date(end + offsetAt(zone, end)).toISOString().slice(11, 16);
      if (end - s.start.getTime() !== 30 * 60_000 || s.localEnd !== wall)
        throw new Error(
          `${zone} ${s.localDate} ${s.localStart}: ends ${s.end.toISOString()} ${s.localEnd}, want ${wall}`,
        );
    }
    if (zone === 'Asia/Kolkata') expect(skipped).toBe(0);
    else expect(skipped).toBeGreaterThan(0);
  });
});

describe('expandSlots: exceptions', () => {
  // Monday 2 June 2025 in Lagos, 09:00-11:00, 30-minute slots.
  const monday = rule({ clinicId: 'lagos', weekday: MON, startTime: '09:00', endTime: '11:00' });
  const june2 = { fromDate: '2025-06-02', toDate: '2025-06-02' };

  it('a whole-day BLOCKED removes every slot that day and leaves other days alone', () => {
    const slots = expandSlots(
      input({ rules: [monday], exceptions: [exception({})], fromDate: '2025-06-02', toDate: '2025-06-09' }),
    );
    expect(starts(slots)).toEqual([
      '2025-06-09T08:00:00.000Z',
      '2025-06-09T08:30:00.000Z',
      '2025-06-09T09:00:00.000Z',
      '2025-06-09T09:30:00.000Z',
    ]);
  });

  it('a partial BLOCKED removes only the slots overlapping it (touching is not overlapping)', () => {
    const slots = expandSlots(
      input({ rules: [monday], exceptions: [exception({ startTime: '09:30', endTime: '10:15' })], ...june2 }),
    );
    expect(local(slots)).toEqual(['2025-06-02 09:00-09:30', '2025-06-02 10:30-11:00']);
  });

  it('a clinic BLOCKED applies to that clinic only; a null-clinic BLOCKED to every venue of the doctor', () => {
    const online = rule({ clinicId: null, weekday: MON, startTime: '14:00', endTime: '15:00', mode: SlotMode.ONLINE });
    const rules = [monday, online];
    const atOtherClinic = expandSlots(input({ rules, exceptions: [exception({ clinicId: 'lagos-b' })], ...june2 }));
    expect(atOtherClinic).toHaveLength(6);
    const atLagos = expandSlots(input({ rules, exceptions: [exception({ clinicId: 'lagos' })], ...june2 }));
    expect(atLagos.map((s) => s.clinicId)).toEqual([null, null]);
    const everywhere = expandSlots(input({ rules, exceptions: [exception({ clinicId: null })], ...june2 }));
    expect(everywhere).toEqual([]);
  });

  it("ignores another doctor's exceptions and rules", () => {
    const slots = expandSlots(
      input({
        rules: [
          monday,
          rule({ doctorId: 'doc-2', clinicId: 'lagos', weekday: MON, startTime: '15:00', endTime: '16:00' }),
        ],
        exceptions: [exception({ doctorId: 'doc-2' })],
        ...june2,
      }),
    );
    expect(starts(slots)).toEqual([
      '2025-06-02T08:00:00.000Z',
      '2025-06-02T08:30:00.000Z',
      '2025-06-02T09:00:00.000Z',
      '2025-06-02T09:30:00.000Z',
    ]);
  });

  it('EXTRA adds slots as a one-off rule with its own values, even on a blocked day', () => {
    const extra = exception({
      kind: ExceptionKind.EXTRA,
      clinicId: 'lagos',
      date: '2025-06-03', // a Tuesday: no rule that day
      startTime: '16:00',
      endTime: '17:00',
      slotMinutes: 20,
      maxPatients: 3,
      mode: SlotMode.BOTH,
    });
    const slots = expandSlots(
      input({
        rules: [rule({ ...monday, fee: GBP })],
        exceptions: [extra, exception({ date: '2025-06-03' })],
        fromDate: '2025-06-03',
        toDate: '2025-06-03',
      }),
    );
    expect(starts(slots)).toEqual(['2025-06-03T15:00:00.000Z', '2025-06-03T15:20:00.000Z', '2025-06-03T15:40:00.000Z']);
    expect(slots[0]).toMatchObject({
      clinicId: 'lagos',
      mode: SlotMode.BOTH,
      capacity: 3,
      fee: GBP,
      localEnd: '16:20',
    });
  });

  it("EXTRA defaults to the doctor's first rule's values", () => {
    const first = rule({ clinicId: 'london', weekday: SAT, slotMinutes: 45, maxPatients: 2, mode: SlotMode.BOTH });
    const extra = exception({
      kind: ExceptionKind.EXTRA,
      clinicId: 'lagos',
      date: '2025-06-03',
      startTime: '10:00',
      endTime: '11:40',
    });
    const slots = expandSlots(
      input({ rules: [first, monday], exceptions: [extra], fromDate: '2025-06-03', toDate: '2025-06-03' }),
    );
    expect(local(slots)).toEqual(['2025-06-03 10:00-10:45', '2025-06-03 10:45-11:30']);
    expect(slots[0]).toMatchObject({ capacity: 2, mode: SlotMode.BOTH, fee: NGN, timeZone: 'Africa/Lagos' });
  });

  it('EXTRA without rules defaults to 30 minutes, 1 patient, ONLINE in the doctor zone when it has no clinic', () => {
    const extra = exception({ kind: ExceptionKind.EXTRA, date: '2025-06-03', startTime: '10:00', endTime: '11:00' });
    const slots = expandSlots(
      input({ doctorTimeZone: 'Europe/London', exceptions: [extra], fromDate: '2025-06-03', toDate: '2025-06-03' }),
    );
    expect(starts(slots)).toEqual(['2025-06-03T09:00:00.000Z', '2025-06-03T09:30:00.000Z']);
    expect(slots[0]).toMatchObject({ clinicId: null, mode: SlotMode.ONLINE, capacity: 1, timeZone: 'Europe/London' });
  });
});

describe('expandSlots: operating hours', () => {
  const clinics: Record<string, Venue> = {
    lagos: {
      timeZone: 'Africa/Lagos',
      operatingHours: [
        { weekday: MON, open: '09:00', close: '11:30' },
        { weekday: TUE, open: '08:00', close: '10:00' },
        { weekday: TUE, open: '14:00', close: '16:00' },
      ],
    },
  };
  const early = (weekday: number) =>
    rule({ clinicId: 'lagos', weekday, startTime: '08:00', endTime: '12:00', slotMinutes: 30 });

  it('keeps only slots fully inside the opening hours of the weekday', () => {
    const slots = expandSlots(input({ rules: [early(MON)], clinics, fromDate: '2025-06-02', toDate: '2025-06-02' }));
    expect(slots.map((s) => s.localStart)).toEqual(['09:00', '09:30', '10:00', '10:30', '11:00']);
    expect(starts(slots)[0]).toBe('2025-06-02T08:00:00.000Z');
  });

  it('honours several intervals on one weekday', () => {
    const rules = [rule({ clinicId: 'lagos', weekday: TUE, startTime: '09:00', endTime: '15:00', slotMinutes: 60 })];
    const slots = expandSlots(input({ rules, clinics, fromDate: '2025-06-03', toDate: '2025-06-03' }));
    expect(slots.map((s) => s.localStart)).toEqual(['09:00', '14:00']);
  });

  it('produces nothing on a day missing from the opening hours (closed)', () => {
    const slots = expandSlots(input({ rules: [early(SAT)], clinics, fromDate: '2025-06-01', toDate: '2025-06-08' }));
    expect(slots).toEqual([]);
  });

  it('does not clip online-only rules', () => {
    const online = rule({ clinicId: null, weekday: SAT, startTime: '06:00', endTime: '07:00', mode: SlotMode.ONLINE });
    const slots = expandSlots(input({ rules: [online], clinics, fromDate: '2025-06-07', toDate: '2025-06-07' }));
    expect(starts(slots)).toEqual(['2025-06-07T05:00:00.000Z', '2025-06-07T05:30:00.000Z']);
  });
});

describe('expandSlots: layout and policy', () => {
  const mon = (over: Partial<AvailabilityRuleView> = {}) =>
    rule({ clinicId: 'lagos', weekday: MON, startTime: '09:00', endTime: '11:00', ...over });

  it('spaces slots by slotMinutes + bufferMinutes and keeps only slots ending by endTime', () => {
    const slots = expandSlots(
      input({
        rules: [mon()],
        fromDate: '2025-06-02',
        toDate: '2025-06-02',
        policy: { minNoticeMinutes: 0, horizonDays: 3650, bufferMinutes: 10 },
      }),
    );
    expect(local(slots)).toEqual(['2025-06-02 09:00-09:30', '2025-06-02 09:40-10:10', '2025-06-02 10:20-10:50']);
  });

  it('drops the last slot that would run past endTime', () => {
    const slots = expandSlots(
      input({ rules: [mon({ endTime: '10:50' })], fromDate: '2025-06-02', toDate: '2025-06-02' }),
    );
    expect(slots.map((s) => s.localStart)).toEqual(['09:00', '09:30', '10:00']);
  });

  it('drops slots starting before now + minNoticeMinutes and after now + horizonDays', () => {
    const slots = expandSlots(
      input({
        rules: [mon()],
        fromDate: '2025-06-01',
        toDate: '2025-06-30',
        now: new Date('2025-06-02T07:00:00Z'),
        policy: { minNoticeMinutes: 90, horizonDays: 14, bufferMinutes: 0 },
      }),
    );
    // Earliest start 08:30Z (09:30 WAT) on 2 June; latest 16 June 07:00Z (08:00 WAT), so nothing that day.
    expect(starts(slots)).toEqual([
      '2025-06-02T08:30:00.000Z',
      '2025-06-02T09:00:00.000Z',
      '2025-06-02T09:30:00.000Z',
      '2025-06-09T08:00:00.000Z',
      '2025-06-09T08:30:00.000Z',
      '2025-06-09T09:00:00.000Z',
      '2025-06-09T09:30:00.000Z',
    ]);
  });

  it('keeps a slot starting exactly at now + minNoticeMinutes or exactly at now + horizonDays', () => {
    const at = (now: string, minNoticeMinutes: number) =>
      starts(
        expandSlots(
          input({
            rules: [mon({ endTime: '09:30' })], // 08:00Z every Monday
            fromDate: '2025-06-01',
            toDate: '2025-06-30',
            now: new Date(now),
            policy: { minNoticeMinutes, horizonDays: 7, bufferMinutes: 0 },
          }),
        ),
      );
    expect(at('2025-06-02T07:30:00Z', 30)).toEqual(['2025-06-02T08:00:00.000Z']); // exactly at min notice
    expect(at('2025-06-02T07:31:00Z', 30)).toEqual([]);
    expect(at('2025-06-02T08:00:00Z', 0)).toEqual(['2025-06-02T08:00:00.000Z', '2025-06-09T08:00:00.000Z']); // exactly at the horizon
    expect(at('2025-06-02T07:59:00Z', 0)).toEqual(['2025-06-02T08:00:00.000Z']);
  });

  it('applies a rule only within validFrom..validTo (inclusive) and skips inactive rules', () => {
    const slots = expandSlots(
      input({
        rules: [
          mon({ endTime: '09:30', validFrom: '2025-06-09', validTo: '2025-06-16' }),
          mon({ startTime: '12:00', endTime: '12:30', active: false }),
        ],
        fromDate: '2025-06-01',
        toDate: '2025-06-30',
      }),
    );
    expect(starts(slots)).toEqual(['2025-06-09T08:00:00.000Z', '2025-06-16T08:00:00.000Z']);
  });

  it("uses the rule's fee, else the default fee, and sets capacity, mode and a stable id", () => {
    const slots = expandSlots(
      input({
        rules: [
          mon({ endTime: '09:30', fee: GBP, maxPatients: 4, mode: SlotMode.BOTH }),
          mon({ startTime: '10:00', endTime: '10:30' }),
        ],
        fromDate: '2025-06-02',
        toDate: '2025-06-02',
      }),
    );
    expect(slots).toEqual([
      {
        id: 'doc-1:2025-06-02T08:00:00.000Z',
        doctorId: DOCTOR,
        clinicId: 'lagos',
        mode: SlotMode.BOTH,
        start: new Date('2025-06-02T08:00:00.000Z'),
        end: new Date('2025-06-02T08:30:00.000Z'),
        timeZone: 'Africa/Lagos',
        localDate: '2025-06-02',
        localStart: '09:00',
        localEnd: '09:30',
        fee: GBP,
        capacity: 4,
      },
      expect.objectContaining({ id: 'doc-1:2025-06-02T09:00:00.000Z', fee: NGN, capacity: 1 }),
    ]);
  });

  it('keeps one slot per start: the first by clinic id, whatever the input order', () => {
    const b = rule({ clinicId: 'lagos-b', weekday: MON, startTime: '09:00', endTime: '10:00', maxPatients: 9 });
    const a = rule({ clinicId: 'lagos', weekday: MON, startTime: '09:30', endTime: '10:30' });
    const slots = expandSlots(input({ rules: [b, a], fromDate: '2025-06-02', toDate: '2025-06-02' }));
    expect(slots.map((s) => `${s.localStart} ${s.clinicId}`)).toEqual(['09:00 lagos-b', '09:30 lagos', '10:00 lagos']);
    expect(new Set(slots.map((s) => s.id)).size).toBe(slots.length);
  });

  it('sorts by start, then clinic id, across zones', () => {
    const slots = expandSlots(
      input({
        rules: [
          rule({ clinicId: 'nyc', weekday: MON, startTime: '04:00', endTime: '04:30' }), // 08:00Z
          rule({ clinicId: 'lagos-b', weekday: MON, startTime: '08:00', endTime: '08:30' }), // 07:00Z
          rule({ clinicId: 'london', weekday: MON, startTime: '08:00', endTime: '09:00' }), // 07:00Z, 07:30Z
        ],
        fromDate: '2025-06-02',
        toDate: '2025-06-02',
      }),
    );
    expect(slots.map((s) => `${s.start.toISOString()} ${s.clinicId}`)).toEqual([
      '2025-06-02T07:00:00.000Z lagos-b',
      '2025-06-02T07:30:00.000Z london',
      '2025-06-02T08:00:00.000Z nyc',
    ]);
  });

  it('lays out online-only rules in the doctor zone as ONLINE, whatever their mode', () => {
    const slots = expandSlots(
      input({
        doctorTimeZone: 'America/New_York',
        rules: [rule({ clinicId: null, weekday: MON, startTime: '09:00', endTime: '09:30', mode: SlotMode.BOTH })],
        fromDate: '2025-06-02',
        toDate: '2025-06-02',
      }),
    );
    expect(slots).toHaveLength(1);
    expect(slots[0]).toMatchObject({
      start: new Date('2025-06-02T13:00:00.000Z'),
      clinicId: null,
      mode: SlotMode.ONLINE,
      timeZone: 'America/New_York',
      localStart: '09:00',
    });
  });

  it('returns nothing for empty input, an inverted range, or a clinic it has no venue for', () => {
    expect(expandSlots(input({}))).toEqual([]);
    expect(expandSlots(input({ rules: [mon()], fromDate: '2025-06-09', toDate: '2025-06-02' }))).toEqual([]);
    expect(expandSlots(input({ rules: [rule({ clinicId: 'nowhere', weekday: MON })] }))).toEqual([]);
  });
});
