import { ExceptionKind, SlotMode } from '@telehealth/contracts';
import { invalidField } from '@telehealth/testing';
import {
  assertExceptionFields,
  assertRuleFields,
  overlappingRule,
  type ExceptionFields,
  type RuleFields,
} from './availability.rules';

const clinicId = 'c1000000-0000-4000-8000-000000000001';
const rule: RuleFields = {
  clinicId,
  weekday: 1,
  startTime: '09:00',
  endTime: '17:00',
  slotMinutes: 30,
  maxPatients: 1,
  fee: null,
  mode: SlotMode.IN_CLINIC,
  validFrom: null,
  validTo: null,
};

describe('assertRuleFields', () => {
  it('accepts a clinic rule, and an online rule without a clinic', () => {
    expect(() => assertRuleFields(rule)).not.toThrow();
    expect(() => assertRuleFields({ ...rule, clinicId: null, mode: SlotMode.ONLINE })).not.toThrow();
    expect(() =>
      assertRuleFields({
        ...rule,
        validFrom: '2026-01-01',
        validTo: '2026-01-01',
        fee: { amountMinor: 0, currency: 'NGN' },
      }),
    ).not.toThrow();
  });

  it.each([
    [{ weekday: 7 }, 'weekday'],
    [{ startTime: '9:00' }, 'startTime'],
    [{ endTime: '09:00' }, 'endTime'],
    [{ endTime: '08:00' }, 'endTime'],
    [{ slotMinutes: 4 }, 'slotMinutes'],
    [{ slotMinutes: 481 }, 'slotMinutes'],
    [{ endTime: '09:20' }, 'slotMinutes'],
    [{ maxPatients: 0 }, 'maxPatients'],
    [{ maxPatients: 101 }, 'maxPatients'],
    [{ mode: 'HOME_VISIT' }, 'mode'],
    [{ fee: { amountMinor: 10.5, currency: 'NGN' } }, 'fee.amountMinor'],
    [{ validFrom: '2026-02-30' }, 'validFrom'],
    [{ validFrom: '2026-03-02', validTo: '2026-03-01' }, 'validTo'],
    [{ clinicId: null }, 'clinicId'],
    [{ clinicId: null, mode: SlotMode.BOTH }, 'clinicId'],
  ])('rejects %j naming %s', (patch, field) => {
    expect(invalidField(() => assertRuleFields({ ...rule, ...(patch as Partial<RuleFields>) }))).toBe(field);
  });
});

describe('overlappingRule', () => {
  const other = { ...rule, id: 'r1', active: true, startTime: '13:00', endTime: '17:00' };

  it('finds an active rule on the same weekday whose hours intersect', () => {
    expect(overlappingRule({ ...rule, startTime: '09:00', endTime: '13:30' }, [other])?.id).toBe('r1');
    expect(overlappingRule({ ...rule, startTime: '14:00', endTime: '15:00', clinicId: null }, [other])?.id).toBe('r1');
  });

  it('lets rules touch end to start, and ignores other weekdays and inactive rules', () => {
    expect(overlappingRule({ ...rule, startTime: '09:00', endTime: '13:00' }, [other])).toBeUndefined();
    expect(overlappingRule({ ...rule, weekday: 2 }, [other])).toBeUndefined();
    expect(overlappingRule(rule, [{ ...other, active: false }])).toBeUndefined();
  });

  it('ignores rules whose validity periods do not meet', () => {
    const january = { ...other, validFrom: '2026-01-01', validTo: '2026-01-31' };
    expect(overlappingRule({ ...rule, validFrom: '2026-02-01' }, [january])).toBeUndefined();
    expect(overlappingRule({ ...rule, validTo: '2025-12-31' }, [january])).toBeUndefined();
    expect(overlappingRule({ ...rule, validFrom: '2026-01-31' }, [january])?.id).toBe('r1');
  });
});

describe('assertExceptionFields', () => {
  const blocked: ExceptionFields = {
    clinicId: null,
    date: '2026-12-25',
    kind: ExceptionKind.BLOCKED,
    startTime: null,
    endTime: null,
    slotMinutes: null,
    maxPatients: null,
    mode: null,
    reason: 'Christmas',
  };
  const extra: ExceptionFields = {
    ...blocked,
    clinicId,
    kind: ExceptionKind.EXTRA,
    startTime: '18:00',
    endTime: '20:00',
    slotMinutes: 20,
    maxPatients: 2,
    mode: SlotMode.IN_CLINIC,
  };

  it('accepts a blocked day, a blocked period and extra hours', () => {
    expect(() => assertExceptionFields(blocked)).not.toThrow();
    expect(() => assertExceptionFields({ ...blocked, startTime: '12:00', endTime: '14:00' })).not.toThrow();
    expect(() => assertExceptionFields(extra)).not.toThrow();
    expect(() => assertExceptionFields({ ...extra, clinicId: null, mode: SlotMode.ONLINE })).not.toThrow();
  });

  it.each([
    [{ date: '25-12-2026' }, 'date'],
    [{ kind: 'HOLIDAY' }, 'kind'],
    [{ startTime: '12:00' }, 'endTime'],
    [{ endTime: '12:00' }, 'startTime'],
    [{ startTime: '14:00', endTime: '12:00' }, 'endTime'],
  ])('rejects a blocked exception with %j naming %s', (patch, field) => {
    expect(invalidField(() => assertExceptionFields({ ...blocked, ...(patch as Partial<ExceptionFields>) }))).toBe(
      field,
    );
  });

  it.each([
    [{ startTime: null }, 'startTime'],
    [{ endTime: null }, 'endTime'],
    [{ slotMinutes: null }, 'slotMinutes'],
    [{ slotMinutes: 180 }, 'slotMinutes'],
    [{ maxPatients: null }, 'maxPatients'],
    [{ maxPatients: 0 }, 'maxPatients'],
    [{ mode: null }, 'mode'],
    [{ clinicId: null }, 'clinicId'],
  ])('rejects extra hours with %j naming %s', (patch, field) => {
    expect(invalidField(() => assertExceptionFields({ ...extra, ...(patch as Partial<ExceptionFields>) }))).toBe(field);
  });
});
