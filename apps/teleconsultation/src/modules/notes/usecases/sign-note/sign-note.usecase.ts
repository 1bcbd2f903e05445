import { Injectable } from '@nestjs/common';
import { ClinicalEvents, NoteStatus, type ConsultationNoteView, type SignNoteRequest } from '@telehealth/contracts';
import { requireCaller, type RequestMeta } from '@telehealth/messaging';
import { createEvent } from '@telehealth/messaging/eventing';
import { Clock } from '@telehealth/service-kit';
import { origin } from '../../../../common/origin';
import { NoteAccess, noteSigned, staleNote } from '../../note-access';
import { NoteCodec, requireSignable } from '../../note-content';
import { NoteStore } from '../../note.store';

const ATTEMPTS = 10;

/** The author signs: the note becomes final, and note.signed is announced (ids only). */
@Injectable()
export class SignNote {
  constructor(
    private readonly store: NoteStore,
    private readonly access: NoteAccess,
    private readonly codec: NoteCodec,
    private readonly clock: Clock,
  ) {}

  async execute(req: SignNoteRequest, meta: RequestMeta): Promise<ConsultationNoteView> {
    const caller = requireCaller(meta);
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const n = this.access.requireAuthor(caller, await this.store.load(req.id), 'sign');
      if (n.status === NoteStatus.SIGNED) throw noteSigned();
      if (req.version !== undefined && req.version !== n.version) throw staleNote(n._id);
      requireSignable(this.codec.open(n.content));
      const signedAt = this.clock.now();
      const event = createEvent(
        ClinicalEvents.noteSigned,
        n._id,
        {
          noteId: n._id,
          appointmentId: n.appointmentId,
          patientId: n.patientId,
          dependentId: n.dependentId,
          doctorId: n.doctorId,
          signedAt: signedAt.toISOString(),
        },
        origin(meta.requestId),
        signedAt,
      );
      const done = await this.store.update(n, { $set: { status: NoteStatus.SIGNED, signedAt } }, [event]);
      if (done) return this.codec.view(done);
      if (req.version !== undefined) throw staleNote(n._id);
    }
    throw staleNote(req.id);
  }
}
