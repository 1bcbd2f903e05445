import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  ClinicalRpc,
  type AddAddendumRequest,
  type AppointmentNotesQuery,
  type CreateNoteRequest,
  type EditNoteRequest,
  type NoteQuery,
  type SignNoteRequest,
} from '@telehealth/contracts';
import { Meta, Rpc, type RequestMeta } from '@telehealth/messaging';
import { AddAddendum } from './usecases/add-addendum/add-addendum.usecase';
import { CreateNote } from './usecases/create-note/create-note.usecase';
import { EditNote } from './usecases/edit-note/edit-note.usecase';
import { GetNote } from './usecases/get-note/get-note.usecase';
import { ListAppointmentNotes } from './usecases/list-appointment-notes/list-appointment-notes.usecase';
import { SignNote } from './usecases/sign-note/sign-note.usecase';

/** NATS handlers: each calls one use case. */
@Controller()
export class NotesController {
  constructor(
    private readonly createNote: CreateNote,
    private readonly editNote: EditNote,
    private readonly signNote: SignNote,
    private readonly addAddendum: AddAddendum,
    private readonly getNote: GetNote,
    private readonly listAppointmentNotes: ListAppointmentNotes,
  ) {}

  @Rpc(ClinicalRpc.createNote)
  create(@Payload() req: CreateNoteRequest, @Meta() m: RequestMeta) {
    return this.createNote.execute(req, m);
  }

  @Rpc(ClinicalRpc.editNote)
  edit(@Payload() req: EditNoteRequest, @Meta() m: RequestMeta) {
    return this.editNote.execute(req, m);
  }

  @Rpc(ClinicalRpc.signNote)
  sign(@Payload() req: SignNoteRequest, @Meta() m: RequestMeta) {
    return this.signNote.execute(req, m);
  }

  @Rpc(ClinicalRpc.addAddendum)
  amend(@Payload() req: AddAddendumRequest, @Meta() m: RequestMeta) {
    return this.addAddendum.execute(req, m);
  }

  @Rpc(ClinicalRpc.getNote)
  get(@Payload() q: NoteQuery, @Meta() m: RequestMeta) {
    return this.getNote.execute(q, m);
  }

  @Rpc(ClinicalRpc.notesOfAppointment)
  ofAppointment(@Payload() q: AppointmentNotesQuery, @Meta() m: RequestMeta) {
    return this.listAppointmentNotes.execute(q, m);
  }
}
