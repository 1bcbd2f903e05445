import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import {
  ConsentType,
  EnrollmentStatus,
  Gender,
  Relationship,
  type ConsentView,
  type DependentView,
} from '@telehealth/contracts';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const enumMessage = (e: object) => ({ message: `must be one of ${Object.values(e).join(', ')}` });

export class UpdateMeDto {
  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(100)
  firstName?: string;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(100)
  lastName?: string;

  @ApiPropertyOptional({ example: '+2348000000000' })
  @IsOptional()
  @Matches(/^\+?[0-9][0-9\s()-]{6,19}$/, { message: 'must be a phone number in international format, e.g. +2348000000000' })
  phone?: string;

  @ApiPropertyOptional({ example: '1988-03-14' })
  @IsOptional()
  @Matches(DATE, { message: 'must be a date formatted YYYY-MM-DD' })
  dateOfBirth?: string;

  @ApiPropertyOptional({ enum: Gender })
  @IsOptional()
  @IsEnum(Gender, enumMessage(Gender))
  gender?: Gender;

  @ApiPropertyOptional({ example: 'en' })
  @IsOptional()
  @Matches(/^[a-z]{2}(-[A-Z]{2})?$/, { message: 'must be a language tag such as en or en-GB' })
  locale?: string;

  @ApiPropertyOptional({ example: 'Africa/Lagos' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timeZone?: string;
}

export class CreateDependentDto {
  @ApiProperty({ example: 'Jane', maxLength: 100 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(100)
  firstName: string;

  @ApiProperty({ example: 'Adekunle', maxLength: 100 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(100)
  lastName: string;

  @ApiProperty({ enum: Relationship })
  @IsEnum(Relationship, enumMessage(Relationship))
  relationship: Relationship;

  @ApiProperty({ example: '1985-06-15' })
  @Matches(DATE, { message: 'must be a date formatted YYYY-MM-DD' })
  dateOfBirth: string;

  @ApiPropertyOptional({ enum: Gender })
  @IsOptional()
  @IsEnum(Gender, enumMessage(Gender))
  gender?: Gender;
}

export class UpdateDependentDto {
  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(100)
  firstName?: string;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(100)
  lastName?: string;

  @ApiPropertyOptional({ enum: Relationship })
  @IsOptional()
  @IsEnum(Relationship, enumMessage(Relationship))
  relationship?: Relationship;

  @ApiPropertyOptional({ example: '1985-06-15' })
  @IsOptional()
  @Matches(DATE, { message: 'must be a date formatted YYYY-MM-DD' })
  dateOfBirth?: string;

  @ApiPropertyOptional({ enum: Gender })
  @IsOptional()
  @IsEnum(Gender, enumMessage(Gender))
  gender?: Gender;

  @ApiPropertyOptional({ enum: EnrollmentStatus })
  @IsOptional()
  @IsEnum(EnrollmentStatus, enumMessage(EnrollmentStatus))
  enrollmentStatus?: EnrollmentStatus;
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
  @ApiProperty({ enum: ConsentType })
  @IsEnum(ConsentType, enumMessage(ConsentType))
  type: ConsentType;

  @ApiProperty({ example: '2025-01', description: 'Version of the document consented to' })
  @IsString()
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(40)
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
