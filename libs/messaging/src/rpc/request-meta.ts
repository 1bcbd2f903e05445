import { randomUUID } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { NatsContext } from '@nestjs/microservices';
import { Headers, type Caller, type Role } from '@telehealth/contracts';
import { DomainError } from '../errors/domain-error';

/** What travels beside a request's payload, in NATS headers. */
export interface RequestMeta {
  requestId: string;
  caller?: Caller;
  /** Test-only fault injection point, honoured only when enabled by configuration. */
  fault?: string;
}

/** Injects the {@link RequestMeta} of the NATS request into a handler parameter. */
export const Meta = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestMeta => {
  const headers = ctx.switchToRpc().getContext<NatsContext>().getHeaders();
  const callerJson = headers?.get(Headers.CALLER);
  return {
    requestId: headers?.get(Headers.REQUEST_ID) || randomUUID(),
    caller: callerJson ? (JSON.parse(callerJson) as Caller) : undefined,
    fault: headers?.get(Headers.FAULT) || undefined,
  };
});

/** The authenticated caller, or UNAUTHENTICATED: for patterns that need a user. */
export function requireCaller(meta: RequestMeta): Caller {
  if (!meta.caller) throw DomainError.unauthenticated('Authentication required');
  return meta.caller;
}

/** The caller, who must hold one of `roles` (FORBIDDEN otherwise). */
export function requireRole(meta: RequestMeta, ...roles: Role[]): Caller {
  const caller = requireCaller(meta);
  if (!roles.some((r) => caller.roles.includes(r))) throw DomainError.forbidden(`Requires role ${roles.join(' or ')}`);
  return caller;
}
