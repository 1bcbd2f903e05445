import { defineEvent } from '../common/contract';
import type { CancelledBy, Money } from '../scheduling/scheduling.types';

/**
 * The payment outcome scheduling waits for while it holds a seat (wallet-claims publishes
 * it). For a wallet payment, "completed" means the fee is held on the wallet; it is captured
 * when the appointment is confirmed and released if the booking lapses.
 */
/**
 * What a payment is for (added in 1.4; absent means APPOINTMENT). For CONSULTATION_REQUEST, an
 * on-demand consultation request of teleconsultation, `appointmentId` carries the request's id.
 */
export type PaymentPurpose = 'APPOINTMENT' | 'CONSULTATION_REQUEST';

export interface AppointmentPaymentCompletedV1 {
  paymentId: string;
  appointmentId: string;
  purpose?: PaymentPurpose;
  patientId: string;
  amount: Money;
  method: 'WALLET' | 'CARD' | 'INSURANCE' | 'CASH';
  coveredByInsurance: boolean;
  reference: string;
}

export interface AppointmentPaymentFailedV1 {
  paymentId: string;
  appointmentId: string;
  /** Added in 1.4; absent means APPOINTMENT. */
  purpose?: PaymentPurpose;
  patientId: string;
  amount: Money;
  /** EXPIRED: the hold had already lapsed when the payment was attempted. */
  reason: 'INSUFFICIENT_FUNDS' | 'DECLINED' | 'EXPIRED' | 'ERROR';
  message: string;
}

export interface RefundIssuedV1 {
  refundId: string;
  paymentId: string;
  appointmentId: string;
  patientId: string;
  /** What went back to the wallet. */
  amount: Money;
  /** What was paid (a refund never exceeds it). */
  paid: Money;
  /** Share of the payment refunded, 0-100, from the policy below. */
  percent: number;
  cancelledBy: CancelledBy;
  /** e.g. `FULL_NOTICE` (>= 24 h before), `LATE_NOTICE`, `PROVIDER_CANCELLED`. */
  policy: string;
  reference: string;
}

export const PaymentEvents = {
  appointmentPaymentCompleted: defineEvent<AppointmentPaymentCompletedV1>(
    'wallet-claims',
    'appointment-payment.completed',
    1,
    'An appointment fee was paid (held on the wallet, by card, or by insurance cover).',
  ),
  appointmentPaymentFailed: defineEvent<AppointmentPaymentFailedV1>(
    'wallet-claims',
    'appointment-payment.failed',
    1,
    'An appointment fee could not be paid; the booking is released.',
  ),
  refundIssued: defineEvent<RefundIssuedV1>(
    'wallet-claims',
    'refund.issued',
    1,
    'A cancelled appointment was refunded to the wallet, by the refund policy.',
  ),
} as const;
