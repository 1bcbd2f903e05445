import { randomUUID } from 'node:crypto';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MongooseModule, getModelToken } from '@nestjs/mongoose';
import { Schema, type Model } from 'mongoose';
import { connect, type JetStreamManager, type NatsConnection } from 'nats';
import { defineEvent, type EventEnvelope } from '@telehealth/contracts';
import { EventTap, MONGO_URI, NATS_URL, rawDb, sleep, waitUntil } from '@telehealth/testing';
import { MessagingModule } from '../../messaging.module';
import { EventingModule } from '../eventing.module';
import { createEvent } from '../create-event';
import { addOutbox, outboxOnInsert, toOutboxEntry, withEvents, type OutboxFields } from '../outbox';
import { OutboxRelay } from '../outbox-relay';

// Test-only event type: in the real EVT_IDENTITY stream, but no real consumer filters it.
const run = randomUUID().slice(0, 8);
const Probe = defineEvent<{ seq: number }>('identity', `it-probe-${run}`, 1, 'test');
const DB = `it_${run}`;
const PROBES = 'Probe';

interface ProbeDoc extends OutboxFields {
  _id: string;
  name: string;
}
const ProbeSchema = new Schema<ProbeDoc>({ _id: String, name: String }, { collection: 'probes', timestamps: true });
addOutbox(ProbeSchema);

@Module({
  imports: [
    MongooseModule.forRoot(MONGO_URI, { dbName: DB }),
    MongooseModule.forFeature([{ name: PROBES, schema: ProbeSchema }]),
    MessagingModule.forRoot({
      service: 'identity',
      natsUrl: NATS_URL,
      rpcTimeoutMs: 2_000,
      faultInjectionEnabled: false,
    }),
    EventingModule.forRoot({
      service: 'identity',
      outboxPollMs: 100,
      maxDeliver: 3,
      retryBaseMs: 50,
      concurrency: 8,
      consumerGroup: `it-${run}`,
    }),
  ],
})
class RelayTestModule {}

interface Running {
  app: INestApplicationContext;
  relay: OutboxRelay;
  probes: Model<ProbeDoc>;
}

async function start(): Promise<Running> {
  const app = await NestFactory.createApplicationContext(RelayTestModule, { logger: false });
  await app.init();
  return { app, relay: app.get(OutboxRelay), probes: app.get<Model<ProbeDoc>>(getModelToken(PROBES)) };
}

const event = (aggregateId: string, seq: number): EventEnvelope<{ seq: number }> =>
  createEvent(Probe, aggregateId, { seq }, { producer: 'identity' });

describe('OutboxRelay (real NATS and database)', () => {
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  let tap: EventTap<{ seq: number }>;
  let db: Awaited<ReturnType<typeof rawDb>>;
  let current: Running | undefined;

  /** Messages JetStream stored on the probe subject (duplicates it dropped are not counted). */
  const storedOnSubject = async (): Promise<number> => {
    const info = await jsm.streams.info(Probe.stream, { subjects_filter: Probe.subject });
    return info.state.subjects?.[Probe.subject] ?? 0;
  };
  const deliveriesOf = (id: string) => tap.matching((e) => e.id === id).length;
  const rawDoc = (id: string) => db.db.collection('probes').findOne({ _id: id as never });
  /** Writes one aggregate per event straight into the collection, as a service would. */
  const insertRaw = (events: EventEnvelope[], outboxAt = new Date()) =>
    db.db
      .collection('probes')
      .insertMany(
        events.map((e) => ({ _id: e.aggregateId as never, name: 'raw', outbox: [toOutboxEntry(e)], outboxAt })),
      );
  const stop = async () => {
    await current?.app.close();
    current = undefined;
  };

  beforeAll(async () => {
    nc = await connect({ servers: NATS_URL });
    jsm = await nc.jetstreamManager();
    tap = await EventTap.open(Probe); // DeliverPolicy.New: opened before anything is written
    db = await rawDb(DB);
    current = await start();
  });

  afterAll(async () => {
    await stop();
    await tap?.close();
    await db?.db.dropDatabase();
    await db?.close();
    await jsm?.streams.purge(Probe.stream, { filter: Probe.subject }).catch(() => undefined);
    await nc?.close();
  });

  describe('for aggregates created and then updated with events', () => {
    const written: EventEnvelope<{ seq: number }>[] = [];
    const snapshots = new Map<string, unknown>();

    beforeAll(async () => {
      const { probes } = current!;
      await Promise.all(
        Array.from({ length: 6 }, async (_, i) => {
          const id = `agg-${i}-${randomUUID()}`;
          const created = [event(id, 0), event(id, 1)];
          const updated = [event(id, 2), event(id, 3)];
          written.push(...created, ...updated);
          await probes.create({ _id: id, name: 'created', ...outboxOnInsert(created) });
          await probes.updateOne({ _id: id }, withEvents<ProbeDoc>({ $set: { name: 'updated' } }, updated));
          snapshots.set(id, await rawDoc(id));
        }),
      );
      await waitUntil(() => written.every((e) => deliveriesOf(e.id) > 0), 'every event on JetStream');
      await sleep(500); // room for a duplicate delivery to show up
    });

    it('delivers every event exactly once', () => {
      expect(written.map((e) => deliveriesOf(e.id))).toEqual(written.map(() => 1));
      expect(tap.received).toHaveLength(written.length);
    });

    it('keeps the order of each aggregate’s events', () => {
      for (const aggregateId of snapshots.keys()) {
        const seqs = tap.matching((e) => e.aggregateId === aggregateId).map((e) => e.payload.seq);
        expect(seqs).toEqual([0, 1, 2, 3]);
      }
    });

    it('never writes the aggregate document (outbox and updatedAt unchanged)', async () => {
      for (const [id, before] of snapshots) {
        const after = await rawDoc(id);
        expect(after).toEqual(before);
        expect(after!.outbox).toEqual(written.filter((e) => e.aggregateId === id).map(toOutboxEntry));
        expect(after!.updatedAt).toBeInstanceOf(Date);
      }
    });

    it('stores a published marker for every event', async () => {
      const ids = written.map((e) => e.id);
      const markers = await db.db
        .collection('outbox_published')
        .find({ _id: { $in: ids as never[] } })
        .toArray();
      expect(markers.map((m) => m._id).sort()).toEqual([...ids].sort());
    });

    it('publishes nothing more when drained again', async () => {
      const stored = await storedOnSubject();
      expect(await current!.relay.drainOnce()).toBe(0);
      await sleep(300);
      expect(await storedOnSubject()).toBe(stored);
      expect(tap.received).toHaveLength(written.length);
    });
  });

  describe('after a crash', () => {
    it('re-publishes an event whose marker was lost, and JetStream drops the duplicate', async () => {
      const e = event(`crash-${randomUUID()}`, 0);
      await current!.probes.create({ _id: e.aggregateId, name: 'x', ...outboxOnInsert([e]) });
      await waitUntil(() => deliveriesOf(e.id) === 1, 'the event on JetStream');
      const stored = await storedOnSubject();

      // Crash after JetStream acked, before the marker (and the cursor) were written.
      await stop();
      await db.db.collection('outbox_published').deleteOne({ _id: e.id as never });
      await db.db.collection('outbox_cursor').deleteMany({});

      current = await start();
      const { relay } = current;
      await waitUntil(() => relay.published === 1, 'the relay to re-publish the unmarked event');
      const marker = () => db.db.collection('outbox_published').countDocuments({ _id: e.id as never });
      await waitUntil(async () => (await marker()) === 1, 'the marker');
      await sleep(500);
      expect(await storedOnSubject()).toBe(stored);
      expect(deliveriesOf(e.id)).toBe(1);
      expect(relay.published).toBe(1); // every other event still had its marker
    });

    it('publishes, once started, events written while no relay ran', async () => {
      await stop();
      const events = [0, 1, 2].map((seq) => event(`offline-${randomUUID()}`, seq));
      await insertRaw(events);
      await sleep(300);
      expect(events.map((e) => deliveriesOf(e.id))).toEqual([0, 0, 0]);

      current = await start();
      const { relay } = current;
      await waitUntil(() => events.every((e) => deliveriesOf(e.id) > 0), 'the offline events on JetStream');
      await sleep(300);
      expect(events.map((e) => deliveriesOf(e.id))).toEqual([1, 1, 1]);
      expect(relay.published).toBe(3);
    });
  });

  describe('for an aggregate that gets a new event long after its old ones', () => {
    it('publishes only the new one, even when the old markers have expired', async () => {
      const id = `old-${randomUUID()}`;
      const first = event(id, 0);
      await current!.probes.create({ _id: id, name: 'x', ...outboxOnInsert([first]) });
      await waitUntil(() => deliveriesOf(first.id) === 1, 'the first event');
      await sleep(2_500); // the cursor moves past the first write (look-back is 2 s)

      // The marker expires (retention) and the relay restarts (its memory of recent ids is gone).
      await stop();
      await db.db.collection('outbox_published').deleteOne({ _id: first.id as never });
      current = await start();
      const second = event(id, 1);
      await current.probes.updateOne({ _id: id }, withEvents<ProbeDoc>({ $set: { name: 'later' } }, [second]));
      await waitUntil(() => deliveriesOf(second.id) === 1, 'the second event');
      await sleep(500);
      expect(deliveriesOf(first.id)).toBe(1);
      expect(current.relay.published).toBe(1);
    });
  });

  describe('for more aggregates stamped in one millisecond than one relay batch', () => {
    it('publishes every event', async () => {
      const events = Array.from({ length: 300 }, (_, seq) => event(`burst-${randomUUID()}`, seq));
      // Written while no relay runs, so it meets them all at once (a slow insert is not the point).
      await stop();
      await insertRaw(events, new Date());
      current = await start();
      const missing = () => events.filter((e) => deliveriesOf(e.id) === 0).length;
      await waitUntil(() => missing() === 0, 'every burst event on JetStream', 30_000).catch((err: Error) => {
        throw new Error(`${err.message}: ${missing()} of ${events.length} never published`);
      });
      await sleep(300);
      expect(events.filter((e) => deliveriesOf(e.id) !== 1)).toEqual([]);
    });
  });
});
