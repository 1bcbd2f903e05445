import { applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Headers } from '@telehealth/contracts';

/** An admin's stated reason for reading clinical data (X-Access-Reason), for the service to check and log. */
export const AccessReason = createParamDecorator((_: unknown, ctx: ExecutionContext): string | undefined => {
  const value = ctx.switchToHttp().getRequest<FastifyRequest>().headers[Headers.ACCESS_REASON];
  return typeof value === 'string' && value.length > 0 ? value.slice(0, 500) : undefined;
});

/** Documents the header on a route that reads a patient's clinical data. */
export const ApiAccessReason = () =>
  applyDecorators(
    ApiHeader({
      name: 'X-Access-Reason',
      required: false,
      description:
        "Admins only, and then required (400 REASON_REQUIRED without it): why they read this patient's clinical data, at least 10 characters. Logged, and shown to the patient in GET /v1/me/access-log.",
    }),
  );
