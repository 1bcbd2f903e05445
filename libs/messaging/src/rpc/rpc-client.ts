import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode as NatsErrorCode, headers as natsHeaders, type NatsError } from 'nats';
import { ErrorCode, Headers, isWireError, type RpcContract } from '@telehealth/contracts';
import { RpcCallError } from '../errors/domain-error';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging.options';
import { NatsClient } from '../nats/nats-client';
import type { RequestMeta } from './request-meta';

interface NestReply<R> {
  response?: R;
  err?: unknown;
}

/**
 * Calls a service's request-reply contract. Speaks the NestJS NATS packet format over the
 * connection's shared (muxed) reply inbox, carries request id and caller in headers, and
 * turns every failure into an {@link RpcCallError} with a code the gateway maps to HTTP.
 */
@Injectable()
export class RpcClient {
  constructor(
    private readonly nats: NatsClient,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  async call<Q, R>(
    contract: RpcContract<Q, R>,
    data: Q,
    meta: RequestMeta,
    timeoutMs = this.options.rpcTimeoutMs,
  ): Promise<R> {
    const h = natsHeaders();
    h.set(Headers.REQUEST_ID, meta.requestId);
    if (meta.caller) h.set(Headers.CALLER, JSON.stringify(meta.caller));
    if (meta.fault) h.set(Headers.FAULT, meta.fault);
    const packet = JSON.stringify({ pattern: contract.pattern, data, id: randomUUID() });
    let raw: string;
    try {
      const msg = await this.nats.connection.request(contract.pattern, Buffer.from(packet), {
        timeout: timeoutMs,
        headers: h,
      });
      raw = msg.string();
    } catch (err) {
      throw this.transportError(contract, err as NatsError);
    }
    const reply = JSON.parse(raw) as NestReply<R>;
    if (reply.err !== undefined && reply.err !== null) {
      throw new RpcCallError(
        isWireError(reply.err) ? reply.err : { code: ErrorCode.INTERNAL, message: 'Internal error' },
      );
    }
    return reply.response as R;
  }

  private transportError(contract: RpcContract<unknown, unknown>, err: NatsError): RpcCallError {
    const unavailable = err.code === NatsErrorCode.NoResponders || err.code === NatsErrorCode.Timeout;
    return new RpcCallError({
      code: unavailable ? ErrorCode.UNAVAILABLE : ErrorCode.INTERNAL,
      message: unavailable
        ? `The ${contract.service} service is not available right now; retry shortly`
        : `Could not reach the ${contract.service} service`,
      reason: err.code === NatsErrorCode.Timeout ? 'UPSTREAM_TIMEOUT' : 'UPSTREAM_UNAVAILABLE',
      retryAfterSeconds: 1,
    });
  }
}
