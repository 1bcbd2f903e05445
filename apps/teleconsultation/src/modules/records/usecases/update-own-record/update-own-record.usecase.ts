import { Injectable } from '@nestjs/common';
import { EntrySource, type MedicalRecordView, type UpdateOwnRecordRequest } from '@telehealth/contracts';
import { requireCaller, type RequestMeta } from '@telehealth/messaging';
import { Clock } from '@telehealth/service-kit';
import { HISTORY_SECTIONS, type EntryDoc } from '../../medical-record.schema';
import { MedicalRecordStore } from '../../medical-record.store';
import { RecordCodec } from '../../record-codec';
import { requireRoom } from '../../record-entries';
import { RecordOwner } from '../../record-owner';

/**
 * The patient writes their history. Each section given replaces the patient's own entries in it;
 * what treating doctors added stays. Sections left out, and vitals, are unchanged.
 */
@Injectable()
export class UpdateOwnRecord {
  constructor(
    private readonly store: MedicalRecordStore,
    private readonly codec: RecordCodec,
    private readonly owner: RecordOwner,
    private readonly clock: Clock,
  ) {}

  async execute(req: UpdateOwnRecordRequest, meta: RequestMeta): Promise<MedicalRecordView> {
    const patientId = requireCaller(meta).userId;
    const dependentId = await this.owner.dependentOf(req.dependentId, meta);
    const author = {
      source: EntrySource.PATIENT,
      addedBy: patientId,
      doctorId: null,
      appointmentId: null,
      addedAt: this.clock.now(),
    };
    // Sealed once, outside the retry loop: a retry writes the same entries.
    const replaced = HISTORY_SECTIONS.filter((s) => req[s] !== undefined).map((s) => ({
      section: s,
      entries: this.store.entries(s, (req[s] ?? []) as unknown as Record<string, unknown>[], author),
    }));
    const set = {
      ...(req.bloodGroup !== undefined && { bloodGroup: this.codec.sealValue(req.bloodGroup) }),
      ...(req.genotype !== undefined && { genotype: this.codec.sealValue(req.genotype) }),
    };
    const r = await this.store.change(
      patientId,
      dependentId,
      (current) => {
        let entries: EntryDoc[] = current.entries;
        for (const { section, entries: mine } of replaced) {
          entries = [...entries.filter((e) => e.section !== section || e.source !== EntrySource.PATIENT), ...mine];
          requireRoom(section, entries);
        }
        return { set, entries };
      },
      req.version,
    );
    return this.codec.view(r, patientId, dependentId);
  }
}
