export interface ConfirmationPolicy {
  windowMinutes: number;
  cutoffMinutes: number;
}

const MINUTE = 60_000;

/**
 * When a booking request still unanswered is declined: `windowMinutes` after it began to wait,
 * and at the latest `cutoffMinutes` before the start, so the patient can still book elsewhere.
 * When that would leave the doctor less than half the time to the start (a booking paid inside
 * or near the cut-off), the deadline is halfway to the start instead: a last-minute request is
 * neither declined on arrival nor left open until the appointment begins.
 */
export function confirmationDeadline(from: Date, start: Date, p: ConfirmationPolicy): Date {
  const f = from.getTime();
  const beforeCutoff = start.getTime() - p.cutoffMinutes * MINUTE;
  const halfway = f + Math.max(0, start.getTime() - f) / 2;
  return new Date(Math.min(f + p.windowMinutes * MINUTE, Math.max(beforeCutoff, halfway)));
}
