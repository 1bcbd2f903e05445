import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Headers, type Caller, type ClientContext } from '@telehealth/contracts';
import type { RequestMeta } from '@telehealth/messaging';

export interface AuthedRequest extends FastifyRequest {
  user?: Caller & { jti?: string; exp?: number };
}

/** Fault injection is forwarded only when the gateway itself was started with it enabled. */
let forwardFaults = false;
export const enableFaultForwarding = (on: boolean): void => {
  forwardFaults = on;
};

export function metaOf(req: AuthedRequest): RequestMeta {
  const fault = req.headers[Headers.FAULT];
  const caller = req.user && {
    userId: req.user.userId,
    roles: req.user.roles,
    organisationIds: req.user.organisationIds,
    doctorProfileId: req.user.doctorProfileId,
  };
  return {
    requestId: String(req.id),
    caller: caller || undefined,
    fault: forwardFaults && typeof fault === 'string' ? fault : undefined,
  };
}

/** The request id, caller and fault header to send with a NATS request. */
export const CallMeta = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestMeta =>
  metaOf(ctx.switchToHttp().getRequest<AuthedRequest>()),
);

/** IP and user agent, for the audit trail. */
export const Client = createParamDecorator((_: unknown, ctx: ExecutionContext): ClientContext => {
  const req = ctx.switchToHttp().getRequest<FastifyRequest>();
  return { ip: req.ip, userAgent: req.headers['user-agent']?.slice(0, 300) };
});
