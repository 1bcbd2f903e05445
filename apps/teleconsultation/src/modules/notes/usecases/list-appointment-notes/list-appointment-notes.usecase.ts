import { Injectable } from '@nestjs/common';
import type { AppointmentNotesQuery, ConsultationNoteView } from '@telehealth/contracts';
import { requireCaller, type RequestMeta } from '@telehealth/messaging';
import { NoteAccess } from '../../note-access';
import { NoteCodec } from '../../note-content';
import { NoteStore } from '../../note.store';

/** An appointment's notes the caller may read, each read audited; none is an empty list. */
@Injectable()
export class ListAppointmentNotes {
  constructor(
    private readonly store: NoteStore,
    private readonly access: NoteAccess,
    private readonly codec: NoteCodec,
  ) {}

  async execute(q: AppointmentNotesQuery, meta: RequestMeta): Promise<ConsultationNoteView[]> {
    const caller = requireCaller(meta);
    const views: ConsultationNoteView[] = [];
    for (const n of await this.store.ofAppointment(q.appointmentId)) {
      if (!(await this.access.visible(caller, n, q.accessReason))) continue;
      views.push(this.codec.view(await this.access.read(caller, n, q.accessReason)));
    }
    return views;
  }
}
