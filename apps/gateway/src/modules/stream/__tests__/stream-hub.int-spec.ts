import { randomUUID } from 'node:crypto';
import { loadConfig } from '@telehealth/config';
import {
  AppointmentStatus,
  NotificationsEvents,
  PaymentEvents,
  SchedulingEvents,
  TeleconsultationEvents,
  type AppointmentEventBase,
  type EventContract,
} from '@telehealth/contracts';
import { NatsClient } from '@telehealth/messaging';
import { NATS_URL, REDIS_URL, publishEvent, waitUntil } from '@telehealth/testing';
import { RedisClient } from '../../../common/redis/redis.provider';
import { GatewayConfig } from '../../../config/gateway.config';
import { StreamConnectionLimit } from '../connection-limit';
import { EventHub, type Subscriber } from '../event-hub';
import { STREAMED_STREAMS, type Positions } from '../stream-cursor';
import type { StreamEvent } from '../stream-routing';

/** A connection that records what the hub offers it. */
class Recorder implements Subscriber {
  readonly got: { stream: string; seq: number; message: StreamEvent }[] = [];
  constructor(
    readonly userId: string,
    readonly doctorId?: string,
  ) {}
  offer(stream: string, seq: number, message: StreamEvent): void {
    this.got.push({ stream, seq, message });
  }
  ids(stream?: string): string[] {
    return this.got.filter((g) => !stream || g.stream === stream).map((g) => g.message.id);
  }
}

const appointmentOf = (patientId: string, doctorId = randomUUID()): AppointmentEventBase =>
  ({
    appointmentId: randomUUID(),
    number: 'APT-1',
    patientId,
    dependentId: null,
    doctorId,
    clinicId: null,
    mode: 'ONLINE',
    start: new Date().toISOString(),
    end: new Date().toISOString(),
    timeZone: 'Africa/Lagos',
    status: AppointmentStatus.PENDING_PAYMENT,
    fee: { amountMinor: 100, currency: 'NGN' },
  }) as AppointmentEventBase;

/** One gateway replica's hub, on the real NATS. */
async function replica(): Promise<{ hub: EventHub; nats: NatsClient }> {
  const nats = new NatsClient({
    service: 'gateway',
    natsUrl: NATS_URL,
    rpcTimeoutMs: 5_000,
    faultInjectionEnabled: false,
  });
  await nats.onModuleInit();
  const hub = new EventHub(nats);
  hub.onApplicationBootstrap();
  await waitUntil(() => hub.isReady(), 'the hub reading every stream');
  return { hub, nats };
}

/** Waits until a hub has handled a stream up to a sequence. */
const reached = (hub: EventHub, positions: () => Positions) =>
  waitUntil(
    () => STREAMED_STREAMS.every((s) => (hub.snapshot()[s] ?? 0) >= (positions()[s] ?? 0)),
    'the hub catching up',
  );

describe('EventHub: one reader per replica, fanned out by owner, replayed from JetStream', () => {
  const replicas: { hub: EventHub; nats: NatsClient }[] = [];

  beforeAll(async () => {
    // The streams exist once a producer has published (here, the test plays each producer).
    for (const contract of [
      SchedulingEvents.appointmentHeld,
      PaymentEvents.refundIssued,
      TeleconsultationEvents.requestCreated,
      NotificationsEvents.notificationCreated,
    ] as EventContract<unknown>[])
      await publishEvent(contract, 'warm-up', {} as never);
    replicas.push(await replica(), await replica());
  }, 30_000);

  afterAll(async () => {
    for (const r of replicas) {
      await r.hub.onApplicationShutdown();
      await r.nats.onApplicationShutdown();
    }
  });

  it('delivers an event to the owner on every replica, and to nobody else', async () => {
    const [one, two] = replicas;
    const patient = randomUUID();
    const doctor = randomUUID();
    const onOne = new Recorder(patient);
    const onTwo = new Recorder(patient);
    const theDoctor = new Recorder(randomUUID(), doctor);
    const someoneElse = new Recorder(randomUUID());
    one.hub.attach(onOne);
    two.hub.attach(onTwo);
    two.hub.attach(theDoctor);
    one.hub.attach(someoneElse);

    const held = await publishEvent(SchedulingEvents.appointmentHeld, 'apt', appointmentOf(patient, doctor));
    await waitUntil(() => onOne.got.length > 0 && onTwo.got.length > 0 && theDoctor.got.length > 0, 'fan-out');
    // (Services of concurrent test runs may answer the booking, e.g. a payment event: scheduling's stream only.)
    const SCHEDULING = SchedulingEvents.appointmentHeld.stream;
    expect([onOne.ids(SCHEDULING), onTwo.ids(SCHEDULING), theDoctor.ids(SCHEDULING)]).toEqual([
      [held.id],
      [held.id],
      [held.id],
    ]);
    // Published after the first: once both hubs are past it, someone else has still had nothing.
    await publishEvent(SchedulingEvents.appointmentHeld, 'apt', appointmentOf(randomUUID()));
    await reached(one.hub, () => two.hub.snapshot());
    expect(someoneElse.got).toEqual([]);
    for (const r of [onOne, someoneElse]) one.hub.detach(r);
    for (const r of [onTwo, theDoctor]) two.hub.detach(r);
  });

  it('replays on another replica exactly what a client missed after its positions, in order', async () => {
    const [one, two] = replicas;
    const patient = randomUUID();
    const from = one.hub.snapshot();
    const missed = [
      await publishEvent(SchedulingEvents.appointmentHeld, 'apt', appointmentOf(patient)),
      await publishEvent(SchedulingEvents.appointmentHeld, 'apt', appointmentOf(randomUUID())),
      await publishEvent(PaymentEvents.appointmentPaymentCompleted, 'pay', {
        paymentId: randomUUID(),
        appointmentId: randomUUID(),
        patientId: patient,
        amount: { amountMinor: 100, currency: 'NGN' },
        method: 'WALLET',
        coveredByInsurance: false,
        reference: 'ref',
      }),
      await publishEvent(SchedulingEvents.appointmentCancelled, 'apt', {
        ...appointmentOf(patient),
        cancelledBy: 'PATIENT',
        reason: 'private',
      } as never),
    ];
    // The client comes back to replica two once it has gone past all of it: only a replay brings it.
    const ends = Object.fromEntries(
      await Promise.all(STREAMED_STREAMS.map(async (s) => [s, (await two.hub.bounds(s)).last] as const)),
    );
    await reached(two.hub, () => ends);
    const client = new Recorder(patient);
    const upTo = two.hub.attach(client);
    const replayed: string[] = [];
    for (const s of STREAMED_STREAMS)
      await two.hub.replay(s, from[s], upTo[s], client, (_seq, m) => replayed.push(m.id));
    // Scheduling's stream first (held, cancelled), then wallet-claims' (the payment); not the other patient's.
    // (Services of concurrent test runs may answer these events for the patient: only ours are compared.)
    expect(replayed.filter((id) => missed.some((m) => m.id === id))).toEqual([
      missed[0].id,
      missed[3].id,
      missed[2].id,
    ]);
    expect(new Set(replayed).size).toBe(replayed.length);
    expect(client.ids().filter((id) => missed.some((m) => m.id === id))).toEqual([]);
    two.hub.detach(client);
  });
});

describe('StreamConnectionLimit: seats per user across replicas (Redis)', () => {
  let redis: RedisClient;
  let limit: StreamConnectionLimit;

  beforeAll(async () => {
    redis = new RedisClient(loadConfig(GatewayConfig, { REDIS_URL }));
    await redis.onModuleInit();
    limit = new StreamConnectionLimit(redis);
  });
  afterAll(() => redis.onApplicationShutdown());

  it('gives exactly the limit of seats to many connections racing for them', async () => {
    const user = randomUUID();
    const taken = await Promise.all(Array.from({ length: 20 }, (_, i) => limit.acquire(user, `c${i}`, 5, 60_000)));
    expect(taken.filter(Boolean)).toHaveLength(5);
    await limit.release(user, `c${taken.indexOf(true)}`);
    expect(await limit.acquire(user, 'late', 5, 60_000)).toBe(true);
    expect(await limit.acquire(user, 'later', 5, 60_000)).toBe(false);
  });

  it('forgets a lease that was not renewed (its replica died)', async () => {
    const user = randomUUID();
    expect(await limit.acquire(user, 'dead', 1, 0)).toBe(true);
    expect(await limit.acquire(user, 'next', 1, 60_000)).toBe(true);
    expect(await limit.acquire(user, 'third', 1, 60_000)).toBe(false);
  });
});
