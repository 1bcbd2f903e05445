import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import {
  ExceptionKind,
  SlotMode,
  type AvailabilityExceptionView,
  type AvailabilityRuleView,
} from '@telehealth/contracts';
import {
  ClockTimeField,
  DateField,
  EnumField,
  IntField,
  NestedField,
  TextField,
  UuidField,
} from '../../../common/http/fields';
import { PriceDto } from './price.dto';

export class CreateRuleDto {
  @UuidField({ optional: true, description: "One of the doctor's clinics; omit only for ONLINE rules" })
  clinicId?: string;
  @IntField({ min: 0, max: 6, description: '0 = Sunday ... 6 = Saturday' }) weekday: number;
  @ClockTimeField({ example: '09:00' }) startTime: string;
  @ClockTimeField({ example: '17:00', description: 'HH:MM, after startTime' }) endTime: string;
  @IntField({ min: 5, max: 480, example: 30 }) slotMinutes: number;
  @IntField({ min: 1, max: 100, example: 1, description: 'Seats per slot' }) maxPatients: number;
  @NestedField(() => PriceDto, {
    optional: true,
    description: "Default: the doctor's fee at the clinic, else base fee",
  })
  fee?: PriceDto;
  @EnumField(SlotMode) mode: SlotMode;
  @DateField({ optional: true, example: '2026-01-01', description: 'First date the rule applies' }) validFrom?: string;
  @DateField({ optional: true, example: '2026-12-31', description: 'Last date the rule applies' }) validTo?: string;
}

/** Every field optional: only those sent change. Send `clinicId: null` to make a rule online-only. */
export class UpdateRuleDto {
  @UuidField({ optional: true }) clinicId?: string | null;
  @IntField({ optional: true, min: 0, max: 6 }) weekday?: number;
  @ClockTimeField({ optional: true }) startTime?: string;
  @ClockTimeField({ optional: true }) endTime?: string;
  @IntField({ optional: true, min: 5, max: 480 }) slotMinutes?: number;
  @IntField({ optional: true, min: 1, max: 100 }) maxPatients?: number;
  @NestedField(() => PriceDto, { optional: true }) fee?: PriceDto | null;
  @EnumField(SlotMode, { optional: true }) mode?: SlotMode;
  @DateField({ optional: true }) validFrom?: string | null;
  @DateField({ optional: true }) validTo?: string | null;
}

export class CreateExceptionDto {
  @UuidField({ optional: true, description: 'Only this clinic (BLOCKED without it: every venue)' }) clinicId?: string;
  @DateField({ example: '2026-12-25', description: 'Local date, YYYY-MM-DD' }) date: string;
  @EnumField(ExceptionKind) kind: ExceptionKind;
  @ClockTimeField({ optional: true, description: 'BLOCKED: omit both times to block the day; EXTRA: required' })
  startTime?: string;
  @ClockTimeField({ optional: true }) endTime?: string;
  @IntField({ optional: true, min: 5, max: 480, description: 'EXTRA only' }) slotMinutes?: number;
  @IntField({ optional: true, min: 1, max: 100, description: 'EXTRA only' }) maxPatients?: number;
  @EnumField(SlotMode, { optional: true, description: 'EXTRA only' }) mode?: SlotMode;
  @TextField({ optional: true, max: 500, example: 'Public holiday' }) reason?: string;
}

export class ExceptionQueryDto {
  @DateField({ optional: true, description: 'From this local date' }) from?: string;
  @DateField({ optional: true, description: 'Up to this local date' }) to?: string;
}

export class DoctorRuleParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'ruleId must be a UUID' })
  ruleId: string;
}

export class DoctorExceptionParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'exceptionId must be a UUID' })
  exceptionId: string;
}

export class AvailabilityRuleDto implements AvailabilityRuleView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) doctorId: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'null: online-only' })
  clinicId: string | null;
  @ApiProperty({ example: 1, description: '0 = Sunday ... 6 = Saturday' }) weekday: number;
  @ApiProperty({ example: '09:00' }) startTime: string;
  @ApiProperty({ example: '17:00' }) endTime: string;
  @ApiProperty({ example: 30 }) slotMinutes: number;
  @ApiProperty({ example: 1 }) maxPatients: number;
  @ApiProperty({ nullable: true, type: PriceDto }) fee: PriceDto | null;
  @ApiProperty({ enum: SlotMode }) mode: SlotMode;
  @ApiProperty({ nullable: true, type: String, example: '2026-01-01' }) validFrom: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2026-12-31' }) validTo: string | null;
  @ApiProperty() active: boolean;
}

export class AvailabilityExceptionDto implements AvailabilityExceptionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) doctorId: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) clinicId: string | null;
  @ApiProperty({ example: '2026-12-25' }) date: string;
  @ApiProperty({ enum: ExceptionKind }) kind: ExceptionKind;
  @ApiProperty({ nullable: true, type: String, example: '09:00' }) startTime: string | null;
  @ApiProperty({ nullable: true, type: String, example: '13:00' }) endTime: string | null;
  @ApiProperty({ nullable: true, type: Number }) slotMinutes: number | null;
  @ApiProperty({ nullable: true, type: Number }) maxPatients: number | null;
  @ApiProperty({ nullable: true, enum: SlotMode }) mode: SlotMode | null;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
}
