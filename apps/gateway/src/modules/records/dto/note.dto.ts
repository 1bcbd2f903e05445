import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, Matches } from 'class-validator';
import {
  NoteStatus,
  type ConsultationNoteView,
  type Diagnosis,
  type NoteAddendumView,
  type NoteContent,
} from '@telehealth/contracts';
import { IntField, NestedField, TextField } from '../../../common/http/fields';

const ICD10 = /^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/;

export class DiagnosisDto implements Diagnosis {
  @TextField({ optional: true, max: 10, example: 'J06.9', description: 'ICD-10 code' })
  @Matches(ICD10, { message: 'must be an ICD-10 code such as J06.9' })
  code: string | null;

  @TextField({ max: 500, example: 'Acute upper respiratory infection' })
  @IsNotEmpty({ message: 'must not be empty' })
  description: string;
}

/** The SOAP fields; each optional in a request (PATCH replaces only those given). */
export class NoteContentDto implements Partial<NoteContent> {
  @TextField({ optional: true, max: 10_000, description: 'What the patient reports' }) subjective?: string | null;
  @TextField({ optional: true, max: 10_000, description: 'What the doctor observed and measured' })
  objective?: string | null;
  @TextField({ optional: true, max: 10_000 }) assessment?: string | null;
  @TextField({ optional: true, max: 10_000 }) plan?: string | null;
  @NestedField(() => DiagnosisDto, { optional: true, isArray: true, maxItems: 20 }) diagnoses?: DiagnosisDto[];
  @TextField({ optional: true, max: 2_000, description: 'Follow-up advice' }) followUp?: string | null;
  @IntField({ optional: true, min: 0, max: 365, description: 'Follow up in this many days' })
  followUpInDays?: number | null;
}

export class EditNoteDto extends NoteContentDto {
  @IntField({
    optional: true,
    min: 0,
    max: 1_000_000,
    description: 'The version you edited (409 CONCURRENT_CHANGE if the note changed since)',
  })
  version?: number;
}

export class SignNoteDto {
  @IntField({ optional: true, min: 0, max: 1_000_000, description: 'The version you read and sign' })
  version?: number;
}

export class AddendumDto {
  @TextField({ max: 10_000, description: 'The correction or addition' })
  @IsNotEmpty({ message: 'must not be empty' })
  text: string;

  @TextField({ max: 1_000, description: 'Why it was needed' })
  @IsNotEmpty({ message: 'must not be empty' })
  reason: string;
}

export class NoteAddendumViewDto implements NoteAddendumView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'The user who wrote it' }) authorId: string;
  @ApiProperty() text: string;
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class DiagnosisViewDto implements Diagnosis {
  @ApiProperty({ type: String, nullable: true, example: 'J06.9' }) code: string | null;
  @ApiProperty() description: string;
}

export class ConsultationNoteDto implements ConsultationNoteView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) appointmentId: string;
  @ApiProperty() patientId: string;
  @ApiProperty({ type: String, nullable: true }) dependentId: string | null;
  @ApiProperty({ description: 'The doctor profile that wrote it' }) doctorId: string;
  @ApiProperty({ enum: NoteStatus, enumName: 'NoteStatus' }) status: NoteStatus;
  @ApiProperty({ description: 'Send it back to edit or sign exactly what you read' }) version: number;
  @ApiProperty({ type: String, nullable: true }) subjective: string | null;
  @ApiProperty({ type: String, nullable: true }) objective: string | null;
  @ApiProperty({ type: String, nullable: true }) assessment: string | null;
  @ApiProperty({ type: String, nullable: true }) plan: string | null;
  @ApiProperty({ type: [DiagnosisViewDto] }) diagnoses: DiagnosisViewDto[];
  @ApiProperty({ type: String, nullable: true }) followUp: string | null;
  @ApiProperty({ type: Number, nullable: true }) followUpInDays: number | null;
  @ApiProperty({ type: [NoteAddendumViewDto] }) addenda: NoteAddendumViewDto[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) signedAt: string | null;
}
