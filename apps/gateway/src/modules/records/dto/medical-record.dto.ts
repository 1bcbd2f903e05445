import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, IsNotEmpty, Matches } from 'class-validator';
import {
  AllergySeverity,
  ConditionStatus,
  EntrySource,
  type AllergyEntry,
  type ConditionEntry,
  type EntryMeta,
  type FamilyHistoryEntry,
  type MedicalRecordView,
  type MedicationEntry,
  type SurgeryEntry,
  type VitalsEntry,
} from '@telehealth/contracts';
import {
  DateField,
  DateTimeField,
  DecimalField,
  EnumField,
  IntField,
  NestedField,
  TextField,
  UuidField,
} from '../../../common/http/fields';

const ICD10 = /^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/;
/** Sections hold at most this many entries per request. */
const MAX_ITEMS = 100;

export class ConditionDto implements ConditionEntry {
  @TextField({ max: 300, example: 'Type 2 diabetes' }) @IsNotEmpty({ message: 'must not be empty' }) name: string;
  @TextField({ optional: true, max: 10, example: 'E11.9' })
  @Matches(ICD10, { message: 'must be an ICD-10 code such as E11.9' })
  icd10Code: string | null;
  @EnumField(ConditionStatus) status: ConditionStatus;
  @DateField({ optional: true }) since: string | null;
  @TextField({ optional: true, max: 2_000 }) notes: string | null;
}

export class AllergyDto implements AllergyEntry {
  @TextField({ max: 300, example: 'Penicillin' }) @IsNotEmpty({ message: 'must not be empty' }) substance: string;
  @TextField({ optional: true, max: 500, example: 'Hives' }) reaction: string | null;
  @EnumField(AllergySeverity, { optional: true }) severity: AllergySeverity | null;
}

export class MedicationDto implements MedicationEntry {
  @TextField({ max: 300, example: 'Metformin 500 mg' }) @IsNotEmpty({ message: 'must not be empty' }) name: string;
  @TextField({ optional: true, max: 200, example: '1 tablet' }) dose: string | null;
  @TextField({ optional: true, max: 200, example: 'twice daily' }) frequency: string | null;
  @DateField({ optional: true }) since: string | null;
  @DateField({ optional: true }) until: string | null;
}

export class SurgeryDto implements SurgeryEntry {
  @TextField({ max: 300, example: 'Appendectomy' }) @IsNotEmpty({ message: 'must not be empty' }) procedure: string;
  @DateField({ optional: true }) date: string | null;
  @TextField({ optional: true, max: 2_000 }) notes: string | null;
}

export class FamilyHistoryDto implements FamilyHistoryEntry {
  @TextField({ max: 100, example: 'mother' }) @IsNotEmpty({ message: 'must not be empty' }) relation: string;
  @TextField({ max: 300, example: 'Hypertension' }) @IsNotEmpty({ message: 'must not be empty' }) condition: string;
  @TextField({ optional: true, max: 2_000 }) notes: string | null;
}

export class VitalsDto implements VitalsEntry {
  @DateTimeField({ description: 'When measured' }) measuredAt: string;
  @IntField({ optional: true, min: 40, max: 300 }) systolicMmHg: number | null;
  @IntField({ optional: true, min: 20, max: 200 }) diastolicMmHg: number | null;
  @IntField({ optional: true, min: 20, max: 300 }) heartRateBpm: number | null;
  @DecimalField({ optional: true, min: 25, max: 45 }) temperatureC: number | null;
  @IntField({ optional: true, min: 2, max: 80 }) respiratoryRate: number | null;
  @IntField({ optional: true, min: 50, max: 100 }) spo2Percent: number | null;
  @DecimalField({ optional: true, min: 0.3, max: 500 }) weightKg: number | null;
  @DecimalField({ optional: true, min: 20, max: 280 }) heightCm: number | null;
  @DecimalField({ optional: true, min: 0.5, max: 60 }) bloodGlucoseMmolL: number | null;
}

const BLOOD_GROUP = /^(A|B|AB|O)[+-]$/;
const GENOTYPE = /^(AA|AS|AC|SS|SC|CC)$/;

/** Sections a patient writes (each one given replaces the patient's own entries in it). */
export class UpdateOwnRecordDto {
  @UuidField({ optional: true, description: "A dependent's record instead of your own" }) dependentId?: string;
  @IntField({ optional: true, min: 0, max: 1_000_000, description: 'The version you edited (409 if it changed since)' })
  version?: number;
  @TextField({ optional: true, max: 3, example: 'O+' })
  @Matches(BLOOD_GROUP, { message: 'must be a blood group such as O+ or AB-' })
  bloodGroup?: string | null;
  @TextField({ optional: true, max: 2, example: 'AA' })
  @Matches(GENOTYPE, { message: 'must be a haemoglobin genotype: AA, AS, AC, SS, SC or CC' })
  genotype?: string | null;
  @NestedField(() => ConditionDto, { optional: true, isArray: true, maxItems: MAX_ITEMS }) conditions?: ConditionDto[];
  @NestedField(() => AllergyDto, { optional: true, isArray: true, maxItems: MAX_ITEMS }) allergies?: AllergyDto[];
  @NestedField(() => MedicationDto, { optional: true, isArray: true, maxItems: MAX_ITEMS })
  medications?: MedicationDto[];
  @NestedField(() => SurgeryDto, { optional: true, isArray: true, maxItems: MAX_ITEMS }) surgeries?: SurgeryDto[];
  @NestedField(() => FamilyHistoryDto, { optional: true, isArray: true, maxItems: MAX_ITEMS })
  familyHistory?: FamilyHistoryDto[];
}

export class AddOwnVitalsDto {
  @UuidField({ optional: true, description: "A dependent's record instead of your own" }) dependentId?: string;
  @NestedField(() => VitalsDto, { isArray: true, maxItems: 50 })
  @ArrayMinSize(1, { message: 'must have at least one entry' })
  vitals: VitalsDto[];
}

/** What a treating doctor adds from an appointment (at least one entry in some section). */
export class AddPatientEntriesDto {
  @UuidField({ description: 'Your appointment with this patient the entries come from' }) appointmentId: string;
  @UuidField({ optional: true, description: "The patient's dependent the appointment was for" }) dependentId?: string;
  @NestedField(() => ConditionDto, { optional: true, isArray: true, maxItems: MAX_ITEMS }) conditions?: ConditionDto[];
  @NestedField(() => AllergyDto, { optional: true, isArray: true, maxItems: MAX_ITEMS }) allergies?: AllergyDto[];
  @NestedField(() => MedicationDto, { optional: true, isArray: true, maxItems: MAX_ITEMS })
  medications?: MedicationDto[];
  @NestedField(() => SurgeryDto, { optional: true, isArray: true, maxItems: MAX_ITEMS }) surgeries?: SurgeryDto[];
  @NestedField(() => FamilyHistoryDto, { optional: true, isArray: true, maxItems: MAX_ITEMS })
  familyHistory?: FamilyHistoryDto[];
  @NestedField(() => VitalsDto, { optional: true, isArray: true, maxItems: 50 }) vitals?: VitalsDto[];
}

export class OwnRecordQueryDto {
  @UuidField({ optional: true, description: "A dependent's record instead of your own" }) dependentId?: string;
}

export class PatientRecordQueryDto {
  @UuidField({ optional: true, description: "The patient's dependent" }) dependentId?: string;
}

class EntryMetaDto implements EntryMeta {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: EntrySource, enumName: 'EntrySource' }) source: EntrySource;
  @ApiProperty({ description: 'The user who added it' }) addedBy: string;
  @ApiProperty({ type: String, nullable: true, description: 'The doctor profile (DOCTOR entries)' })
  doctorId: string | null;
  @ApiProperty({ type: String, nullable: true }) appointmentId: string | null;
  @ApiProperty({ format: 'date-time' }) addedAt: string;
}

export class ConditionViewDto extends EntryMetaDto implements ConditionEntry {
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) icd10Code: string | null;
  @ApiProperty({ enum: ConditionStatus, enumName: 'ConditionStatus' }) status: ConditionStatus;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) since: string | null;
  @ApiProperty({ type: String, nullable: true }) notes: string | null;
}
export class AllergyViewDto extends EntryMetaDto implements AllergyEntry {
  @ApiProperty() substance: string;
  @ApiProperty({ type: String, nullable: true }) reaction: string | null;
  @ApiProperty({ enum: AllergySeverity, enumName: 'AllergySeverity', nullable: true }) severity: AllergySeverity | null;
}
export class MedicationViewDto extends EntryMetaDto implements MedicationEntry {
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) dose: string | null;
  @ApiProperty({ type: String, nullable: true }) frequency: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) since: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) until: string | null;
}
export class SurgeryViewDto extends EntryMetaDto implements SurgeryEntry {
  @ApiProperty() procedure: string;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) date: string | null;
  @ApiProperty({ type: String, nullable: true }) notes: string | null;
}
export class FamilyHistoryViewDto extends EntryMetaDto implements FamilyHistoryEntry {
  @ApiProperty() relation: string;
  @ApiProperty() condition: string;
  @ApiProperty({ type: String, nullable: true }) notes: string | null;
}
export class VitalsViewDto extends EntryMetaDto implements VitalsEntry {
  @ApiProperty({ format: 'date-time' }) measuredAt: string;
  @ApiPropertyOptional({ type: Number, nullable: true }) systolicMmHg: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) diastolicMmHg: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) heartRateBpm: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) temperatureC: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) respiratoryRate: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) spo2Percent: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) weightKg: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) heightCm: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) bloodGlucoseMmolL: number | null;
}

export class MedicalRecordDto implements MedicalRecordView {
  @ApiProperty() patientId: string;
  @ApiProperty({ type: String, nullable: true }) dependentId: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'O+' }) bloodGroup: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'AA' }) genotype: string | null;
  @ApiProperty({ type: [ConditionViewDto] }) conditions: ConditionViewDto[];
  @ApiProperty({ type: [AllergyViewDto] }) allergies: AllergyViewDto[];
  @ApiProperty({ type: [MedicationViewDto] }) medications: MedicationViewDto[];
  @ApiProperty({ type: [SurgeryViewDto] }) surgeries: SurgeryViewDto[];
  @ApiProperty({ type: [FamilyHistoryViewDto] }) familyHistory: FamilyHistoryViewDto[];
  @ApiProperty({ type: [VitalsViewDto], description: 'Newest first, the latest 50' }) vitals: VitalsViewDto[];
  @ApiProperty({ description: 'Send it back with PUT to replace exactly what you read' }) version: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updatedAt: string | null;
}
