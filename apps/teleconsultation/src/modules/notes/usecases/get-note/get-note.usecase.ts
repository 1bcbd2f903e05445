import { Injectable } from '@nestjs/common';
import type { ConsultationNoteView, NoteQuery } from '@telehealth/contracts';
import { requireCaller, type RequestMeta } from '@telehealth/messaging';
import { NoteAccess } from '../../note-access';
import { NoteCodec } from '../../note-content';
import { NoteStore } from '../../note.store';

/** One note, to whoever may read it (audited); 404 to anyone else. */
@Injectable()
export class GetNote {
  constructor(
    private readonly store: NoteStore,
    private readonly access: NoteAccess,
    private readonly codec: NoteCodec,
  ) {}

  async execute(q: NoteQuery, meta: RequestMeta): Promise<ConsultationNoteView> {
    const n = await this.access.read(requireCaller(meta), await this.store.load(q.id), q.accessReason);
    return this.codec.view(n);
  }
}
