import { Injectable } from '@nestjs/common';
import type { AccessReason, PrescriptionView } from '@telehealth/contracts';
import { requireCaller, type RequestMeta } from '@telehealth/messaging';
import { PrescriptionAccess } from '../../prescription-access';
import { toPrescriptionView } from '../../prescription.mapper';
import { PrescriptionStore } from '../../prescription.store';

/** One prescription, to whoever may read it (audited); anyone else: 404. */
@Injectable()
export class GetPrescription {
  constructor(
    private readonly store: PrescriptionStore,
    private readonly access: PrescriptionAccess,
  ) {}

  async execute(q: { id: string } & AccessReason, meta: RequestMeta): Promise<PrescriptionView> {
    const caller = requireCaller(meta);
    return toPrescriptionView(await this.access.read(caller, await this.store.load(q.id), q.accessReason));
  }
}
