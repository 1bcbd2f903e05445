import { DomainError } from '@telehealth/messaging';
import type { AppointmentDoc } from './appointment.schema';
import type { Action } from './lifecycle';

export const illegalTransition = (a: Pick<AppointmentDoc, 'status'>, action: Action): DomainError =>
  DomainError.conflict(`Cannot ${action} an appointment that is ${a.status}`, `ILLEGAL_TRANSITION_FROM_${a.status}`);

export const concurrentChange = (id: string): DomainError =>
  DomainError.conflict(`Appointment ${id} changed at the same moment; reload and retry`, 'CONCURRENT_CHANGE');

/** Patients change their appointment online only until the cut-off before its start. */
export function requireBeforeCutoff(a: AppointmentDoc, what: 'cancel' | 'reschedule', now: Date, hours: number): void {
  if (now.getTime() > a.start.getTime() - hours * 3_600_000) {
    throw DomainError.unprocessable(
      `Appointments can be ${what === 'cancel' ? 'cancelled' : 'rescheduled'} online until ${hours} h before the start; contact the clinic`,
      'CUTOFF_PASSED',
    );
  }
}

/** The slot's availability was edited while it was being booked: it may be gone. */
export const availabilityChanged = (): DomainError =>
  DomainError.conflict(
    "The doctor's availability changed while booking this slot; reload the slots and retry",
    'AVAILABILITY_CHANGED',
  );
