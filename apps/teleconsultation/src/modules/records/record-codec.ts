import { Injectable } from '@nestjs/common';
import type {
  AllergyEntry,
  ConditionEntry,
  EntryMeta,
  FamilyHistoryEntry,
  MedicalRecordView,
  MedicationEntry,
  SurgeryEntry,
  VitalsEntry,
} from '@telehealth/contracts';
import { MedicalCipher } from '../../common/medical-cipher';
import { Section, type EntryDoc, type MedicalRecordDoc } from './medical-record.schema';

/** How many vitals a record view shows (newest first); all are kept. */
export const VITALS_SHOWN = 50;

/** A record at rest and in views: each entry's fields one encrypted JSON value. */
@Injectable()
export class RecordCodec {
  constructor(private readonly cipher: MedicalCipher) {}

  seal(fields: object): string {
    return this.cipher.encrypt(JSON.stringify(fields));
  }

  sealValue(value: string | null | undefined): string | null {
    return this.cipher.encrypt(value ?? null);
  }

  /** The view of a record; an empty one for a patient who has none yet. */
  view(r: MedicalRecordDoc | null, patientId: string, dependentId: string | null): MedicalRecordView {
    const entries = r?.entries ?? [];
    // Each entry's fields were checked against its section when written (record-entries.ts).
    const of = <T>(s: Section) => entries.filter((e) => e.section === s).map((e) => this.entry(e) as T & EntryMeta);
    return {
      patientId,
      dependentId,
      bloodGroup: this.cipher.decrypt(r?.bloodGroup),
      genotype: this.cipher.decrypt(r?.genotype),
      conditions: of<ConditionEntry>(Section.CONDITIONS),
      allergies: of<AllergyEntry>(Section.ALLERGIES),
      medications: of<MedicationEntry>(Section.MEDICATIONS),
      surgeries: of<SurgeryEntry>(Section.SURGERIES),
      familyHistory: of<FamilyHistoryEntry>(Section.FAMILY_HISTORY),
      vitals: of<VitalsEntry>(Section.VITALS)
        .sort((a, b) => b.measuredAt.localeCompare(a.measuredAt))
        .slice(0, VITALS_SHOWN),
      version: r?.version ?? 0,
      updatedAt: r?.updatedAt.toISOString() ?? null,
    };
  }

  private entry(e: EntryDoc): EntryMeta & Record<string, unknown> {
    return {
      ...(JSON.parse(this.cipher.decrypt(e.data) ?? '{}') as Record<string, unknown>),
      id: e._id,
      source: e.source,
      addedBy: e.addedBy,
      doctorId: e.doctorId,
      appointmentId: e.appointmentId,
      addedAt: e.addedAt.toISOString(),
    };
  }
}
