import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, Matches } from 'class-validator';
import {
  FilePurpose,
  FileStatus,
  type FileDownload,
  type FileLink,
  type FileView,
  type RequestFileUpload,
  type UploadInstructions,
  type UploadTicket,
} from '@telehealth/contracts';
import { EnumField, IntField, TextField, UuidField } from '../../../common/http/fields';

const TYPES =
  'MEDICAL_DOCUMENT and PRESCRIPTION: application/pdf, image/jpeg, image/png. MESSAGE_ATTACHMENT: those and image/webp. SCAN: image/jpeg, image/png, application/dicom, model/gltf-binary, model/stl, model/3mf. AVATAR: image/jpeg, image/png, image/webp.';

export class RequestFileUploadDto implements RequestFileUpload {
  @TextField({ max: 255, example: 'blood-test-2026-11.pdf', description: 'The file name shown to people' })
  @IsNotEmpty({ message: 'must not be empty' })
  name: string;

  @TextField({ max: 100, example: 'application/pdf', description: `The MIME type. ${TYPES}` })
  @Matches(/^[a-z]+\/[a-z0-9.+-]+$/, { message: 'must be a MIME type such as application/pdf' })
  contentType: string;

  @IntField({
    min: 1,
    max: 4 * 1024 * 1024 * 1024,
    example: 48213,
    description:
      'Exact size in bytes: the upload URL accepts exactly this many. Each purpose has its limit (400 FILE_TOO_LARGE naming `size`): by default 20 MB for documents and attachments, 10 MB for prescriptions, 200 MB for scans, 5 MB for avatars.',
  })
  size: number;

  @EnumField(FilePurpose, { description: 'What the file is for: decides its allowed types and size' })
  purpose: FilePurpose;

  @UuidField({
    optional: true,
    description:
      'The patient the file is about: you when absent; a doctor may name a patient they treat (404 otherwise)',
  })
  patientId?: string;
}

export class FileLinkDto implements FileLink {
  @ApiProperty({ example: 'MESSAGE' }) kind: string;
  @ApiProperty() id: string;
}

export class FileDto implements FileView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: FilePurpose }) purpose: FilePurpose;
  @ApiProperty({ enum: FileStatus }) status: FileStatus;
  @ApiProperty({ example: 'blood-test-2026-11.pdf' }) name: string;
  @ApiProperty({ example: 'application/pdf', description: 'Declared; once READY, sniffed from the bytes' })
  contentType: string;
  @ApiProperty({ description: 'Bytes: declared; once READY, as stored' }) size: number;
  @ApiProperty({ type: String, nullable: true, description: 'Hex SHA-256 of the stored bytes, once READY' })
  sha256: string | null;
  @ApiProperty({ description: 'Who uploaded it' }) ownerId: string;
  @ApiProperty({ description: 'The patient it is about' }) patientId: string;
  @ApiProperty({ type: [FileLinkDto], description: 'What uses it (a message, a prescription, a record document)' })
  links: FileLinkDto[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, nullable: true, description: 'Why the bytes were refused (REJECTED only)' })
  rejectedReason: string | null;
}

export class UploadInstructionsDto implements UploadInstructions {
  @ApiProperty({ enum: ['PUT'] }) method: 'PUT';
  @ApiProperty({ description: 'A presigned URL of the object store: PUT the bytes there, no Authorization header' })
  url: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { 'Content-Type': 'application/pdf', 'Content-Length': '48213' },
    description: 'Send exactly these: they are part of the signature (another type or size is refused with 403)',
  })
  headers: Record<string, string>;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}

export class UploadTicketDto implements UploadTicket {
  @ApiProperty({ type: FileDto }) file: FileDto;
  @ApiProperty({ type: UploadInstructionsDto }) upload: UploadInstructionsDto;
}

export class DownloadUrlDto {
  @ApiProperty({ description: 'A presigned GET of the object store, with the file name as Content-Disposition' })
  url: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}

export class FileDownloadDto implements FileDownload {
  @ApiProperty({ type: FileDto }) file: FileDto;
  @ApiProperty({ type: DownloadUrlDto }) download: DownloadUrlDto;
}

export class FileDeletedDto {
  @ApiProperty({ enum: [true] }) deleted: true;
}
