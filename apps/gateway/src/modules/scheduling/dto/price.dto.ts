import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import type { Money } from '@telehealth/contracts';
import { IntField } from '../../../common/http/fields';

/** Money in and out: integer minor units (kobo for NGN) with an ISO 4217 currency; never floats. */
export class PriceDto implements Money {
  @IntField({ min: 0, max: 1_000_000_000_000, example: 1500000, description: 'Integer minor units: 1500000 = ₦15,000' })
  amountMinor: number;

  @ApiProperty({ example: 'NGN', description: 'ISO 4217 currency code' })
  @Matches(/^[A-Z]{3}$/, { message: 'must be an ISO 4217 currency code such as NGN' })
  currency: string;
}
