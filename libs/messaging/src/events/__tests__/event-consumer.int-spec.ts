import { randomUUID } from 'node:crypto';
import { Injectable, Module, type INestApplicationContext, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MongooseModule, getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { connect, type JetStreamClient, type JetStreamManager, type NatsConnection } from 'nats';
import { defineEvent, type EventContract, type EventEnvelope } from '@telehealth/contracts';
import { MONGO_URI, NATS_URL, rawDb, sleep, waitUntil } from '@telehealth/testing';
import { MessagingModule } from '../../messaging.module';
import { EventingModule } from '../eventing.module';
import { createEvent } from '../create-event';
import { EventConsumerHost } from '../event-consumer.host';
import { PARKED_MODEL } from '../inbox.schema';
import { OnEvent } from '../on-event.decorator';

// Test-only event types: in the real EVT_IDENTITY stream, but no real consumer filters them.
const run = randomUUID().slice(0, 8);
const Probe = defineEvent<{ n: number }>('identity', `it-probe-${run}`, 1, 'test');
const Shared = defineEvent<{ n: number }>('identity', `it-probe-${run}-shared`, 1, 'test');
const Laned = defineEvent<{ n: number }>('identity', `it-probe-${run}-laned`, 1, 'test');
const Leased = defineEvent<{ n: number }>('identity', `it-probe-${run}-leased`, 1, 'test');
const DB = `it_${run}`;
const MAX_DELIVER = 3;
const RETRY_BASE_MS = 50;
const LEASE_MS = 1_000;

/** Records every handler call; throws for the event ids in `failing`. */
class Recorder {
  readonly calls: { id: string; at: number }[] = [];
  readonly failing = new Set<string>();

  protected record(e: EventEnvelope): void {
    this.calls.push({ id: e.id, at: Date.now() });
    if (this.failing.has(e.id)) throw new Error(`handler failed for ${e.id}`);
  }
  callsOf(id: string): number {
    return this.calls.filter((c) => c.id === id).length;
  }
}

@Injectable()
class ProbeHandler extends Recorder {
  @OnEvent(Probe)
  async onProbe(e: EventEnvelope<{ n: number }>): Promise<void> {
    this.record(e);
  }
}

@Injectable()
class SharedHandler extends Recorder {
  @OnEvent(Shared)
  async onShared(e: EventEnvelope<{ n: number }>): Promise<void> {
    await new Promise((r) => setTimeout(r, 5));
    this.record(e);
  }
}

/** Takes 40 ms per event and records when each ran. */
@Injectable()
class SlowHandler extends Recorder {
  readonly spans: { aggregate: string; n: number; from: number; to: number }[] = [];
  @OnEvent(Laned)
  async onLaned(e: EventEnvelope<{ n: number }>): Promise<void> {
    const from = Date.now();
    await new Promise((r) => setTimeout(r, 40));
    this.spans.push({ aggregate: e.aggregateId, n: e.payload.n, from, to: Date.now() });
    this.record(e);
  }
}

/** Takes longer than the short lease the lease tests run with. */
@Injectable()
class OutlastingHandler extends Recorder {
  @OnEvent(Leased)
  async onLeased(e: EventEnvelope<{ n: number }>): Promise<void> {
    await new Promise((r) => setTimeout(r, 3 * LEASE_MS));
    this.record(e);
  }
}

function appModule(handler: Type<Recorder>, leaseMs?: number): Type<unknown> {
  @Module({
    imports: [
      MongooseModule.forRoot(MONGO_URI, { dbName: DB }),
      MessagingModule.forRoot({
        service: 'identity',
        natsUrl: NATS_URL,
        rpcTimeoutMs: 2_000,
        faultInjectionEnabled: false,
      }),
      EventingModule.forRoot({
        service: 'identity',
        outboxPollMs: 100,
        maxDeliver: MAX_DELIVER,
        retryBaseMs: RETRY_BASE_MS,
        concurrency: 8,
        consumerGroup: `it-${run}`,
        leaseMs,
      }),
    ],
    providers: [handler],
  })
  class ConsumerTestModule {}
  return ConsumerTestModule;
}

async function start<R extends Recorder>(handler: Type<R>, leaseMs?: number) {
  const app = await NestFactory.createApplicationContext(appModule(handler, leaseMs), { logger: false });
  await app.init();
  return { app, host: app.get(EventConsumerHost), recorder: app.get(handler) };
}

describe('EventConsumerHost (real NATS and database)', () => {
  let nc: NatsConnection;
  let js: JetStreamClient;
  let jsm: JetStreamManager;
  let db: Awaited<ReturnType<typeof rawDb>>;
  const apps: INestApplicationContext[] = [];
  const consumers = new Set<string>();

  /** Publishes the envelope as its own stream message; returns its stream sequence. */
  const publish = async (contract: EventContract<unknown>, e: EventEnvelope, msgID = e.id): Promise<number> =>
    (await js.publish(contract.subject, JSON.stringify(e), { msgID })).seq;

  /** Waits until the durable consumer has acked (or terminated) everything up to `seq`. */
  const settled = (consumer: string, seq: number, timeoutMs?: number) =>
    waitUntil(
      async () => (await jsm.consumers.info(Probe.stream, consumer)).ack_floor.stream_seq >= seq,
      `${consumer} at ${seq}`,
      timeoutMs,
    );

  const inbox = (eventIds: string[]) =>
    db.db
      .collection('event_inbox')
      .find({ eventId: { $in: eventIds } })
      .toArray();

  beforeAll(async () => {
    nc = await connect({ servers: NATS_URL });
    js = nc.jetstream();
    jsm = await nc.jetstreamManager();
    db = await rawDb(DB);
  });

  afterAll(async () => {
    for (const app of apps) await app.close();
    for (const name of consumers) await jsm?.consumers.delete(Probe.stream, name).catch(() => undefined);
    for (const c of [Probe, Shared, Laned, Leased])
      await jsm?.streams.purge(c.stream, { filter: c.subject }).catch(() => undefined);
    await db?.db.dropDatabase();
    await db?.close();
    await nc?.close();
  });

  describe('one host', () => {
    let app: INestApplicationContext;
    let host: EventConsumerHost;
    let recorder: ProbeHandler;
    let consumer: string;

    beforeAll(async () => {
      const started = await start(ProbeHandler);
      apps.push(started.app);
      ({ app, host, recorder } = started);
      consumer = host.consumerName(Probe);
      consumers.add(consumer);
    });

    it('applies a redelivered event (same envelope, another message) once', async () => {
      const e = createEvent(Probe, randomUUID(), { n: 1 }, { producer: 'identity' });
      await publish(Probe, e, `${e.id}-first`);
      const seq = await publish(Probe, e, `${e.id}-again`);
      await settled(consumer, seq);

      expect(recorder.callsOf(e.id)).toBe(1);
      const entries = await inbox([e.id]);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ _id: `${consumer}:${e.id}`, status: 'done' });
    });

    it('applies each of 20 distinct events once', async () => {
      const events = Array.from({ length: 20 }, (_, n) =>
        createEvent(Probe, randomUUID(), { n }, { producer: 'identity' }),
      );
      let seq = 0;
      for (const e of events) seq = await publish(Probe, e);
      await settled(consumer, seq);

      expect(events.map((e) => recorder.callsOf(e.id))).toEqual(events.map(() => 1));
      const entries = await inbox(events.map((e) => e.id));
      expect(entries.map((x) => x.status)).toEqual(events.map(() => 'done'));
    });

    it('retries a failing handler with backoff, parks it, and a replay applies it once', async () => {
      const e = createEvent(Probe, randomUUID(), { n: 99 }, { producer: 'identity' });
      recorder.failing.add(e.id);
      const seq = await publish(Probe, e);
      await settled(consumer, seq); // terminated after the last attempt

      const attempts = recorder.calls.filter((c) => c.id === e.id).map((c) => c.at);
      expect(attempts).toHaveLength(MAX_DELIVER);
      expect(attempts[1] - attempts[0]).toBeGreaterThanOrEqual(RETRY_BASE_MS);
      expect(attempts[2] - attempts[1]).toBeGreaterThanOrEqual(RETRY_BASE_MS * 2);

      const page = await host.listParked({ page: 1, limit: 10 });
      const parked = page.items.find((p) => p.eventId === e.id);
      expect(parked).toMatchObject({
        consumer,
        eventType: Probe.type,
        attempts: MAX_DELIVER,
        lastError: `handler failed for ${e.id}`,
        envelope: e,
      });
      await sleep(300);
      expect(recorder.callsOf(e.id)).toBe(MAX_DELIVER); // no delivery after parking

      recorder.failing.delete(e.id);
      expect(await host.replayParked(parked!.id)).toEqual({ id: parked!.id, applied: true, outcome: 'APPLIED' });
      expect(recorder.callsOf(e.id)).toBe(MAX_DELIVER + 1);
      expect((await inbox([e.id]))[0]).toMatchObject({ status: 'done' });

      expect(await host.replayParked(parked!.id)).toEqual({
        id: parked!.id,
        applied: false,
        outcome: 'ALREADY_APPLIED',
      });
      expect(recorder.callsOf(e.id)).toBe(MAX_DELIVER + 1);
    });

    it('keeps consuming when parking an event fails for a moment', async () => {
      const parkedModel = app.get<Model<unknown>>(getModelToken(PARKED_MODEL));
      const outage = jest.spyOn(parkedModel, 'updateOne').mockRejectedValueOnce(new Error('database unavailable'));
      const bad = createEvent(Probe, randomUUID(), { n: -1 }, { producer: 'identity' });
      const good = createEvent(Probe, randomUUID(), { n: 1 }, { producer: 'identity' });
      recorder.failing.add(bad.id);
      await publish(Probe, bad);
      const seq = await publish(Probe, good);
      await settled(consumer, seq);

      expect(recorder.callsOf(good.id)).toBe(1);
      const parked = await host.listParked({ page: 1, limit: 10 });
      expect(parked.items.find((p) => p.eventId === bad.id)).toMatchObject({
        lastError: `handler failed for ${bad.id}`,
      });
      outage.mockRestore();
    });
  });

  describe('concurrency', () => {
    it('handles events of different aggregates side by side, those of one aggregate one at a time in order', async () => {
      const { app, host, recorder } = await start(SlowHandler);
      apps.push(app);
      const consumer = host.consumerName(Laned);
      consumers.add(consumer);
      const aggregates = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
      let seq = 0;
      for (let n = 0; n < 5; n++)
        for (const a of aggregates) seq = await publish(Laned, createEvent(Laned, a, { n }, { producer: 'identity' }));
      await settled(consumer, seq);

      const spans = recorder.spans;
      expect(spans).toHaveLength(20);
      for (const a of aggregates) {
        const mine = spans.filter((x) => x.aggregate === a).sort((x, y) => x.from - y.from);
        expect(mine.map((x) => x.n)).toEqual([0, 1, 2, 3, 4]);
        for (let i = 1; i < mine.length; i++) expect(mine[i].from).toBeGreaterThanOrEqual(mine[i - 1].to);
      }
      // Some two of different aggregates overlapped in time.
      const overlapped = spans.some((x) =>
        spans.some((y) => y.aggregate !== x.aggregate && y.from < x.to && x.from < y.to),
      );
      expect(overlapped).toBe(true);
    });
  });

  describe('two hosts sharing the durable consumer', () => {
    it('apply each event exactly once in total, even when every event arrives twice', async () => {
      const a = await start(SharedHandler);
      apps.push(a.app);
      const consumer = a.host.consumerName(Shared);
      consumers.add(consumer);
      const b = await start(SharedHandler);
      apps.push(b.app);

      const events = Array.from({ length: 12 }, (_, n) =>
        createEvent(Shared, randomUUID(), { n }, { producer: 'identity' }),
      );
      let seq = 0;
      for (const e of events) {
        await publish(Shared, e, `${e.id}-1`);
        seq = await publish(Shared, e, `${e.id}-2`); // as a redelivery would
      }
      // A copy that met its twin in flight is busy: it comes back after a quarter lease.
      await settled(consumer, seq, 40_000);

      const total = (id: string) => a.recorder.callsOf(id) + b.recorder.callsOf(id);
      expect(events.map((e) => total(e.id))).toEqual(events.map(() => 1));
      const entries = await inbox(events.map((e) => e.id));
      expect(entries).toHaveLength(events.length);
      expect(entries.every((x) => x.status === 'done')).toBe(true);
    });
  });

  describe('the lease on an event in hand', () => {
    let consumer: string;
    let a: Awaited<ReturnType<typeof start<OutlastingHandler>>>;
    let b: Awaited<ReturnType<typeof start<OutlastingHandler>>>;

    beforeAll(async () => {
      a = await start(OutlastingHandler, LEASE_MS);
      apps.push(a.app);
      consumer = a.host.consumerName(Leased);
      consumers.add(consumer);
    });

    it('is renewed while the handler runs: a handler three leases long is not taken over by another replica', async () => {
      b = await start(OutlastingHandler, LEASE_MS);
      apps.push(b.app);
      const e = createEvent(Leased, randomUUID(), { n: 1 }, { producer: 'identity' });
      const seq = await publish(Leased, e);
      await settled(consumer, seq, 20_000);
      expect(a.recorder.callsOf(e.id) + b.recorder.callsOf(e.id)).toBe(1);
      const [entry] = await inbox([e.id]);
      expect(entry).toMatchObject({ status: 'done', attempts: 1 });
    });

    it('lapses when its holder stops without settling: the event is taken over within a few leases, not minutes', async () => {
      await b.app.close();
      await a.app.close();
      // A process that took the delivery and claimed the event, then died: nothing acks, nothing renews.
      const e = createEvent(Leased, randomUUID(), { n: 2 }, { producer: 'identity' });
      const seq = await publish(Leased, e);
      const dead = await (await js.consumers.get(Leased.stream, consumer)).next({ expires: 5_000 });
      expect(dead?.seq).toBe(seq);
      await db.db.collection('event_inbox').insertOne({
        _id: `${consumer}:${e.id}`,
        consumer,
        eventId: e.id,
        eventType: e.type,
        status: 'processing',
        leaseUntil: new Date(Date.now() + LEASE_MS),
        attempts: 1,
      } as never);
      const restarted = await start(OutlastingHandler, LEASE_MS);
      apps.push(restarted.app);
      // A lease for the delivery and the claim, three for the handler, and slack; a minute-long lease misses it.
      await settled(consumer, seq, 15 * LEASE_MS);
      expect(restarted.recorder.callsOf(e.id)).toBe(1);
      const [entry] = await inbox([e.id]);
      expect(entry).toMatchObject({ status: 'done', attempts: 2 });
    });
  });
});
