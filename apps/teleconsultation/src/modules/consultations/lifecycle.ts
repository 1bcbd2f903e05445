import { ConsultationStatus as S } from '@telehealth/contracts';

/** What can happen to a session. */
export enum Action {
  RESCHEDULE = 'reschedule',
  CANCEL = 'cancel',
  /** Someone joined or left; where it leads depends on who is there (`PresenceFacts`). */
  PRESENCE = 'presence',
  ADMIT = 'admit',
  END = 'end',
  NO_SHOW = 'no-show',
  /** Quality samples, network issues, recording: facts about the call that change no status. */
  NOTE = 'note',
  FEEDBACK = 'feedback',
}

/** Who has joined the session so far (at any time, not only now). */
export interface PresenceFacts {
  doctorJoined: boolean;
  patientJoined: boolean;
}

type Target = S | 'same' | ((f: PresenceFacts) => S);

/** Both sides joined: it is under way; one side: it waits for the other. */
const byPresence = (f: PresenceFacts): S =>
  f.doctorJoined && f.patientJoined ? S.IN_PROGRESS : f.doctorJoined || f.patientJoined ? S.WAITING : S.SCHEDULED;

/**
 * SCHEDULED -> WAITING (one side joined) -> IN_PROGRESS (both) -> COMPLETED, with CANCELLED and
 * NO_SHOW as the other ends. Anything not listed is an illegal transition (409 naming the state).
 */
const TABLE: Record<S, Partial<Record<Action, Target>>> = {
  [S.SCHEDULED]: {
    [Action.RESCHEDULE]: 'same',
    [Action.CANCEL]: S.CANCELLED,
    [Action.PRESENCE]: byPresence,
    [Action.ADMIT]: 'same',
    [Action.NO_SHOW]: S.NO_SHOW,
    [Action.NOTE]: 'same',
  },
  [S.WAITING]: {
    [Action.RESCHEDULE]: 'same',
    [Action.CANCEL]: S.CANCELLED,
    [Action.PRESENCE]: byPresence,
    [Action.ADMIT]: 'same',
    [Action.NO_SHOW]: S.NO_SHOW,
    [Action.NOTE]: 'same',
  },
  [S.IN_PROGRESS]: {
    [Action.PRESENCE]: 'same', // leaving and rejoining does not stop the consultation
    [Action.ADMIT]: 'same',
    [Action.END]: S.COMPLETED,
    [Action.NOTE]: 'same',
  },
  [S.COMPLETED]: { [Action.FEEDBACK]: 'same', [Action.NOTE]: 'same', [Action.PRESENCE]: 'same' },
  [S.CANCELLED]: {},
  [S.NO_SHOW]: {},
};

/** The status `action` leads to from `from`, or null when it is not allowed. */
export function nextStatus(
  from: S,
  action: Action,
  facts: PresenceFacts = { doctorJoined: false, patientJoined: false },
): S | null {
  const to = TABLE[from][action];
  if (!to) return null;
  if (to === 'same') return from;
  return typeof to === 'function' ? to(facts) : to;
}

/** States in which the session can still take place. */
export const isOpen = (s: S): boolean => s === S.SCHEDULED || s === S.WAITING || s === S.IN_PROGRESS;
