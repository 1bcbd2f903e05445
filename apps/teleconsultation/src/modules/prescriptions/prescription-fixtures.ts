import { Gender, PrescriptionKind, PrescriptionStatus, type Medication } from '@telehealth/contracts';
import type { Prescription } from './prescription';

/** Test data shared by the prescription specs (no I/O). */
export const amoxicillin = (over: Partial<Medication> = {}): Medication => ({
  name: 'Amoxicillin',
  strength: '500 mg',
  form: 'capsule',
  dose: '1 capsule',
  route: 'oral',
  frequency: 'every 8 hours',
  duration: '7 days',
  quantity: 21,
  refills: 0,
  instructions: 'After meals',
  ...over,
});

export const signedPrescription = (over: Partial<Prescription> = {}): Prescription => ({
  _id: 'b6a1f7f0-0000-4000-8000-000000000001',
  number: 'RX-20261202-4F7K2Q',
  kind: PrescriptionKind.STRUCTURED,
  appointmentId: 'a1',
  patientId: 'p1',
  dependentId: null,
  doctorId: 'd1',
  status: PrescriptionStatus.SIGNED,
  content: {
    medications: [amoxicillin()],
    diagnosis: 'Acute otitis media',
    notes: 'Review in one week',
    patientDetails: { weightKg: 64, allergies: ['Penicillin'] },
  },
  fileId: null,
  patient: {
    patientId: 'p1',
    dependentId: null,
    name: 'Ngozi Okeke',
    dateOfBirth: '1991-04-23',
    age: 35,
    sex: Gender.FEMALE,
    weightKg: 64,
    allergies: ['Penicillin'],
  },
  doctor: {
    doctorId: 'd1',
    name: 'Dr Tunde Adeyemi',
    registrationNumber: 'MDCN/12345',
    qualifications: ['MBBS', 'FWACP'],
    clinic: { id: 'c1', name: 'Lekki Family Clinic', address: '1 Admiralty Way, Lagos, NG' },
  },
  verificationCode: 'K7QF-2M9X-PA4C',
  signedAt: new Date('2026-12-02T10:00:00.000Z'),
  cancelledAt: null,
  cancellationReason: null,
  outbox: [],
  version: 2,
  createdAt: new Date('2026-12-02T09:50:00.000Z'),
  updatedAt: new Date('2026-12-02T10:00:00.000Z'),
  ...over,
});

/** The text a PDF shows: pdfkit writes each run as hex in a TJ array (content left uncompressed). */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  return [...raw.matchAll(/\[([^\]]*)\]\s*TJ/g)]
    .map((m) =>
      [...m[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => Buffer.from(h[1], 'hex').toString('latin1')).join(''),
    )
    .join('\n');
}
