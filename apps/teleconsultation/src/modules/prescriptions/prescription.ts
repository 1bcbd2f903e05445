import type { Medication, PatientSnapshot } from '@telehealth/contracts';
import type { PrescriptionDoc } from './prescription.schema';

/** The medical content of a prescription (sealed at rest as one field). */
export interface PrescriptionContent {
  medications: Medication[];
  diagnosis: string | null;
  notes: string | null;
  patientDetails: { weightKg: number | null; allergies: string[] };
}

/** A prescription as use cases see it: its sealed fields opened. */
export type Prescription = Omit<PrescriptionDoc, 'contentEnc' | 'patientEnc' | 'cancellationReasonEnc'> & {
  content: PrescriptionContent;
  patient: PatientSnapshot | null;
  cancellationReason: string | null;
};

/** What a change sets (in the opened form; the store seals it). */
export type PrescriptionSet = Partial<
  Pick<
    Prescription,
    'status' | 'content' | 'patient' | 'doctor' | 'verificationCode' | 'signedAt' | 'cancelledAt' | 'cancellationReason'
  >
>;
