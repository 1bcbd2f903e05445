import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { Clock, IdGenerator, RandomIdGenerator, SystemClock } from '@telehealth/service-kit';
import { CareModule } from '../care/care.module';
import { NoteAccess } from './note-access';
import { NoteCodec } from './note-content';
import { NOTE_MODEL, NoteSchema } from './note.schema';
import { NoteStore } from './note.store';
import { NotesController } from './notes.controller';
import { AddAddendum } from './usecases/add-addendum/add-addendum.usecase';
import { CreateNote } from './usecases/create-note/create-note.usecase';
import { EditNote } from './usecases/edit-note/edit-note.usecase';
import { GetNote } from './usecases/get-note/get-note.usecase';
import { ListAppointmentNotes } from './usecases/list-appointment-notes/list-appointment-notes.usecase';
import { SignNote } from './usecases/sign-note/sign-note.usecase';

/** Consultation notes (SOAP): drafted and signed by the appointment's doctor, then amended only by addenda. */
@Module({
  imports: [MongooseModule.forFeature([{ name: NOTE_MODEL, schema: NoteSchema }]), CareModule],
  controllers: [NotesController],
  providers: [
    { provide: Clock, useClass: SystemClock },
    { provide: IdGenerator, useClass: RandomIdGenerator },
    NoteStore,
    NoteCodec,
    NoteAccess,
    CreateNote,
    EditNote,
    SignNote,
    AddAddendum,
    GetNote,
    ListAppointmentNotes,
  ],
})
export class NotesModule {}
