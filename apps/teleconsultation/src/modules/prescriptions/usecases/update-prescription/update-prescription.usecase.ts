import { Injectable } from '@nestjs/common';
import { PrescriptionKind, type PrescriptionView, type UpdatePrescriptionRequest } from '@telehealth/contracts';
import { DomainError, requireCaller, type RequestMeta } from '@telehealth/messaging';
import { PrescriptionAccess, refuseUnlessDraft } from '../../prescription-access';
import { PrescriptionChanges } from '../../prescription-changes';
import { draftContent } from '../../prescription-content';
import { toPrescriptionView } from '../../prescription.mapper';
import { PrescriptionStore } from '../../prescription.store';

/** The author edits a draft (the fields sent replace theirs); a signed or cancelled one: 409. */
@Injectable()
export class UpdatePrescription {
  constructor(
    private readonly store: PrescriptionStore,
    private readonly access: PrescriptionAccess,
    private readonly changes: PrescriptionChanges,
  ) {}

  async execute(q: UpdatePrescriptionRequest, meta: RequestMeta): Promise<PrescriptionView> {
    const caller = requireCaller(meta);
    const p = this.access.requireAuthor(caller, await this.store.load(q.id));
    if (p.kind === PrescriptionKind.UPLOADED && q.medications !== undefined)
      throw DomainError.invalid('medications', 'an uploaded prescription holds its medications in its file');
    const done = await this.changes.apply(p._id, (current) => {
      refuseUnlessDraft(current);
      return { set: { content: draftContent(q, current.content) } };
    });
    return toPrescriptionView(done);
  }
}
