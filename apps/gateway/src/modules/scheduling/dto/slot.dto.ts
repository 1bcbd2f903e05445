import { ApiProperty } from '@nestjs/swagger';
import { SlotMode, type SlotView } from '@telehealth/contracts';
import { DateField, EnumField, UuidField } from '../../../common/http/fields';
import { PriceDto } from './price.dto';

export class SlotQueryDto {
  @DateField({ example: '2026-03-02', description: 'First local date, YYYY-MM-DD' }) from: string;
  @DateField({ example: '2026-03-08', description: 'Last local date (at most 30 days after from)' }) to: string;
  @EnumField(SlotMode, { optional: true, description: 'IN_CLINIC or ONLINE also match BOTH' }) mode?: SlotMode;
  @UuidField({ optional: true }) clinicId?: string;
}

export class SlotDto implements SlotView {
  @ApiProperty({
    example: 'd1000000-0000-4000-8000-000000000001:2026-03-02T08:00:00.000Z',
    description: 'Stable: doctor id and UTC start; book it by this id',
  })
  id: string;
  @ApiProperty({ format: 'uuid' }) doctorId: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'null: online' }) clinicId: string | null;
  @ApiProperty({ enum: SlotMode }) mode: SlotMode;
  @ApiProperty({ format: 'date-time' }) start: string;
  @ApiProperty({ format: 'date-time' }) end: string;
  @ApiProperty({ example: 'Africa/Lagos' }) timeZone: string;
  @ApiProperty({ example: '2026-03-02' }) localDate: string;
  @ApiProperty({ example: '09:00' }) localStart: string;
  @ApiProperty({ example: '09:30' }) localEnd: string;
  @ApiProperty({ type: PriceDto }) fee: PriceDto;
  @ApiProperty({ example: 3, description: 'Seats' }) capacity: number;
  @ApiProperty({ example: 1, description: 'Seats taken (held or confirmed)' }) booked: number;
  @ApiProperty({ example: 2, description: 'Seats free' }) available: number;
}
