import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import type { Address, ClinicView, GeoPoint, OpeningHours } from '@telehealth/contracts';
import {
  BoolField,
  ClockTimeField,
  DecimalField,
  EmailField,
  IntField,
  NameField,
  NestedField,
  PhoneField,
  TextField,
  TextListField,
  TimeZoneField,
  UuidField,
} from '../../../common/http/fields';
import { PageQueryDto } from '../../../common/openapi/common.dto';

export class AddressDto implements Address {
  @NameField({ max: 200, example: '14 Adeola Odeku Street' }) line1: string;
  @TextField({ optional: true, max: 200 }) line2?: string | null;
  @NameField({ example: 'Lagos' }) city: string;
  @TextField({ optional: true, max: 100, example: 'Lagos' }) state?: string | null;

  @ApiProperty({ example: 'NG', description: 'ISO 3166-1 alpha-2' })
  @Matches(/^[A-Z]{2}$/, { message: 'must be an ISO 3166-1 alpha-2 country code such as NG' })
  country: string;

  @TextField({ optional: true, max: 20 }) postcode?: string | null;
}

export class GeoPointDto implements GeoPoint {
  @DecimalField({ min: -90, max: 90, example: 6.4281 }) lat: number;
  @DecimalField({ min: -180, max: 180, example: 3.4219 }) lng: number;
}

export class OpeningHoursDto implements OpeningHours {
  @IntField({ min: 0, max: 6, description: '0 = Sunday ... 6 = Saturday' }) weekday: number;
  @ClockTimeField({ example: '08:00' }) open: string;
  @ClockTimeField({ example: '18:00', description: 'HH:MM, after open' }) close: string;
}

export class CreateClinicDto {
  @NameField({ max: 200, example: 'Lagos Care Clinic, Victoria Island' }) name: string;
  @UuidField({ optional: true, description: "Required for provider staff: one of the caller's organisations" })
  organisationId?: string;

  @NestedField(() => AddressDto) address: AddressDto;
  @NestedField(() => GeoPointDto) geo: GeoPointDto;
  @PhoneField({ optional: true }) phone?: string;
  @EmailField({ optional: true, example: 'vi@lagoscare.ng' }) email?: string;
  @TimeZoneField({ description: 'IANA time zone of the clinic' }) timeZone: string;

  @NestedField(() => OpeningHoursDto, { isArray: true, maxItems: 7, description: 'Weekdays not listed are closed' })
  operatingHours: OpeningHoursDto[];

  @TextListField({ optional: true, maxItems: 50, max: 100, example: ['Pharmacy', 'Laboratory'] }) facilities?: string[];
}

export class UpdateClinicDto {
  @NameField({ optional: true, max: 200 }) name?: string;
  @UuidField({ optional: true, description: 'Admins only' }) organisationId?: string;
  @NestedField(() => AddressDto, { optional: true }) address?: AddressDto;
  @NestedField(() => GeoPointDto, { optional: true }) geo?: GeoPointDto;
  @PhoneField({ optional: true }) phone?: string;
  @EmailField({ optional: true }) email?: string;
  @TimeZoneField({ optional: true }) timeZone?: string;
  @NestedField(() => OpeningHoursDto, { optional: true, isArray: true, maxItems: 7 })
  operatingHours?: OpeningHoursDto[];
  @TextListField({ optional: true, maxItems: 50, max: 100 }) facilities?: string[];
  @BoolField({ optional: true, description: 'false hides the clinic from the public' }) active?: boolean;
}

export class ClinicQueryDto extends PageQueryDto {
  @NameField({ optional: true, example: 'Lagos', description: 'City, any case' }) city?: string;
  @UuidField({ optional: true }) organisationId?: string;
}

export class ClinicDto implements ClinicView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) organisationId: string | null;
  @ApiProperty({ type: AddressDto }) address: AddressDto;
  @ApiProperty({ type: GeoPointDto }) geo: GeoPointDto;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ example: 'Africa/Lagos' }) timeZone: string;
  @ApiProperty({ type: [OpeningHoursDto], description: 'Weekdays not listed are closed' })
  operatingHours: OpeningHoursDto[];
  @ApiProperty({ type: [String] }) facilities: string[];
  @ApiProperty() active: boolean;
}
