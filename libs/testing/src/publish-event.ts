import { randomUUID } from 'node:crypto';
import { connect } from 'nats';
import type { EventContract, EventEnvelope } from '@telehealth/contracts';
import { NATS_URL } from './test-env';

/**
 * Publishes a domain event exactly as its producer would (envelope, subject, Nats-Msg-Id):
 * lets a test play a service that is not built yet, or deliver a duplicate on purpose.
 */
export async function publishEvent<P>(
  contract: EventContract<P>,
  aggregateId: string,
  payload: P,
  id: string = randomUUID(),
): Promise<EventEnvelope<P>> {
  const envelope: EventEnvelope<P> = {
    id,
    type: contract.type,
    occurredAt: new Date().toISOString(),
    producer: contract.producer,
    correlationId: randomUUID(),
    aggregateId,
    payload,
  };
  const nc = await connect({ servers: NATS_URL });
  try {
    const jsm = await nc.jetstreamManager();
    await jsm.streams
      .info(contract.stream)
      .catch(() => jsm.streams.add({ name: contract.stream, subjects: [`evt.${contract.producer}.>`] }));
    await nc
      .jetstream()
      .publish(contract.subject, Buffer.from(JSON.stringify(envelope)), { msgID: `${id}:${randomUUID()}` });
  } finally {
    await nc.close();
  }
  return envelope;
}
