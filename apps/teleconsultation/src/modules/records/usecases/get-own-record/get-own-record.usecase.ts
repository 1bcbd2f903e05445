import { Injectable } from '@nestjs/common';
import type { MedicalRecordView, OwnRecordQuery } from '@telehealth/contracts';
import { requireCaller, type RequestMeta } from '@telehealth/messaging';
import { MedicalRecordStore } from '../../medical-record.store';
import { RecordCodec } from '../../record-codec';
import { RecordOwner } from '../../record-owner';

/** The caller's own record, or a dependent's; empty until something is written. */
@Injectable()
export class GetOwnRecord {
  constructor(
    private readonly store: MedicalRecordStore,
    private readonly codec: RecordCodec,
    private readonly owner: RecordOwner,
  ) {}

  async execute(q: OwnRecordQuery, meta: RequestMeta): Promise<MedicalRecordView> {
    const patientId = requireCaller(meta).userId;
    const dependentId = await this.owner.dependentOf(q.dependentId, meta);
    return this.codec.view(await this.store.load(patientId, dependentId), patientId, dependentId);
  }
}
