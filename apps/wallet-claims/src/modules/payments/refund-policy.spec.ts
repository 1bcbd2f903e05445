import { CancelledBy } from '@telehealth/contracts';
import { refundFor } from './refund-policy';

const config = { REFUND_FULL_NOTICE_HOURS: 24, REFUND_LATE_PERCENT: 50 };
const start = new Date('2026-12-01T10:00:00Z');
const hoursBefore = (h: number) => new Date(start.getTime() - h * 3_600_000);

describe('refundFor', () => {
  it.each([CancelledBy.DOCTOR, CancelledBy.CLINIC, CancelledBy.SYSTEM])(
    'gives everything back when %s cancels, however late',
    (by) => {
      expect(refundFor(15_000, by, start, hoursBefore(0.1), config)).toEqual({
        percent: 100,
        amountMinor: 15_000,
        policy: 'PROVIDER_CANCELLED',
      });
    },
  );

  it('gives a patient everything with 24 h notice or more, the late share with less', () => {
    expect(refundFor(15_000, CancelledBy.PATIENT, start, hoursBefore(24), config).amountMinor).toBe(15_000);
    expect(refundFor(15_000, CancelledBy.PATIENT, start, hoursBefore(23.99), config)).toEqual({
      percent: 50,
      amountMinor: 7_500,
      policy: 'LATE_NOTICE',
    });
  });

  it('rounds down, so a refund never exceeds the payment', () => {
    expect(refundFor(15_001, CancelledBy.PATIENT, start, hoursBefore(1), config).amountMinor).toBe(7_500);
    expect(
      refundFor(1, CancelledBy.PATIENT, start, hoursBefore(1), { ...config, REFUND_LATE_PERCENT: 99 }).amountMinor,
    ).toBe(0);
  });
});
