import { defineRpc, type RpcContract } from '../common/contract';
import type { EventEnvelope } from '../common/envelope';
import type { Page, PageQuery } from '../common/pagination';
import type { BackendService } from '../common/services';

export interface HealthReport {
  service: BackendService;
  status: 'ok' | 'degraded';
  checks: Record<string, 'up' | 'down'>;
  uptimeSeconds: number;
}

export interface EchoRequest {
  payload: unknown;
}

/** A message a consumer failed to apply N times; kept for an operator to replay. */
export interface ParkedEventView {
  id: string;
  consumer: string;
  eventId: string;
  eventType: string;
  attempts: number;
  lastError: string;
  parkedAt: string;
  replayedAt?: string;
  envelope: EventEnvelope;
}

export interface ReplayResult {
  id: string;
  /** True only when this replay applied the event. */
  applied: boolean;
  outcome: 'APPLIED' | 'ALREADY_APPLIED' | 'FAILED' | 'BUSY';
  error?: string;
}

/** Operational patterns every backend service answers (see libs/messaging). */
export const systemRpc = (service: BackendService) => ({
  health: defineRpc<Record<string, never>, HealthReport>(
    service,
    'system.health',
    1,
    'Liveness and dependency checks of the service.',
  ),
  echo: defineRpc<EchoRequest, EchoRequest>(
    service,
    'system.echo',
    1,
    'Returns its input: measures the transport cost.',
  ),
  listParked: defineRpc<PageQuery, Page<ParkedEventView>>(
    service,
    'system.parked.list',
    1,
    'Events a consumer of this service gave up on.',
  ),
  replayParked: defineRpc<{ id: string }, ReplayResult>(
    service,
    'system.parked.replay',
    1,
    'Applies a parked event again through the same idempotent consumer.',
  ),
});
export type SystemRpc = ReturnType<typeof systemRpc>;
export type AnySystemRpc = SystemRpc[keyof SystemRpc] extends RpcContract<infer Q, infer R> ? RpcContract<Q, R> : never;
