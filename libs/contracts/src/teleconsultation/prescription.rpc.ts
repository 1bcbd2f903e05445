import { defineRpc } from '../common/contract';
import type { Page } from '../common/pagination';
import type { AccessReason } from './clinical.types';
import type {
  CancelPrescriptionRequest,
  CreatePrescriptionRequest,
  PrescriptionPdfView,
  PrescriptionQuery,
  PrescriptionVerificationView,
  PrescriptionView,
  UpdatePrescriptionRequest,
} from './prescription.types';

type ById = { id: string };

/** Prescriptions (issue 11 §3), in teleconsultation. */
export const PrescriptionRpc = {
  create: defineRpc<CreatePrescriptionRequest, PrescriptionView>(
    'teleconsultation',
    'prescriptions.create',
    1,
    "The appointment's doctor starts a draft prescription (structured, or an uploaded file).",
  ),
  list: defineRpc<PrescriptionQuery, Page<PrescriptionView>>(
    'teleconsultation',
    'prescriptions.list',
    1,
    "A patient's issued prescriptions; a doctor's: those they wrote.",
  ),
  get: defineRpc<ById & AccessReason, PrescriptionView>(
    'teleconsultation',
    'prescriptions.get',
    1,
    'One prescription: the patient, its doctor or a treating doctor, an admin with a stated reason (audited).',
  ),
  update: defineRpc<UpdatePrescriptionRequest, PrescriptionView>(
    'teleconsultation',
    'prescriptions.update',
    1,
    'The doctor edits a draft; a signed prescription is immutable.',
  ),
  sign: defineRpc<ById, PrescriptionView>(
    'teleconsultation',
    'prescriptions.sign',
    1,
    'The doctor signs the draft: snapshots frozen, verification code given, issued (exactly once).',
  ),
  cancel: defineRpc<CancelPrescriptionRequest, PrescriptionView>(
    'teleconsultation',
    'prescriptions.cancel',
    1,
    'The doctor cancels a prescription with a reason; it stays readable, marked cancelled.',
  ),
  pdf: defineRpc<ById & AccessReason, PrescriptionPdfView>(
    'teleconsultation',
    'prescriptions.pdf',
    1,
    'The printable PDF of a signed prescription, to whoever may read it.',
  ),
  verify: defineRpc<{ code: string }, PrescriptionVerificationView>(
    'teleconsultation',
    'prescriptions.verify',
    1,
    'Public: whether a verification code names a valid, cancelled or no prescription; no patient data.',
  ),
} as const;
