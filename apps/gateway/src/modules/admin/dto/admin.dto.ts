import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray } from 'class-validator';
import {
  AuditEventType,
  Role,
  UserStatus,
  type AuditEventView,
  type ParkedEventView,
  type ReplayResult,
} from '@telehealth/contracts';
import {
  EmailField,
  DateTimeField,
  EnumField,
  NameField,
  PasswordField,
  PhoneField,
  TextField,
  UuidField,
} from '../../../common/http/fields';
import { PageQueryDto } from '../../../common/openapi/common.dto';

export class CreateUserDto {
  @EmailField({ example: 'dr.ade@clinic.ng' }) email: string;
  @PasswordField() password: string;
  @NameField() firstName: string;
  @NameField() lastName: string;
  @PhoneField({ optional: true }) phone?: string;

  @EnumField(Role, { isArray: true, example: [Role.DOCTOR] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  roles: Role[];

  @UuidField({ optional: true, description: 'DOCTOR: the public doctor profile id (generated when absent)' })
  doctorProfileId?: string;
  @UuidField({ optional: true }) organisationId?: string;
  @TextField({ optional: true, max: 100, example: 'Surgeon' }) title?: string;
}

export class UserSearchQueryDto extends PageQueryDto {
  @TextField({ optional: true, max: 100, description: 'Email prefix or part of a name' }) q?: string;
  @EnumField(Role, { optional: true }) role?: Role;
  @EnumField(UserStatus, { optional: true }) status?: UserStatus;
  @UuidField({ optional: true }) organisationId?: string;

  @DateTimeField({ optional: true }) createdFrom?: string;

  @DateTimeField({ optional: true }) createdTo?: string;
}

export class SetRolesDto {
  @EnumField(Role, { isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  roles: Role[];
}

export class AuditQueryDto extends PageQueryDto {
  @UuidField({ optional: true }) userId?: string;
  @EnumField(AuditEventType, { optional: true }) type?: AuditEventType;

  @DateTimeField({ optional: true }) from?: string;

  @DateTimeField({ optional: true }) to?: string;
}

export class AuditEventDto implements AuditEventView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: AuditEventType }) type: AuditEventType;
  @ApiProperty({ nullable: true, type: String }) userId: string | null;
  @ApiProperty({ nullable: true, type: String }) actorId: string | null;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ nullable: true, type: String }) ip: string | null;
  @ApiProperty({ nullable: true, type: String }) userAgent: string | null;
  @ApiProperty({ nullable: true, type: String }) requestId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) detail: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class ParkedEventDto implements ParkedEventView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'notifications--identity_user_registered_v1' }) consumer: string;
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ example: 'identity.user.registered.v1' }) eventType: string;
  @ApiProperty() attempts: number;
  @ApiProperty() lastError: string;
  @ApiProperty({ format: 'date-time' }) parkedAt: string;
  @ApiPropertyOptional({ format: 'date-time' }) replayedAt?: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The event envelope' })
  envelope: ParkedEventView['envelope'];
}

export class ReplayResultDto implements ReplayResult {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'True only when this replay applied the event' }) applied: boolean;
  @ApiProperty({ enum: ['APPLIED', 'ALREADY_APPLIED', 'FAILED', 'BUSY'] }) outcome: ReplayResult['outcome'];
  @ApiPropertyOptional() error?: string;
}
