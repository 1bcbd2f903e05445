import { BadRequestException, applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';

const KEY = /^[A-Za-z0-9._:-]{1,128}$/;
const RULE = '1-128 characters of A-Z a-z 0-9 . _ : -';

const invalid = (problem: string) =>
  new BadRequestException({
    message: `Invalid input: Idempotency-Key`,
    reason: 'VALIDATION_FAILED',
    details: [{ field: 'Idempotency-Key', problem }],
  });

/**
 * The `Idempotency-Key` header of a money-moving request, validated: a retry with the same key
 * and body gets the first answer; the same key with another body is 422.
 */
export const IdempotencyKey = createParamDecorator((required: boolean, ctx: ExecutionContext): string | undefined => {
  const value = ctx.switchToHttp().getRequest<FastifyRequest>().headers['idempotency-key'];
  if (value === undefined) {
    if (required) throw invalid(`is required on this request (${RULE}; reuse it when you retry)`);
    return undefined;
  }
  if (typeof value !== 'string' || !KEY.test(value)) throw invalid(`must be ${RULE}`);
  return value;
});

/** OpenAPI for the header. */
export const ApiIdempotencyKey = (required: boolean, effect: string) =>
  applyDecorators(ApiHeader({ name: 'Idempotency-Key', required, description: `${effect}; ${RULE}` }));
