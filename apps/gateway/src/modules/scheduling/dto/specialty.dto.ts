import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import type { SpecialtyView } from '@telehealth/contracts';
import { BoolField, NameField, TextField } from '../../../common/http/fields';

const CODE = /^[A-Z][A-Z0-9_]{1,39}$/;
const CODE_PROBLEM = 'must be 2-40 capital letters, digits or _ starting with a letter, e.g. GENERAL_PRACTICE';

export class CreateSpecialtyDto {
  @ApiProperty({ example: 'GENERAL_PRACTICE', description: 'Unique, stable code doctors are filed under' })
  @Matches(CODE, { message: CODE_PROBLEM })
  code: string;

  @NameField({ example: 'General Practice' }) name: string;
  @TextField({ optional: true, max: 1000 }) description?: string;
}

export class UpdateSpecialtyDto {
  @ApiPropertyOptional({ example: 'GENERAL_PRACTICE' })
  @IsOptional()
  @Matches(CODE, { message: CODE_PROBLEM })
  code?: string;

  @NameField({ optional: true }) name?: string;
  @TextField({ optional: true, max: 1000 }) description?: string;
  @BoolField({ optional: true, description: 'false retires the specialty from the public list' }) active?: boolean;
}

export class SpecialtyDto implements SpecialtyView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'PAEDIATRICS' }) code: string;
  @ApiProperty({ example: 'Paediatrics' }) name: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty() active: boolean;
}
