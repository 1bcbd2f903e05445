import { AppointmentStatus } from '@telehealth/contracts';
import { DomainError } from '@telehealth/messaging';
import type { CareAppointmentDoc } from '../care/care-appointment.schema';

/** A doctor prescribes for an appointment that is confirmed, under way or done. */
const PRESCRIBABLE = new Set<AppointmentStatus>([
  AppointmentStatus.CONFIRMED,
  AppointmentStatus.IN_PROGRESS,
  AppointmentStatus.COMPLETED,
]);

/** The appointment, if it is the caller's (as its doctor) and in a state to prescribe for; else 404 / 409. */
export function requirePrescribable(
  a: CareAppointmentDoc | null,
  doctorProfileId: string | undefined,
): CareAppointmentDoc {
  if (!a || !doctorProfileId || a.doctorId !== doctorProfileId) throw DomainError.notFound('Appointment');
  if (!PRESCRIBABLE.has(a.status))
    throw DomainError.conflict(
      `Cannot prescribe for an appointment that is ${a.status}`,
      `ILLEGAL_TRANSITION_FROM_${a.status}`,
    );
  return a;
}
