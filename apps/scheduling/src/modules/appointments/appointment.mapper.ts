import { AppointmentStatus, type AppointmentEventBase, type AppointmentView } from '@telehealth/contracts';
import type { AppointmentDoc } from './appointment.schema';

export function toAppointmentView(d: AppointmentDoc): AppointmentView {
  return {
    id: d._id,
    number: d.number,
    patientId: d.patientId,
    dependentId: d.dependentId,
    doctorId: d.doctorId,
    clinicId: d.clinicId,
    mode: d.mode,
    slotId: d.slotId,
    start: d.start.toISOString(),
    end: d.end.toISOString(),
    timeZone: d.timeZone,
    status: d.status,
    reason: d.reason,
    symptoms: d.symptoms,
    contactNumber: d.contactNumber,
    callPreference: d.callPreference,
    roomId: d.roomId,
    payment: { ...d.payment, method: d.paymentMethod ?? 'WALLET' },
    holdExpiresAt: d.holdExpiresAt?.toISOString() ?? null,
    confirmBy: d.status === AppointmentStatus.PENDING_CONFIRMATION ? (d.confirmBy?.toISOString() ?? null) : null,
    cancellation: d.cancellation
      ? { by: d.cancellation.by, reason: d.cancellation.reason, at: new Date(d.cancellation.at).toISOString() }
      : null,
    hasPrescription: d.hasPrescription ?? false,
    prescriptionId: d.prescriptionId ?? null,
    version: d.version,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}

/** The common part of every appointment event, as of `d` with `overrides` applied. */
export function eventBase(d: AppointmentDoc, overrides: Partial<AppointmentDoc> = {}): AppointmentEventBase {
  const a = { ...d, ...overrides };
  return {
    appointmentId: a._id,
    number: a.number,
    patientId: a.patientId,
    dependentId: a.dependentId,
    doctorId: a.doctorId,
    clinicId: a.clinicId,
    mode: a.mode,
    start: new Date(a.start).toISOString(),
    end: new Date(a.end).toISOString(),
    timeZone: a.timeZone,
    status: a.status,
    fee: a.payment.amount,
    callPreference: a.callPreference ?? null,
    organisationId: a.organisationId ?? null,
  };
}
