import type { BackendService, ServiceName } from '@telehealth/contracts';

export interface MessagingOptions {
  service: ServiceName;
  natsUrl: string;
  rpcTimeoutMs: number;
  faultInjectionEnabled: boolean;
}

/** Extra settings for a backend service that owns a database and consumes events. */
export interface EventingOptions {
  service: BackendService;
  outboxPollMs: number;
  maxDeliver: number;
  retryBaseMs: number;
  /** Events one consumer handles at once (one at a time per aggregate, in arrival order). */
  concurrency: number;
  /**
   * How long a delivery may go without a sign of life before another replica takes it over
   * (default 10 s; the handler renews it while it runs, so only a stopped process loses it).
   */
  leaseMs?: number;
  /** Prefix of durable consumer names; defaults to the service (tests isolate with their own). */
  consumerGroup?: string;
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
export const EVENTING_OPTIONS = Symbol('EVENTING_OPTIONS');
