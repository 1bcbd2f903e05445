import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { OrganisationStatus, Role, type OrganisationView, type StaffView } from '@telehealth/contracts';
import { CreateUserDto } from '../../admin/dto/admin.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateOrganisationDto {
  @ApiProperty({ example: 'Lagos Care Clinic', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'hello@lagoscare.ng' })
  @IsEmail({}, { message: 'must be a valid email address' })
  email: string;

  @ApiPropertyOptional({ example: '+2341234567' })
  @IsOptional()
  @Matches(/^\+?[0-9][0-9\s()-]{6,19}$/, { message: 'must be a phone number in international format' })
  phone?: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  bio?: string;

  @ApiProperty({ example: 'Lagos' })
  @IsString()
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(100)
  city: string;

  @ApiProperty({ example: 'NG', description: 'ISO 3166-1 alpha-2' })
  @Matches(/^[A-Z]{2}$/, { message: 'must be an ISO 3166-1 alpha-2 country code such as NG' })
  country: string;

  @ApiProperty({ example: 'Africa/Lagos' })
  @IsString()
  @MaxLength(64)
  timeZone: string;
}

export class OrganisationDto implements OrganisationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
  @ApiProperty({ nullable: true, type: String }) bio: string | null;
  @ApiProperty() city: string;
  @ApiProperty() country: string;
  @ApiProperty() timeZone: string;
  @ApiProperty({ enum: OrganisationStatus }) status: OrganisationStatus;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class AddStaffDto extends CreateUserDto {}

export class StaffDto implements StaffView {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty() email: string;
  @ApiProperty({ nullable: true, type: String }) title: string | null;
  @ApiProperty({ enum: Role, isArray: true }) roles: Role[];
}
