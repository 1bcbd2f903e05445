import { CancelledBy } from '@telehealth/contracts';

export interface RefundPolicyConfig {
  REFUND_FULL_NOTICE_HOURS: number;
  REFUND_LATE_PERCENT: number;
}

export interface RefundDecision {
  percent: number;
  amountMinor: number;
  policy: 'PROVIDER_CANCELLED' | 'FULL_NOTICE' | 'LATE_NOTICE';
}

/**
 * Flow 4: cancelled by the doctor, clinic or system, everything back; by the patient, everything
 * with enough notice, else the late share. Rounded down to a whole minor unit, so the refund
 * never exceeds what was paid.
 */
export function refundFor(
  paidMinor: number,
  cancelledBy: CancelledBy,
  start: Date,
  cancelledAt: Date,
  config: RefundPolicyConfig,
): RefundDecision {
  const decide = (percent: number, policy: RefundDecision['policy']): RefundDecision => ({
    percent,
    amountMinor: Math.floor((paidMinor * percent) / 100),
    policy,
  });
  if (cancelledBy !== CancelledBy.PATIENT) return decide(100, 'PROVIDER_CANCELLED');
  const noticeMs = start.getTime() - cancelledAt.getTime();
  return noticeMs >= config.REFUND_FULL_NOTICE_HOURS * 3_600_000
    ? decide(100, 'FULL_NOTICE')
    : decide(config.REFUND_LATE_PERCENT, 'LATE_NOTICE');
}
