import { defineRpc } from '../common/contract';
import type { Page } from '../common/pagination';
import type {
  AccessLogEntryView,
  AccessLogQuery,
  AddAddendumRequest,
  AddOwnEntriesRequest,
  AddPatientEntriesRequest,
  AppointmentNotesQuery,
  ConsultationNoteView,
  CreateNoteRequest,
  EditNoteRequest,
  MedicalRecordView,
  NoteQuery,
  OwnRecordQuery,
  PatientRecordQuery,
  SignNoteRequest,
  UpdateOwnRecordRequest,
} from './clinical.types';

/** Clinical records: consultation notes, medical records, and who read them. */
export const ClinicalRpc = {
  accessLog: defineRpc<AccessLogQuery, Page<AccessLogEntryView>>(
    'teleconsultation',
    'access-log.list',
    1,
    "Reads of the caller's clinical data (and their dependents') by anyone else, newest first.",
  ),
  createNote: defineRpc<CreateNoteRequest, ConsultationNoteView>(
    'teleconsultation',
    'notes.create',
    1,
    "The appointment's doctor starts its consultation note (a draft).",
  ),
  editNote: defineRpc<EditNoteRequest, ConsultationNoteView>(
    'teleconsultation',
    'notes.edit',
    1,
    'The author edits a draft note.',
  ),
  signNote: defineRpc<SignNoteRequest, ConsultationNoteView>(
    'teleconsultation',
    'notes.sign',
    1,
    'The author signs a note: it becomes final.',
  ),
  addAddendum: defineRpc<AddAddendumRequest, ConsultationNoteView>(
    'teleconsultation',
    'notes.addenda.add',
    1,
    'The author corrects a signed note with an addendum (text and reason).',
  ),
  getNote: defineRpc<NoteQuery, ConsultationNoteView>('teleconsultation', 'notes.get', 1, 'One note.'),
  notesOfAppointment: defineRpc<AppointmentNotesQuery, ConsultationNoteView[]>(
    'teleconsultation',
    'notes.of-appointment',
    1,
    "An appointment's notes the caller may read (drafts only to their author).",
  ),
  ownRecord: defineRpc<OwnRecordQuery, MedicalRecordView>(
    'teleconsultation',
    'records.own.get',
    1,
    "The caller's medical record, or a dependent's.",
  ),
  updateOwnRecord: defineRpc<UpdateOwnRecordRequest, MedicalRecordView>(
    'teleconsultation',
    'records.own.update',
    1,
    'The patient writes their history: each section given replaces their own entries in it.',
  ),
  addOwnEntries: defineRpc<AddOwnEntriesRequest, MedicalRecordView>(
    'teleconsultation',
    'records.own.entries.add',
    1,
    'The patient records vitals.',
  ),
  patientRecord: defineRpc<PatientRecordQuery, MedicalRecordView>(
    'teleconsultation',
    'records.patient.get',
    1,
    "A patient's record, for a treating doctor or an admin stating a reason; audited.",
  ),
  addPatientEntries: defineRpc<AddPatientEntriesRequest, MedicalRecordView>(
    'teleconsultation',
    'records.patient.entries.add',
    1,
    "A treating doctor adds entries to a patient's record from one of their appointments.",
  ),
} as const;
