import { Injectable } from '@nestjs/common';
import { NoteStatus, type ConsultationNoteView, type EditNoteRequest } from '@telehealth/contracts';
import { requireCaller, type RequestMeta } from '@telehealth/messaging';
import { NoteAccess, noteSigned, staleNote } from '../../note-access';
import { NoteCodec, contentOf } from '../../note-content';
import { NoteStore } from '../../note.store';

const ATTEMPTS = 10;

/** The author edits a draft; the fields given replace theirs. A signed note is final (409). */
@Injectable()
export class EditNote {
  constructor(
    private readonly store: NoteStore,
    private readonly access: NoteAccess,
    private readonly codec: NoteCodec,
  ) {}

  async execute(req: EditNoteRequest, meta: RequestMeta): Promise<ConsultationNoteView> {
    const caller = requireCaller(meta);
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const n = this.access.requireAuthor(caller, await this.store.load(req.id), 'edit');
      if (n.status === NoteStatus.SIGNED) throw noteSigned();
      if (req.version !== undefined && req.version !== n.version) throw staleNote(n._id);
      const content = this.codec.seal(contentOf(req, this.codec.open(n.content)));
      const done = await this.store.update(n, { $set: { content } });
      if (done) return this.codec.view(done);
      if (req.version !== undefined) throw staleNote(n._id);
    }
    throw staleNote(req.id);
  }
}
