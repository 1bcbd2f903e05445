import { Injectable } from '@nestjs/common';
import { EntrySource, type AddOwnEntriesRequest, type MedicalRecordView } from '@telehealth/contracts';
import { requireCaller, type RequestMeta } from '@telehealth/messaging';
import { Clock } from '@telehealth/service-kit';
import { Section } from '../../medical-record.schema';
import { MedicalRecordStore } from '../../medical-record.store';
import { RecordCodec } from '../../record-codec';
import { RecordOwner } from '../../record-owner';

/** The patient records vitals (a home blood-pressure reading, a weight): added, never replaced. */
@Injectable()
export class AddOwnEntries {
  constructor(
    private readonly store: MedicalRecordStore,
    private readonly codec: RecordCodec,
    private readonly owner: RecordOwner,
    private readonly clock: Clock,
  ) {}

  async execute(req: AddOwnEntriesRequest, meta: RequestMeta): Promise<MedicalRecordView> {
    const patientId = requireCaller(meta).userId;
    const dependentId = await this.owner.dependentOf(req.dependentId, meta);
    const added = this.store.entries(Section.VITALS, req.vitals as unknown as Record<string, unknown>[], {
      source: EntrySource.PATIENT,
      addedBy: patientId,
      doctorId: null,
      appointmentId: null,
      addedAt: this.clock.now(),
    });
    const r = await this.store.change(patientId, dependentId, (current) => ({
      entries: this.store.withAdded(current.entries, added),
    }));
    return this.codec.view(r, patientId, dependentId);
  }
}
