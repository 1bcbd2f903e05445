import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEmail, IsEnum, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import {
  AuditEventType,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PASSWORD_PATTERN,
  PASSWORD_POLICY_TEXT,
  Role,
  UserStatus,
  type AuditEventView,
  type ParkedEventView,
  type ReplayResult,
} from '@telehealth/contracts';
import { PageQueryDto } from '../../../common/openapi/common.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const enumMessage = (e: object) => ({ message: `must be one of ${Object.values(e).join(', ')}`, each: true });

export class CreateUserDto {
  @ApiProperty({ example: 'dr.ade@clinic.ng' })
  @Transform(trim)
  @IsEmail({}, { message: 'must be a valid email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ description: PASSWORD_POLICY_TEXT })
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, { message: `must be ${PASSWORD_POLICY_TEXT}` })
  @Matches(PASSWORD_PATTERN, { message: `must be ${PASSWORD_POLICY_TEXT}` })
  password: string;

  @ApiProperty({ maxLength: 100 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(100)
  firstName: string;

  @ApiProperty({ maxLength: 100 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(100)
  lastName: string;

  @ApiPropertyOptional({ example: '+2348000000000' })
  @IsOptional()
  @Matches(/^\+?[0-9][0-9\s()-]{6,19}$/, { message: 'must be a phone number in international format' })
  phone?: string;

  @ApiProperty({ enum: Role, isArray: true, example: [Role.DOCTOR] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @IsEnum(Role, enumMessage(Role))
  roles: Role[];

  @ApiPropertyOptional({ format: 'uuid', description: 'DOCTOR: the public doctor profile id (generated when absent)' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  doctorProfileId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  organisationId?: string;

  @ApiPropertyOptional({ example: 'Surgeon', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  title?: string;
}

export class UserSearchQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Email prefix or part of a name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: Role })
  @IsOptional()
  @IsEnum(Role, { message: `must be one of ${Object.values(Role).join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({ enum: UserStatus })
  @IsOptional()
  @IsEnum(UserStatus, { message: `must be one of ${Object.values(UserStatus).join(', ')}` })
  status?: UserStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  organisationId?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({}, { message: 'must be an ISO-8601 date or time' })
  createdFrom?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({}, { message: 'must be an ISO-8601 date or time' })
  createdTo?: string;
}

export class SetRolesDto {
  @ApiProperty({ enum: Role, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @IsEnum(Role, enumMessage(Role))
  roles: Role[];
}

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  userId?: string;

  @ApiPropertyOptional({ enum: AuditEventType })
  @IsOptional()
  @IsEnum(AuditEventType, { message: `must be one of ${Object.values(AuditEventType).join(', ')}` })
  type?: AuditEventType;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({}, { message: 'must be an ISO-8601 date or time' })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({}, { message: 'must be an ISO-8601 date or time' })
  to?: string;
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
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The event envelope' }) envelope: ParkedEventView['envelope'];
}

export class ReplayResultDto implements ReplayResult {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() applied: boolean;
  @ApiPropertyOptional() error?: string;
}
