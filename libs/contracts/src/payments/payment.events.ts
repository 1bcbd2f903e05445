import { defineEvent } from '../common/contract';
import type { Money } from '../scheduling/scheduling.types';

/**
 * The payment outcome scheduling waits for while it holds a seat. Defined now (issue 3) so the
 * booking saga is complete on the scheduling side; the wallet-claims service publishes it.
 */
export interface AppointmentPaymentCompletedV1 {
  paymentId: string;
  appointmentId: string;
  patientId: string;
  amount: Money;
  method: 'WALLET' | 'CARD' | 'INSURANCE' | 'CASH';
  coveredByInsurance: boolean;
  reference: string;
}

export interface AppointmentPaymentFailedV1 {
  paymentId: string;
  appointmentId: string;
  patientId: string;
  amount: Money;
  reason: 'INSUFFICIENT_FUNDS' | 'DECLINED' | 'ERROR';
  message: string;
}

export const PaymentEvents = {
  appointmentPaymentCompleted: defineEvent<AppointmentPaymentCompletedV1>(
    'wallet-claims',
    'appointment-payment.completed',
    1,
    'An appointment fee was paid (wallet, card or insurance cover).',
  ),
  appointmentPaymentFailed: defineEvent<AppointmentPaymentFailedV1>(
    'wallet-claims',
    'appointment-payment.failed',
    1,
    'An appointment fee could not be paid; the booking is released.',
  ),
} as const;
