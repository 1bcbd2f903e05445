import type { PrescriptionEventBase, PrescriptionView } from '@telehealth/contracts';
import type { Prescription } from './prescription';

const isoOrNull = (d: Date | null | undefined): string | null => (d ? new Date(d).toISOString() : null);

export function toPrescriptionView(p: Prescription): PrescriptionView {
  return {
    id: p._id,
    number: p.number,
    kind: p.kind,
    appointmentId: p.appointmentId,
    patientId: p.patientId,
    dependentId: p.dependentId,
    doctorId: p.doctorId,
    status: p.status,
    medications: p.content.medications,
    diagnosis: p.content.diagnosis,
    notes: p.content.notes,
    fileId: p.fileId,
    patientDetails: p.content.patientDetails,
    patient: p.patient,
    doctor: p.doctor,
    verificationCode: p.verificationCode,
    signedAt: isoOrNull(p.signedAt),
    cancelledAt: isoOrNull(p.cancelledAt),
    cancellationReason: p.cancellationReason,
    createdAt: new Date(p.createdAt).toISOString(),
    updatedAt: new Date(p.updatedAt).toISOString(),
  };
}

/** Who and which appointment, never what is prescribed. */
export const eventBase = (p: Prescription): PrescriptionEventBase => ({
  prescriptionId: p._id,
  number: p.number,
  kind: p.kind,
  appointmentId: p.appointmentId,
  patientId: p.patientId,
  dependentId: p.dependentId,
  doctorId: p.doctorId,
});
