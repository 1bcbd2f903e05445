import { Injectable } from '@nestjs/common';
import { ClinicalEvents, NoteStatus, type AddAddendumRequest, type ConsultationNoteView } from '@telehealth/contracts';
import { DomainError, requireCaller, type RequestMeta } from '@telehealth/messaging';
import { createEvent } from '@telehealth/messaging/eventing';
import { Clock, IdGenerator } from '@telehealth/service-kit';
import { origin } from '../../../../common/origin';
import { NoteAccess, staleNote } from '../../note-access';
import { NoteCodec } from '../../note-content';
import { NoteStore } from '../../note.store';

const ATTEMPTS = 10;

/** The author corrects a signed note: an addendum with its text, why, who and when. The note itself stays. */
@Injectable()
export class AddAddendum {
  constructor(
    private readonly store: NoteStore,
    private readonly access: NoteAccess,
    private readonly codec: NoteCodec,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async execute(req: AddAddendumRequest, meta: RequestMeta): Promise<ConsultationNoteView> {
    const caller = requireCaller(meta);
    const addendumId = this.ids.uuid();
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const n = this.access.requireAuthor(caller, await this.store.load(req.id), 'amend');
      if (n.status !== NoteStatus.SIGNED)
        throw DomainError.conflict('A draft is edited, not amended: sign it first', 'NOTE_NOT_SIGNED');
      const at = this.clock.now();
      const addendum = {
        _id: addendumId,
        authorId: caller.userId,
        text: this.codec.sealText(req.text),
        reason: this.codec.sealText(req.reason),
        at,
      };
      const event = createEvent(
        ClinicalEvents.noteAmended,
        n._id,
        {
          noteId: n._id,
          appointmentId: n.appointmentId,
          patientId: n.patientId,
          doctorId: n.doctorId,
          addendumId,
          amendedBy: caller.userId,
          amendedAt: at.toISOString(),
        },
        origin(meta.requestId),
        at,
      );
      const done = await this.store.update(n, { $push: { addenda: addendum } }, [event]);
      if (done) return this.codec.view(done);
    }
    throw staleNote(req.id);
  }
}
