import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDefined, IsIn, IsNumber, IsOptional, Matches, Max, Min, ValidateIf } from 'class-validator';
import type { DoctorClinicFee, DoctorProfileView } from '@telehealth/contracts';
import {
  BoolField,
  DateField,
  DecimalField,
  IntField,
  NameField,
  NestedField,
  TextField,
  TextListField,
  TimeZoneField,
  UuidField,
} from '../../../common/http/fields';
import { PageQueryDto } from '../../../common/openapi/common.dto';
import { PriceDto } from './price.dto';

export class ClinicFeeDto implements DoctorClinicFee {
  @UuidField() clinicId: string;
  @NestedField(() => PriceDto) fee: PriceDto;
}

/** Every field optional: only those sent change. */
export class UpdateDoctorProfileDto {
  @NameField({ optional: true, description: 'Required when the profile is created' }) firstName?: string;
  @NameField({ optional: true, description: 'Required when the profile is created' }) lastName?: string;
  @TextField({ optional: true, max: 100, example: 'Dr' }) title?: string;
  @TextField({ optional: true, max: 4000 }) bio?: string;
  @TextListField({ optional: true, maxItems: 30, max: 200, example: ['MBBS (University of Lagos)'] })
  qualifications?: string[];
  @TextListField({ optional: true, maxItems: 30, max: 100, example: ['Hypertension'] }) specializations?: string[];

  @ApiPropertyOptional({
    type: 'string',
    example: 'GENERAL_PRACTICE',
    nullable: true,
    pattern: '^[A-Z][A-Z0-9_]{1,39}$',
    description: 'An active specialty code',
  })
  @IsOptional()
  @Matches(/^[A-Z][A-Z0-9_]{1,39}$/, { message: 'must be a specialty code such as GENERAL_PRACTICE' })
  specialtyCode?: string | null;

  @TextListField({ optional: true, maxItems: 20, max: 50, example: ['English', 'Yoruba'] }) languages?: string[];
  @TextField({ optional: true, max: 100, example: 'MDCN/2013/04521' }) registrationNumber?: string;
  @IntField({ optional: true, min: 0, max: 80 }) yearsOfExperience?: number;

  @NestedField(() => ClinicFeeDto, {
    optional: true,
    isArray: true,
    maxItems: 20,
    description: 'Where the doctor sees patients, with the fee at each (active clinics only)',
  })
  clinics?: ClinicFeeDto[];

  @NestedField(() => PriceDto, { optional: true, description: 'Fee where no clinic fee applies (online)' })
  baseFee?: PriceDto;

  @BoolField({ optional: true }) cashless?: boolean;
  @TextListField({ optional: true, maxItems: 50, max: 100, example: ['WootHealth'] }) insuranceAccepted?: string[];
  @BoolField({ optional: true, description: 'Bookings wait for the doctor to accept' }) requiresConfirmation?: boolean;
  @BoolField({ optional: true }) allowDirectBooking?: boolean;
  @BoolField({ optional: true }) availableOnline?: boolean;
  @BoolField({ optional: true }) availableOffline?: boolean;
  @TimeZoneField({ optional: true, description: "IANA zone of the doctor's online availability" }) timeZone?: string;
  @BoolField({ optional: true, description: 'true lists the profile publicly (new profiles start as drafts)' })
  active?: boolean;
  @UuidField({ optional: true, description: 'Admins only: move the profile to another organisation' })
  organisationId?: string;
}

const SORTS = ['distance', 'rating', 'fee', 'soonest'] as const;
const number = Transform(({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value,
);

/** lat or lng: a number in [-max, max], required (with the other) as soon as any of lat, lng, radiusKm is given. */
function Coordinate(o: { max: number; example: number; description: string }): PropertyDecorator {
  const range = `must be a number from -${o.max} to ${o.max}`;
  return applyDecorators(
    ApiPropertyOptional({
      type: 'number',
      minimum: -o.max,
      maximum: o.max,
      example: o.example,
      description: o.description,
    }),
    number,
    ValidateIf((q: DoctorSearchQueryDto) => q.lat !== undefined || q.lng !== undefined || q.radiusKm !== undefined),
    IsDefined({ message: 'is required with lat, lng or radiusKm (give both lat and lng)' }),
    IsNumber({ allowNaN: false, allowInfinity: false }, { message: range }),
    Min(-o.max, { message: range }),
    Max(o.max, { message: range }),
  );
}

export class DoctorSearchQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'PAEDIATRICS', description: 'Specialty code' })
  @IsOptional()
  @Matches(/^[A-Za-z][A-Za-z0-9_]{1,39}$/, { message: 'must be a specialty code such as PAEDIATRICS' })
  specialty?: string;

  @NameField({ optional: true, example: 'Lagos', description: "City of one of the doctor's clinics" }) city?: string;
  @BoolField({ optional: true, description: 'true: consults online' }) online?: boolean;
  @BoolField({ optional: true, description: 'true: sees patients in a clinic' }) offline?: boolean;
  @NameField({ optional: true, max: 50, example: 'Yoruba' }) language?: string;
  @NameField({ optional: true, example: 'WootHealth', description: 'Insurer accepted' }) insurance?: string;
  @IntField({ optional: true, min: 0, max: 1_000_000_000_000, description: 'Base fee at least, minor units' })
  minFee?: number;
  @IntField({ optional: true, min: 0, max: 1_000_000_000_000, description: 'Base fee at most, minor units' })
  maxFee?: number;

  @Coordinate({ max: 90, example: 6.4281, description: 'Latitude of the point to search near (with lng)' })
  lat?: number;
  @Coordinate({ max: 180, example: 3.4219, description: 'Longitude of the point to search near (with lat)' })
  lng?: number;
  @DecimalField({
    optional: true,
    min: 0.1,
    max: 500,
    example: 10,
    description: `Only doctors with an active clinic within this distance (km) of lat/lng; default 25. Online-only doctors are left out unless online=true (then listed last, distanceKm null)`,
  })
  radiusKm?: number;
  @DateField({
    optional: true,
    example: '2026-03-03',
    description: 'Only doctors with a free slot on this local date (YYYY-MM-DD)',
  })
  freeOn?: string;

  @ApiPropertyOptional({
    enum: SORTS,
    description:
      'distance: nearest first (needs lat/lng; the default with them); rating: best rated first (the default otherwise); fee: lowest fee (base or any clinic) first; soonest: earliest free slot in the next 14 days first',
  })
  @IsOptional()
  @IsIn(SORTS, { message: `must be one of ${SORTS.join(', ')}` })
  sort?: (typeof SORTS)[number];
}

class RatingDto {
  @ApiProperty({ example: 4.7 }) average: number;
  @ApiProperty({ example: 128 }) count: number;
}

export class DoctorProfileDto implements DoctorProfileView {
  @ApiProperty({ format: 'uuid', description: "The doctor profile id (the DOCTOR account's doctorProfileId)" })
  id: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) userId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) organisationId: string | null;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty({ nullable: true, type: String }) title: string | null;
  @ApiProperty({ nullable: true, type: String }) bio: string | null;
  @ApiProperty({ type: [String] }) qualifications: string[];
  @ApiProperty({ type: [String] }) specializations: string[];
  @ApiProperty({ nullable: true, type: String, example: 'GENERAL_PRACTICE' }) specialtyCode: string | null;
  @ApiProperty({ type: [String] }) languages: string[];
  @ApiProperty({ nullable: true, type: String }) registrationNumber: string | null;
  @ApiProperty() yearsOfExperience: number;
  @ApiProperty({ type: RatingDto }) rating: RatingDto;
  @ApiProperty({ type: [ClinicFeeDto] }) clinics: ClinicFeeDto[];
  @ApiProperty({ type: PriceDto }) baseFee: PriceDto;
  @ApiProperty() cashless: boolean;
  @ApiProperty({ type: [String] }) insuranceAccepted: string[];
  @ApiProperty() requiresConfirmation: boolean;
  @ApiProperty() allowDirectBooking: boolean;
  @ApiProperty() availableOnline: boolean;
  @ApiProperty() availableOffline: boolean;
  @ApiProperty({ example: 'Africa/Lagos' }) timeZone: string;
  @ApiProperty({ description: 'false: a draft or unlisted profile (visible only to those who manage it)' })
  active: boolean;
}

/** Search hits: the profile, and what the search computed for it. */
export class DoctorSearchHitDto extends DoctorProfileDto {
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 2.4,
    description:
      'With lat/lng: km (great circle, to 0.1) to the nearest active clinic of the doctor; null for an online-only doctor',
  })
  distanceKm?: number | null;
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description:
      'With sort=soonest or freeOn: start of the first free slot (on freeOn, else within the next 14 days); null when none',
  })
  nextFreeSlot?: string | null;
}
