import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RpcCallError } from '@telehealth/messaging';
import type { FieldProblem } from '@telehealth/contracts';
import type { ErrorBody } from './error-body';
import { statusName, statusOf } from './status-of';

interface Described {
  status: number;
  message: string;
  reason?: string;
  details?: FieldProblem[];
  retryAfterSeconds?: number;
}

const logger = new Logger('HttpError');

/** Maps anything thrown while handling a request to the one error body. */
export function describeError(err: unknown): Described {
  if (err instanceof RpcCallError) {
    const w = err.wire;
    return {
      status: statusOf(w.code),
      message: w.message,
      reason: w.reason,
      details: w.details,
      retryAfterSeconds: w.retryAfterSeconds,
    };
  }
  if (err instanceof HttpException) {
    const res = err.getResponse() as
      string | { message?: string | string[]; details?: FieldProblem[]; reason?: string; retryAfterSeconds?: number };
    const message =
      typeof res === 'string'
        ? res
        : Array.isArray(res.message)
          ? res.message.join('; ')
          : (res.message ?? err.message);
    return typeof res === 'string'
      ? { status: err.getStatus(), message }
      : {
          status: err.getStatus(),
          message,
          details: res.details,
          reason: res.reason,
          retryAfterSeconds: res.retryAfterSeconds,
        };
  }
  // Errors raised by Fastify itself (body parsing, size limit, content type).
  const fastifyErr = (err ?? {}) as { statusCode?: number; message?: string; code?: string };
  if (typeof fastifyErr.statusCode === 'number' && fastifyErr.statusCode >= 400 && fastifyErr.statusCode < 500) {
    const message =
      fastifyErr.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
        ? 'Request body is larger than the allowed limit'
        : (fastifyErr.message ?? 'Bad request');
    return { status: fastifyErr.statusCode, message, reason: fastifyErr.code };
  }
  logger.error((err as Error)?.stack ?? String(err));
  return { status: 500, message: 'Internal server error' };
}

export function sendError(err: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const d = describeError(err);
  const body: ErrorBody = {
    statusCode: d.status,
    error: statusName(d.status),
    message: d.message,
    ...(d.reason && { reason: d.reason }),
    details: d.details ?? [],
    requestId: String(request.id),
  };
  if (d.retryAfterSeconds !== undefined)
    void reply.header('retry-after', String(Math.max(1, Math.ceil(d.retryAfterSeconds))));
  void reply.status(d.status).header('content-type', 'application/json; charset=utf-8').send(body);
}

@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendError(exception, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>());
  }
}
