import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { DomainError } from '@telehealth/messaging';
import { derivedId, insertOrGet } from '@telehealth/persistence';
import { Clock, IdGenerator } from '@telehealth/service-kit';
import type { Model } from 'mongoose';
import { TeleconsultationConfig } from '../../config/teleconsultation.config';
import { RecordCodec } from './record-codec';
import { fieldsOf, requireRoom, type EntryAuthor } from './record-entries';
import { MEDICAL_RECORD_MODEL, type EntryDoc, type MedicalRecordDoc, type Section } from './medical-record.schema';

/** A change planned on one version of a record. */
export interface RecordPlan {
  set?: Partial<Pick<MedicalRecordDoc, 'bloodGroup' | 'genotype'>>;
  entries: EntryDoc[];
}

const ATTEMPTS = 10;

export const recordIdOf = (patientId: string, dependentId: string | null): string =>
  derivedId(`medical-record:${patientId}:${dependentId ?? ''}`);

export const staleRecord = (): DomainError =>
  DomainError.conflict('The medical record changed since you read it; reload and retry', 'CONCURRENT_CHANGE');

/**
 * Medical records, one per patient or dependent (the id derives from them, so the first writer
 * creates it and everyone finds it by key). A change is planned on one version and applied only
 * if the record is still at it; a lost race is planned again, unless the client named the
 * version it edited (then 409).
 */
@Injectable()
export class MedicalRecordStore {
  constructor(
    @InjectModel(MEDICAL_RECORD_MODEL) private readonly records: Model<MedicalRecordDoc>,
    private readonly codec: RecordCodec,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly config: TeleconsultationConfig,
  ) {}

  load(patientId: string, dependentId: string | null): Promise<MedicalRecordDoc | null> {
    return this.records.findById(recordIdOf(patientId, dependentId)).lean<MedicalRecordDoc>().exec();
  }

  async change(
    patientId: string,
    dependentId: string | null,
    plan: (r: MedicalRecordDoc) => RecordPlan,
    expectedVersion?: number,
  ): Promise<MedicalRecordDoc> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const r = (await this.load(patientId, dependentId)) ?? (await this.create(patientId, dependentId));
      if (expectedVersion !== undefined && r.version !== expectedVersion) throw staleRecord();
      const p = plan(r);
      const done = await this.records
        .findOneAndUpdate(
          { _id: r._id, version: r.version },
          { $set: { ...p.set, entries: p.entries, retainUntil: this.retainUntil() }, $inc: { version: 1 } },
          { new: true },
        )
        .lean<MedicalRecordDoc>();
      if (done) return done;
      if (expectedVersion !== undefined) throw staleRecord();
    }
    throw staleRecord();
  }

  /** New entries of one section, sealed, by `author`; `path` names the request field in errors. */
  entries(section: Section, items: Record<string, unknown>[], author: EntryAuthor, path = section): EntryDoc[] {
    return items.map((item, i) => ({
      _id: this.ids.uuid(),
      section,
      ...author,
      data: this.codec.seal(fieldsOf(section, item, `${path}[${i}]`)),
    }));
  }

  /** `entries` with `added`, refused when a section would overflow. */
  withAdded(entries: EntryDoc[], added: EntryDoc[]): EntryDoc[] {
    const next = [...entries, ...added];
    for (const s of new Set(added.map((e) => e.section))) requireRoom(s, next);
    return next;
  }

  /** Kept CLINICAL_RETENTION_YEARS after its last change. */
  private retainUntil(): Date {
    return new Date(this.clock.now().getTime() + this.config.CLINICAL_RETENTION_YEARS * 365.25 * 86_400_000);
  }

  private async create(patientId: string, dependentId: string | null): Promise<MedicalRecordDoc> {
    const { doc } = await insertOrGet(this.records, {
      _id: recordIdOf(patientId, dependentId),
      patientId,
      dependentId,
      bloodGroup: null,
      genotype: null,
      entries: [],
      version: 0,
      retainUntil: this.retainUntil(),
    });
    return doc;
  }
}
