import { randomUUID } from 'node:crypto';
import type { EventContract, EventEnvelope, ServiceName } from '@telehealth/contracts';

export interface EventOrigin {
  producer: ServiceName;
  correlationId?: string;
}

/** Builds the envelope of a domain event (not yet published: see the outbox). */
export function createEvent<P>(
  contract: EventContract<P>,
  aggregateId: string,
  payload: P,
  origin: EventOrigin,
  now = new Date(),
): EventEnvelope<P> {
  if (contract.producer !== origin.producer) {
    throw new Error(`${origin.producer} cannot publish ${contract.type} (owned by ${contract.producer})`);
  }
  return {
    id: randomUUID(),
    type: contract.type,
    occurredAt: now.toISOString(),
    producer: origin.producer,
    correlationId: origin.correlationId ?? randomUUID(),
    aggregateId,
    payload,
  };
}
