import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsUUID } from 'class-validator';
import {
  ThreadSenderRole,
  ThreadSide,
  type MessageView,
  type OpenThreadRequest,
  type ThreadView,
} from '@telehealth/contracts';
import { IntField, TextField, UuidField } from '../../../common/http/fields';

export class OpenThreadDto implements OpenThreadRequest {
  @UuidField({ optional: true, description: 'A patient writing to a doctor: the doctor profile id' })
  doctorId?: string;
  @UuidField({
    optional: true,
    description: 'A patient writing to a provider organisation, or staff writing for theirs (with patientId)',
  })
  organisationId?: string;
  @UuidField({ optional: true, description: 'A doctor or organisation staff writing to a patient' })
  patientId?: string;
}

export class PostMessageDto {
  @TextField({ optional: true, max: 5_000, description: 'The message (encrypted at rest)' }) text?: string;
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: 10,
    description: 'Files uploaded with POST /v1/files',
  })
  @IsOptional()
  @IsArray({ message: 'must be a list' })
  @ArrayMaxSize(10, { message: 'must have at most 10 items' })
  @IsUUID('all', { each: true, message: 'must contain only file ids (UUIDs)' })
  attachmentIds?: string[];
}

export class MarkReadDto {
  @IntField({
    optional: true,
    min: 0,
    max: 1_000_000_000,
    description: 'Read up to this message (its seq); default: the newest. Never moves backwards.',
  })
  upToSeq?: number;
}

export class ThreadDto implements ThreadView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) patientId: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'Doctor profile id' })
  doctorId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) organisationId: string | null;
  @ApiProperty({
    enum: ThreadSide,
    nullable: true,
    description: "The caller's side; null for an admin reading with a stated reason",
  })
  side: ThreadSide | null;
  @ApiProperty({ description: 'Messages posted (the newest seq)' }) messageCount: number;
  @ApiProperty({ description: "Messages the caller's side has not read" }) unread: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) lastMessageAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class ThreadPageDto {
  @ApiProperty({ type: [ThreadDto] }) items: ThreadDto[];
  @ApiProperty({ example: 1 }) page: number;
  @ApiProperty({ example: 20 }) limit: number;
  @ApiProperty({ example: 3 }) total: number;
  @ApiProperty({ example: false }) hasMore: boolean;
  @ApiProperty({ description: "Unread messages in all the caller's threads" }) unreadTotal: number;
}

export class MessageDto implements MessageView {
  @ApiProperty() id: string;
  @ApiProperty({ format: 'uuid' }) threadId: string;
  @ApiProperty({ description: 'Position in the thread: 1, 2, 3, ... without gaps' }) seq: number;
  @ApiProperty({ format: 'uuid' }) senderId: string;
  @ApiProperty({ enum: ThreadSenderRole }) senderRole: ThreadSenderRole;
  @ApiProperty({ nullable: true, type: String }) text: string | null;
  @ApiProperty({ type: [String] }) attachmentIds: string[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
