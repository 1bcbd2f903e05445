import type { BackendService, ServiceName } from './services';

/** A domain event: its versioned type, where it is published, and (phantom) its payload. */
export interface EventContract<TPayload> {
  /** `<service>.<entity>.<fact>.v<N>`: also the envelope `type`. */
  readonly type: string;
  /** JetStream subject: `evt.` + type. */
  readonly subject: string;
  /** JetStream stream that stores it (one per producing service). */
  readonly stream: string;
  readonly producer: ServiceName;
  readonly description: string;
  /** Phantom field carrying the payload type; never set at run time. */
  readonly __payload?: TPayload;
}
export type EventPayload<E> = E extends EventContract<infer P> ? P : never;

/** A NATS request-reply command or query. */
export interface RpcContract<TRequest, TResponse> {
  /** `rpc.<service>.<name>.v<N>` */
  readonly pattern: string;
  readonly service: BackendService;
  readonly description: string;
  readonly __request?: TRequest;
  readonly __response?: TResponse;
}
export type RpcRequest<C> = C extends RpcContract<infer Q, unknown> ? Q : never;
export type RpcResponse<C> = C extends RpcContract<unknown, infer R> ? R : never;

/** The JetStream stream holding a service's events: `EVT_WALLET_CLAIMS` for `wallet-claims`. */
export const streamOf = (service: ServiceName): string => `EVT_${service.toUpperCase().replace(/-/g, '_')}`;
/** Every subject a service's stream captures. */
export const streamSubjectsOf = (service: ServiceName): string => `evt.${service}.>`;

export function defineEvent<TPayload>(
  producer: ServiceName,
  name: string,
  version: number,
  description: string,
): EventContract<TPayload> {
  const type = `${producer}.${name}.v${version}`;
  return { type, subject: `evt.${type}`, stream: streamOf(producer), producer, description };
}

export function defineRpc<TRequest, TResponse>(
  service: BackendService,
  name: string,
  version: number,
  description: string,
): RpcContract<TRequest, TResponse> {
  return { pattern: `rpc.${service}.${name}.v${version}`, service, description };
}
