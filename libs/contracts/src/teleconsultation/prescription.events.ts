import { defineEvent } from '../common/contract';
import type { PrescriptionKind } from './prescription.types';

/**
 * What every prescription event carries: who and which appointment, never what is prescribed
 * (medical text stays in teleconsultation, encrypted).
 */
export interface PrescriptionEventBase {
  prescriptionId: string;
  number: string;
  kind: PrescriptionKind;
  appointmentId: string;
  patientId: string;
  dependentId: string | null;
  doctorId: string;
}

export interface PrescriptionIssuedV1 extends PrescriptionEventBase {
  issuedAt: string;
}

export interface PrescriptionCancelledV1 extends PrescriptionEventBase {
  issuedAt: string;
  cancelledAt: string;
}

/** Prescription events (added in 1.5), part of ClinicalEvents: subscribe through that. */
export const PrescriptionEvents = {
  prescriptionIssued: defineEvent<PrescriptionIssuedV1>(
    'teleconsultation',
    'prescription.issued',
    1,
    'The doctor signed a prescription for an appointment: the patient can read it, print it, and have it verified; the appointment has a prescription.',
  ),
  prescriptionCancelled: defineEvent<PrescriptionCancelledV1>(
    'teleconsultation',
    'prescription.cancelled',
    1,
    'The doctor cancelled an issued prescription (kept, marked cancelled): its verification code now answers CANCELLED.',
  ),
} as const;
