import { randomUUID } from 'node:crypto';
import { AckPolicy, DeliverPolicy, connect, type ConsumerMessages, type NatsConnection } from 'nats';
import type { EventContract, EventEnvelope } from '@telehealth/contracts';
import { NATS_URL } from './test-env';

/**
 * A durable JetStream consumer made by a test, as an outside subscriber would make one:
 * it records every delivery of one event type from the moment it is opened.
 */
export class EventTap<P> {
  readonly received: EventEnvelope<P>[] = [];
  private messages?: ConsumerMessages;
  private readonly name = `tap-${randomUUID().slice(0, 8)}`;

  private constructor(
    private readonly nc: NatsConnection,
    private readonly contract: EventContract<P>,
  ) {}

  static async open<P>(contract: EventContract<P>): Promise<EventTap<P>> {
    const tap = new EventTap(await connect({ servers: NATS_URL }), contract);
    const jsm = await tap.nc.jetstreamManager();
    await jsm.consumers.add(contract.stream, {
      durable_name: tap.name,
      deliver_policy: DeliverPolicy.New,
      ack_policy: AckPolicy.Explicit,
      filter_subject: contract.subject,
    });
    const consumer = await tap.nc.jetstream().consumers.get(contract.stream, tap.name);
    tap.messages = await consumer.consume();
    void (async () => {
      for await (const m of tap.messages!) {
        tap.received.push(JSON.parse(m.string()) as EventEnvelope<P>);
        m.ack();
      }
    })();
    return tap;
  }

  matching(pred: (e: EventEnvelope<P>) => boolean): EventEnvelope<P>[] {
    return this.received.filter(pred);
  }

  /** Resolves with the first event matching `pred`, or rejects after `timeoutMs`. */
  async waitFor(pred: (e: EventEnvelope<P>) => boolean, timeoutMs = 15_000): Promise<EventEnvelope<P>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = this.received.find(pred);
      if (hit) return hit;
      if (Date.now() > deadline)
        throw new Error(
          `no ${this.contract.type} matching within ${timeoutMs}ms (${this.received.length} others seen)`,
        );
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async close(): Promise<void> {
    this.messages?.stop();
    const jsm = await this.nc.jetstreamManager();
    await jsm.consumers.delete(this.contract.stream, this.name).catch(() => undefined);
    await this.nc.close();
  }
}
