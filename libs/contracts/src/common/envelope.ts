import type { ServiceName } from './services';

/**
 * Every domain event on JetStream is one JSON envelope. Subscribers de-duplicate on `id`
 * (also sent as the `Nats-Msg-Id` header) and dispatch on `type`.
 */
export interface EventEnvelope<TPayload = unknown> {
  /** Unique event id (UUID v4). */
  id: string;
  /** Versioned event type, e.g. `identity.user.registered.v1`. */
  type: string;
  /** ISO-8601 time the state change happened. */
  occurredAt: string;
  producer: ServiceName;
  /** Request id of the API call that caused it (or a fresh id for background work). */
  correlationId: string;
  /** Id of the aggregate that changed (user id, appointment id, ...): the ordering key. */
  aggregateId: string;
  payload: TPayload;
}
