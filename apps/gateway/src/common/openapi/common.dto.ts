import { applyDecorators, type Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { DEFAULT_PAGE_SIZE, ERROR_REASONS, MAX_PAGE_SIZE, type ErrorReason, type Money } from '@telehealth/contracts';
import { statusName } from '../errors/status-of';
import { IntField } from '../http/fields';

export class FieldProblemDto {
  @ApiProperty({ example: 'dateOfBirth' }) field: string;
  @ApiProperty({ example: 'must be a date formatted YYYY-MM-DD' }) problem: string;
}

export class ErrorBodyDto {
  @ApiProperty({ example: 400 }) statusCode: number;
  @ApiProperty({ example: 'Bad Request' }) error: string;
  @ApiProperty({ example: 'Invalid input: dateOfBirth' }) message: string;
  @ApiPropertyOptional({
    enum: Object.keys(ERROR_REASONS),
    enumName: 'ErrorReason',
    example: 'VALIDATION_FAILED',
    description: 'Stable machine-readable reason; every value and its meaning: docs/errors.md',
  })
  reason?: ErrorReason;
  @ApiProperty({ type: [FieldProblemDto] }) details: FieldProblemDto[];
  @ApiProperty({ example: '3f1c2a9e-7a51-4c55-9a0e-8d1b6c1f4a20' }) requestId: string;
}

const ERROR_TEXT: Record<number, string> = {
  400: 'Invalid input; `details` names each field',
  401: 'Missing, invalid, expired or revoked access token',
  403: 'The caller lacks the required role',
  404: 'Not found, or not visible to the caller',
  409: 'Conflicts with the current state',
  413: 'Body larger than the limit (1 MB by default)',
  422: 'Well-formed but not processable',
  429: 'Rate limited; see Retry-After',
  503: 'A backing service is unavailable; retry shortly',
};

/** Documents the error responses of a route, all with the one error body. */
export const ApiErrors = (...statuses: number[]) =>
  applyDecorators(
    ...[...new Set([...statuses, 429, 503])].map((status) =>
      ApiResponse({ status, description: `${statusName(status)}: ${ERROR_TEXT[status] ?? ''}`, type: ErrorBodyDto }),
    ),
  );

export class PageQueryDto {
  @IntField({ optional: true, min: 1, max: 10_000, default: 1 })
  page: number = 1;

  @IntField({ optional: true, min: 1, max: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  limit: number = DEFAULT_PAGE_SIZE;
}

/** Money is integer minor units with a currency, everywhere. */
export class MoneyDto implements Money {
  @ApiProperty({ example: 1500000, description: 'Integer minor units (kobo)' }) amountMinor: number;
  @ApiProperty({ example: 'NGN' }) currency: string;
}

export class IdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id: string;
}

export class AckDto {
  @ApiProperty({ example: true }) ok: true;
}

/** `Page<T>` for OpenAPI: a named class per item type. */
export function PageOf<T>(item: Type<T>): Type<unknown> {
  class PageDto {
    @ApiProperty({ type: [item] }) items: T[];
    @ApiProperty({ example: 1 }) page: number;
    @ApiProperty({ example: 20 }) limit: number;
    @ApiProperty({ example: 42 }) total: number;
    @ApiProperty({ example: true }) hasMore: boolean;
  }
  Object.defineProperty(PageDto, 'name', { value: `PageOf${item.name.replace(/Dto$/, '')}` });
  return PageDto;
}
