import { randomUUID } from 'node:crypto';
import { connect } from 'nats';
import type { EventContract, EventEnvelope } from '@telehealth/contracts';
import { NATS_URL } from './test-env';
import { waitUntil } from './wait';

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
  await publishEnvelope(contract, envelope);
  return envelope;
}

/**
 * Publishes an envelope (made here or with `createEvent`) as its producer's outbox relay would;
 * each call is its own message, so publishing one envelope twice delivers one event twice (as
 * another relay's retry would).
 */
export async function publishEnvelope<P>(contract: EventContract<P>, envelope: EventEnvelope<P>): Promise<void> {
  const nc = await connect({ servers: NATS_URL });
  try {
    const jsm = await nc.jetstreamManager();
    await jsm.streams
      .info(contract.stream)
      .catch(() => jsm.streams.add({ name: contract.stream, subjects: [`evt.${contract.producer}.>`] }));
    await nc
      .jetstream()
      .publish(contract.subject, Buffer.from(JSON.stringify(envelope)), { msgID: `${envelope.id}:${randomUUID()}` });
  } finally {
    await nc.close();
  }
}

/**
 * Waits until the durable consumer `consumer` of `contract`'s stream has acknowledged every
 * event published so far: a service has handled them (even the ones that changed nothing).
 */
export async function consumerSettled(contract: EventContract<unknown>, consumer: string): Promise<void> {
  const nc = await connect({ servers: NATS_URL });
  try {
    const jsm = await nc.jetstreamManager();
    await waitUntil(async () => {
      const info = await jsm.consumers.info(contract.stream, consumer);
      return info.num_pending === 0 && info.num_ack_pending === 0;
    }, `${consumer} to settle`);
  } finally {
    await nc.close();
  }
}
