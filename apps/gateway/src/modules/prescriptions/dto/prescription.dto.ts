import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import {
  Gender,
  PrescriptionKind,
  PrescriptionStatus,
  PrescriptionValidity,
  type DoctorSnapshot,
  type Medication,
  type PatientSnapshot,
  type PrescriptionVerificationView,
  type PrescriptionView,
} from '@telehealth/contracts';
import {
  DecimalField,
  EnumField,
  IntField,
  NestedField,
  OpaqueField,
  TextField,
  TextListField,
  UuidField,
} from '../../../common/http/fields';
import { PageQueryDto } from '../../../common/openapi/common.dto';

export class PrescribedMedicationDto implements Medication {
  @TextField({ max: 200, example: 'Amoxicillin' }) name: string;
  @TextField({ max: 100, example: '500 mg' }) strength: string;
  @TextField({ max: 100, example: 'capsule' }) form: string;
  @TextField({ max: 100, example: '1 capsule' }) dose: string;
  @TextField({ max: 100, example: 'oral' }) route: string;
  @TextField({ max: 200, example: 'every 8 hours' }) frequency: string;
  @TextField({ max: 100, example: '7 days' }) duration: string;
  @IntField({ min: 1, max: 10_000, example: 21 }) quantity: number;
  @IntField({ min: 0, max: 12, example: 0 }) refills: number;
  @TextField({ optional: true, max: 1_000, example: 'After meals' }) instructions: string | null;
}

export class PatientDetailsDto {
  @DecimalField({ optional: true, min: 0.1, max: 700, description: "The patient's weight in kg, as the doctor has it" })
  weightKg?: number | null;
  @TextListField({
    optional: true,
    maxItems: 50,
    max: 200,
    description: "Known allergies (joined with the medical record's at signing)",
  })
  allergies?: string[];
}

class ContentDto {
  @NestedField(() => PrescribedMedicationDto, { optional: true, isArray: true, maxItems: 30 })
  medications?: PrescribedMedicationDto[];
  @TextField({ optional: true, max: 4_000 }) diagnosis?: string | null;
  @TextField({ optional: true, max: 4_000 }) notes?: string | null;
  @NestedField(() => PatientDetailsDto, { optional: true }) patientDetails?: PatientDetailsDto;
}

export class CreatePrescriptionDto extends ContentDto {
  @UuidField({ description: 'The appointment (yours, as its doctor: confirmed, under way or completed)' })
  appointmentId: string;
  @EnumField(PrescriptionKind, { optional: true, description: 'STRUCTURED (default) or UPLOADED (then fileId)' })
  kind?: PrescriptionKind;
  @OpaqueField({ optional: true, max: 100, description: 'UPLOADED: the confirmed file holding the prescription' })
  fileId?: string;
}

export class UpdatePrescriptionDto extends ContentDto {}

export class CancelPrescriptionDto {
  @TextField({ max: 500, description: 'Why it is cancelled (the patient sees it)' }) reason: string;
}

export class PrescriptionQueryDto extends PageQueryDto {
  @UuidField({ optional: true }) appointmentId?: string;
  @EnumField(PrescriptionStatus, { optional: true }) status?: PrescriptionStatus;
}

export class VerificationCodeParam {
  @ApiProperty({ example: 'K7QF-2M9X-PA4C' })
  @Matches(/^[A-Za-z0-9-]{4,40}$/, { message: 'must be a verification code' })
  code: string;
}

class PatientDetailsViewDto {
  @ApiProperty({ nullable: true, type: Number }) weightKg: number | null;
  @ApiProperty({ type: [String] }) allergies: string[];
}

class PatientSnapshotDto implements PatientSnapshot {
  @ApiProperty({ format: 'uuid' }) patientId: string;
  @ApiProperty({ nullable: true, type: String }) dependentId: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) dateOfBirth: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Whole years at signing' }) age: number | null;
  @ApiProperty({ nullable: true, enum: Gender }) sex: Gender | null;
  @ApiProperty({ nullable: true, type: Number }) weightKg: number | null;
  @ApiProperty({ type: [String] }) allergies: string[];
}

class ClinicSnapshotDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) address: string | null;
}

class DoctorSnapshotDto implements DoctorSnapshot {
  @ApiProperty({ format: 'uuid' }) doctorId: string;
  @ApiProperty({ example: 'Dr Ada Obi' }) name: string;
  @ApiProperty({ nullable: true, type: String }) registrationNumber: string | null;
  @ApiProperty({ type: [String] }) qualifications: string[];
  @ApiProperty({ nullable: true, type: ClinicSnapshotDto }) clinic: ClinicSnapshotDto | null;
}

class PrescribedMedicationViewDto implements Medication {
  @ApiProperty() name: string;
  @ApiProperty() strength: string;
  @ApiProperty() form: string;
  @ApiProperty() dose: string;
  @ApiProperty() route: string;
  @ApiProperty() frequency: string;
  @ApiProperty() duration: string;
  @ApiProperty() quantity: number;
  @ApiProperty() refills: number;
  @ApiProperty({ nullable: true, type: String }) instructions: string | null;
}

export class PrescriptionDto implements PrescriptionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'RX-20261202-4F7K2Q' }) number: string;
  @ApiProperty({ enum: PrescriptionKind }) kind: PrescriptionKind;
  @ApiProperty({ format: 'uuid' }) appointmentId: string;
  @ApiProperty({ format: 'uuid', description: 'The account holder' }) patientId: string;
  @ApiProperty({ nullable: true, type: String }) dependentId: string | null;
  @ApiProperty({ format: 'uuid', description: 'The author (doctor profile)' }) doctorId: string;
  @ApiProperty({ enum: PrescriptionStatus }) status: PrescriptionStatus;
  @ApiProperty({ type: [PrescribedMedicationViewDto] }) medications: PrescribedMedicationViewDto[];
  @ApiProperty({ nullable: true, type: String }) diagnosis: string | null;
  @ApiProperty({ nullable: true, type: String }) notes: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'UPLOADED: the file holding it' }) fileId: string | null;
  @ApiProperty({ type: PatientDetailsViewDto }) patientDetails: PatientDetailsViewDto;
  @ApiProperty({ nullable: true, type: PatientSnapshotDto, description: 'Frozen at signing' })
  patient: PatientSnapshotDto | null;
  @ApiProperty({ nullable: true, type: DoctorSnapshotDto, description: 'Frozen at signing' })
  doctor: DoctorSnapshotDto | null;
  @ApiProperty({ nullable: true, type: String, example: 'K7QF-2M9X-PA4C' }) verificationCode: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) signedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) cancelledAt: string | null;
  @ApiProperty({ nullable: true, type: String }) cancellationReason: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class PrescriptionVerificationDto implements PrescriptionVerificationView {
  @ApiProperty({ example: 'K7QF-2M9X-PA4C' }) code: string;
  @ApiProperty({ enum: PrescriptionValidity }) status: PrescriptionValidity;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) issuedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) doctorName: string | null;
  @ApiProperty({ nullable: true, type: String }) registrationNumber: string | null;
}
