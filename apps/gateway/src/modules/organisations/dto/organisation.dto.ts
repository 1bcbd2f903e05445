import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { OrganisationStatus, Role, type OrganisationView, type StaffView } from '@telehealth/contracts';
import { EmailField, NameField, PhoneField, TextField, TimeZoneField } from '../../../common/http/fields';
import { CreateUserDto } from '../../admin/dto/admin.dto';

export class CreateOrganisationDto {
  @NameField({ max: 200, example: 'Lagos Care Clinic' }) name: string;
  @EmailField({ example: 'hello@lagoscare.ng' }) email: string;
  @PhoneField({ optional: true }) phone?: string;
  @TextField({ optional: true, max: 2000 }) bio?: string;
  @NameField({ example: 'Lagos' }) city: string;

  @ApiProperty({ example: 'NG', description: 'ISO 3166-1 alpha-2' })
  @Matches(/^[A-Z]{2}$/, { message: 'must be an ISO 3166-1 alpha-2 country code such as NG' })
  country: string;

  @TimeZoneField() timeZone: string;
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
