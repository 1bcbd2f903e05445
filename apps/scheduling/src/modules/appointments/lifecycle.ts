import { AppointmentStatus as S } from '@telehealth/contracts';

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
}

/**
 * The lifecycle (seed 001 / 004): PENDING_PAYMENT -> PENDING_CONFIRMATION (the doctor must
 * accept) or CONFIRMED -> IN_PROGRESS -> COMPLETED, with CANCELLED, DECLINED, NO_SHOW and
 * EXPIRED (hold not paid in time) as ends. Anything not listed is an illegal transition (409).
 */
const TABLE: Record<S, Partial<Record<Action, S | 'same'>>> = {
  [S.PENDING_PAYMENT]: {
    [Action.PAY]: S.CONFIRMED, // or PENDING_CONFIRMATION: decided by the doctor's settings
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
  },
  [S.IN_PROGRESS]: { [Action.COMPLETE]: S.COMPLETED },
  [S.COMPLETED]: {},
  [S.CANCELLED]: {},
  [S.DECLINED]: {},
  [S.NO_SHOW]: {},
  [S.EXPIRED]: {},
};

/** The state `action` leads to from `from`, or null when it is not allowed. */
export function nextStatus(from: S, action: Action): S | null {
  const to = TABLE[from][action];
  if (!to) return null;
  return to === 'same' ? from : to;
}

/** States in which the appointment holds a seat. */
export const holdsSeat = (s: S): boolean =>
  s === S.PENDING_PAYMENT || s === S.PENDING_CONFIRMATION || s === S.CONFIRMED || s === S.IN_PROGRESS;
