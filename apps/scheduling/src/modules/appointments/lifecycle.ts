import { AppointmentStatus as S, PaymentStatus } from '@telehealth/contracts';

/** What can happen to an appointment. */
export enum Action {
  PAY = 'pay',
  FAIL_PAYMENT = 'fail-payment',
  EXPIRE = 'expire',
  CONFIRM = 'confirm',
  DECLINE = 'decline',
  CANCEL = 'cancel',
  RESCHEDULE = 'reschedule',
  START = 'start',
  COMPLETE = 'complete',
  NO_SHOW = 'no-show',
  /** wallet-claims refunded the captured fee of a cancelled appointment: the status stays. */
  RECORD_REFUND = 'record-refund',
  /** teleconsultation issued a prescription for it: the status stays. */
  RECORD_PRESCRIPTION = 'record-prescription',
}

/** What a target chosen by a rule may depend on: the appointment's own settings. */
export interface TransitionFacts {
  /** The doctor must accept the booking (copied from their settings when it was booked). */
  requiresConfirmation: boolean;
}

/** Where an action leads: a status, the same status, or a status chosen by a rule. */
type Target = S | 'same' | ((facts: TransitionFacts) => S);

/** Paid: the doctor accepts it next, or it is confirmed at once. */
const paid = (f: TransitionFacts): S => (f.requiresConfirmation ? S.PENDING_CONFIRMATION : S.CONFIRMED);

/**
 * The lifecycle (seed 001 / 004): PENDING_PAYMENT -> PENDING_CONFIRMATION (the doctor must
 * accept) or CONFIRMED -> IN_PROGRESS -> COMPLETED, with CANCELLED, DECLINED, NO_SHOW and
 * EXPIRED (hold not paid in time) as ends. Anything not listed is an illegal transition (409).
 */
const TABLE: Record<S, Partial<Record<Action, Target>>> = {
  [S.PENDING_PAYMENT]: {
    [Action.PAY]: paid,
    [Action.FAIL_PAYMENT]: S.CANCELLED,
    [Action.EXPIRE]: S.EXPIRED,
    [Action.CANCEL]: S.CANCELLED,
    // A wrong time picked before paying can be changed; the hold keeps its expiry.
    [Action.RESCHEDULE]: 'same',
  },
  [S.PENDING_CONFIRMATION]: {
    [Action.CONFIRM]: S.CONFIRMED,
    [Action.DECLINE]: S.DECLINED, // by the doctor, or by the system when the deadline passes unanswered
    [Action.CANCEL]: S.CANCELLED,
    [Action.RESCHEDULE]: 'same',
  },
  [S.CONFIRMED]: {
    [Action.CANCEL]: S.CANCELLED,
    [Action.RESCHEDULE]: 'same',
    [Action.START]: S.IN_PROGRESS,
    [Action.NO_SHOW]: S.NO_SHOW,
    [Action.RECORD_PRESCRIPTION]: 'same',
  },
  [S.IN_PROGRESS]: { [Action.COMPLETE]: S.COMPLETED, [Action.RECORD_PRESCRIPTION]: 'same' },
  [S.COMPLETED]: { [Action.RECORD_PRESCRIPTION]: 'same' },
  // Issued while it was confirmed, and announced after it ended otherwise: still its prescription.
  [S.CANCELLED]: { [Action.RECORD_REFUND]: 'same', [Action.RECORD_PRESCRIPTION]: 'same' },
  [S.DECLINED]: {},
  [S.NO_SHOW]: { [Action.RECORD_PRESCRIPTION]: 'same' },
  [S.EXPIRED]: {},
};

/**
 * The state `action` leads to from `from`, or null when it is not allowed. A rule-chosen
 * target reads `facts` (by default: no confirmation required).
 */
export function nextStatus(
  from: S,
  action: Action,
  facts: TransitionFacts = { requiresConfirmation: false },
): S | null {
  const to = TABLE[from][action];
  if (!to) return null;
  if (to === 'same') return from;
  return typeof to === 'function' ? to(facts) : to;
}

declare const decided: unique symbol;

/**
 * A transition the lifecycle allowed. Only `decide` makes one, and the appointment store
 * applies nothing else, so every change of an appointment passes through the table above.
 */
export interface Transition {
  readonly action: Action;
  readonly from: S;
  readonly to: S;
  readonly [decided]: true;
}

/** The transition `action` makes from the appointment's current state, or null when illegal. */
export function decide(a: TransitionFacts & { status: S }, action: Action): Transition | null {
  const to = nextStatus(a.status, action, a);
  return to ? ({ action, from: a.status, to } as Transition) : null;
}

/** States in which the appointment holds a seat. */
export const holdsSeat = (s: S): boolean =>
  s === S.PENDING_PAYMENT || s === S.PENDING_CONFIRMATION || s === S.CONFIRMED || s === S.IN_PROGRESS;

/** States in which the fee, if any, has been captured (wallet-claims: CONFIRMED captures it). */
const captured = (s: S): boolean => s === S.CONFIRMED || s === S.IN_PROGRESS;

/**
 * The payment status after a transition: a booking that ends before its fee was captured
 * (expired, declined, cancelled while pending) has its held or pending fee voided, as
 * wallet-claims records it; otherwise unchanged.
 */
export function paymentStatusAfter(t: Pick<Transition, 'from' | 'to'>, status: PaymentStatus): PaymentStatus {
  const ends = holdsSeat(t.from) && !holdsSeat(t.to);
  const open = status === PaymentStatus.PAID || status === PaymentStatus.PENDING;
  return ends && !captured(t.from) && open ? PaymentStatus.VOIDED : status;
}
