import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import {
  ConsentType,
  EnrollmentStatus,
  Gender,
  Relationship,
  type ConsentView,
  type DependentView,
} from '@telehealth/contracts';
import {
  DateField,
  EnumField,
  LocaleField,
  NameField,
  OpaqueField,
  PhoneField,
  TimeZoneField,
} from '../../../common/http/fields';

export class UpdateMeDto {
  @NameField({ optional: true }) firstName?: string;
  @NameField({ optional: true }) lastName?: string;
  @PhoneField({ optional: true }) phone?: string;
  @DateField({ optional: true }) dateOfBirth?: string;
  @EnumField(Gender, { optional: true }) gender?: Gender;
  @LocaleField({ optional: true }) locale?: string;
  @TimeZoneField({ optional: true }) timeZone?: string;
}

export class CreateDependentDto {
  @NameField({ example: 'Jane' }) firstName: string;
  @NameField({ example: 'Adekunle' }) lastName: string;
  @EnumField(Relationship) relationship: Relationship;
  @DateField({ example: '1985-06-15' }) dateOfBirth: string;
  @EnumField(Gender, { optional: true }) gender?: Gender;
}

export class UpdateDependentDto {
  @NameField({ optional: true }) firstName?: string;
  @NameField({ optional: true }) lastName?: string;
  @EnumField(Relationship, { optional: true }) relationship?: Relationship;
  @DateField({ optional: true }) dateOfBirth?: string;
  @EnumField(Gender, { optional: true }) gender?: Gender;
  @EnumField(EnrollmentStatus, { optional: true }) enrollmentStatus?: EnrollmentStatus;
}

export class DependentDto implements DependentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) primaryUserId: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty({ enum: Relationship }) relationship: Relationship;
  @ApiProperty({ example: '1985-06-15' }) dateOfBirth: string;
  @ApiProperty({ enum: Gender, nullable: true }) gender: Gender | null;
  @ApiProperty({ enum: EnrollmentStatus }) enrollmentStatus: EnrollmentStatus;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class RecordConsentDto {
  @EnumField(ConsentType) type: ConsentType;
  @OpaqueField({ max: 40, example: '2025-01', description: 'Version of the document consented to' })
  documentVersion: string;

  @ApiProperty({ description: 'false records a withdrawal' })
  @IsBoolean()
  granted: boolean;
}

export class ConsentDto implements ConsentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ConsentType }) type: ConsentType;
  @ApiProperty() documentVersion: string;
  @ApiProperty() granted: boolean;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}
