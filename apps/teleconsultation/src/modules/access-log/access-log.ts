import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import {
  ClinicalReader,
  toPage,
  type AccessLogEntryView,
  type AccessLogQuery,
  type ClinicalResourceKind,
  type Page,
} from '@telehealth/contracts';
import { Clock, IdGenerator } from '@telehealth/service-kit';
import type { Model } from 'mongoose';
import { MedicalCipher } from '../../common/medical-cipher';
import { ACCESS_ENTRY_MODEL, type AccessEntryDoc } from './access-entry.schema';

export interface AccessRead {
  patientId: string;
  dependentId?: string | null;
  kind: ClinicalResourceKind;
  resourceId: string;
  readerId: string;
  readerRole: ClinicalReader;
  reason?: string | null;
}

/**
 * Who read a patient's clinical data, when and why: appended before the data is answered, so a
 * read that was served is never missing from the log. The patient lists their own.
 */
@Injectable()
export class AccessLog {
  constructor(
    @InjectModel(ACCESS_ENTRY_MODEL) private readonly entries: Model<AccessEntryDoc>,
    private readonly cipher: MedicalCipher,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async record(read: AccessRead): Promise<void> {
    await this.entries.create({
      _id: this.ids.uuid(),
      patientId: read.patientId,
      dependentId: read.dependentId ?? null,
      kind: read.kind,
      resourceId: read.resourceId,
      readerId: read.readerId,
      readerRole: read.readerRole,
      reason: this.cipher.encrypt(read.reason ?? null),
      at: this.clock.now(),
    });
  }

  async list(patientId: string, q: AccessLogQuery): Promise<Page<AccessLogEntryView>> {
    const filter = { patientId };
    const [docs, total] = await Promise.all([
      this.entries
        .find(filter)
        .sort({ at: -1, _id: -1 })
        .skip((q.page - 1) * q.limit)
        .limit(q.limit)
        .lean<AccessEntryDoc[]>()
        .exec(),
      this.entries.countDocuments(filter).exec(),
    ]);
    return toPage(
      docs.map((d) => ({
        id: d._id,
        dependentId: d.dependentId,
        kind: d.kind,
        resourceId: d.resourceId,
        readerId: d.readerId,
        readerRole: d.readerRole,
        reason: this.cipher.decrypt(d.reason),
        breakGlass: d.readerRole === ClinicalReader.ADMIN,
        at: d.at.toISOString(),
      })),
      total,
      q,
    );
  }
}
