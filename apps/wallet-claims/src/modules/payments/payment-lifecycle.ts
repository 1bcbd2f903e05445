import { PaymentRecordStatus as S } from '@telehealth/contracts';

/** What can happen to an appointment's payment record. */
export enum PaymentEvent {
  /** A card checkout was opened for it (its url and provider reference are recorded). */
  CHECKOUT_OPENED = 'checkout-opened',
  /** The fee was held on the wallet (the hold's reference is recorded). */
  HELD = 'held',
  /** The held fee was captured: the appointment was confirmed. */
  COMPLETE = 'complete',
  /** The fee could not be held (insufficient funds, hold lapsed, card declined). */
  FAIL = 'fail',
  /** The booking ended before confirmation: the hold, if any, was given back. */
  VOID = 'void',
  /** Cancelled after capture: refunded by policy. */
  REFUND = 'refund',
}

export interface PaymentTransition {
  readonly from: S;
  readonly event: PaymentEvent;
  readonly to: S;
}

const row = (from: S, event: PaymentEvent, to: S): PaymentTransition => ({ from, event, to });

/**
 * Every way a payment record changes (seeds 003/004 `payments`): PENDING -> COMPLETED | FAILED |
 * VOIDED, COMPLETED -> REFUNDED. Records only move forward: a late or replayed event never undoes
 * a refund. Setting a status again is allowed (a redelivered event records the same facts), and a
 * hold that lands on a booking voided meanwhile is still recorded (it is released right after).
 * Anything not listed is refused by the store's conditional update.
 */
export const PAYMENT_LIFECYCLE: readonly PaymentTransition[] = [
  row(S.PENDING, PaymentEvent.CHECKOUT_OPENED, S.PENDING),
  row(S.PENDING, PaymentEvent.HELD, S.PENDING),
  row(S.VOIDED, PaymentEvent.HELD, S.VOIDED),
  row(S.PENDING, PaymentEvent.COMPLETE, S.COMPLETED),
  row(S.COMPLETED, PaymentEvent.COMPLETE, S.COMPLETED),
  row(S.PENDING, PaymentEvent.FAIL, S.FAILED),
  row(S.FAILED, PaymentEvent.FAIL, S.FAILED),
  row(S.PENDING, PaymentEvent.VOID, S.VOIDED),
  row(S.VOIDED, PaymentEvent.VOID, S.VOIDED),
  row(S.PENDING, PaymentEvent.REFUND, S.REFUNDED),
  row(S.COMPLETED, PaymentEvent.REFUND, S.REFUNDED),
  row(S.REFUNDED, PaymentEvent.REFUND, S.REFUNDED),
];

/** The status `event` leads to from `from`, or null when the table does not allow it. */
export function nextPaymentStatus(from: S, event: PaymentEvent): S | null {
  return PAYMENT_LIFECYCLE.find((t) => t.from === from && t.event === event)?.to ?? null;
}

/**
 * The statuses `event` may apply from, each with the status it leads to: what the store's
 * conditional update matches on (one write per `from`, the first that matches wins).
 */
export function transitionsOn(event: PaymentEvent): PaymentTransition[] {
  return PAYMENT_LIFECYCLE.filter((t) => t.event === event);
}
