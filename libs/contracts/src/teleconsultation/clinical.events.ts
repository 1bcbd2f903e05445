import { defineEvent } from '../common/contract';
import { PrescriptionEvents } from './prescription.events';

/** A consultation note was signed: it is final (only addenda follow). No clinical text in the event. */
export interface NoteSignedV1 {
  noteId: string;
  appointmentId: string;
  patientId: string;
  dependentId: string | null;
  doctorId: string;
  signedAt: string;
}

/** A signed note received an addendum (who and when; the text stays in the service). */
export interface NoteAmendedV1 {
  noteId: string;
  appointmentId: string;
  patientId: string;
  doctorId: string;
  addendumId: string;
  amendedBy: string;
  amendedAt: string;
}

export const ClinicalEvents = {
  noteSigned: defineEvent<NoteSignedV1>(
    'teleconsultation',
    'note.signed',
    1,
    "A doctor signed a consultation note; it can no longer be edited. Carries ids only, never the note's text.",
  ),
  noteAmended: defineEvent<NoteAmendedV1>(
    'teleconsultation',
    'note.amended',
    1,
    'A signed consultation note received an addendum (a correction with who, when and why).',
  ),
  ...PrescriptionEvents,
} as const;
