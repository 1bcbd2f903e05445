import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { AckPolicy, DeliverPolicy, connect, type NatsConnection } from 'nats';
import { loadConfig } from '@telehealth/config';
import {
  ALL_EVENTS,
  AppointmentStatus,
  CallType,
  ConsultationMode,
  ConsultationStatus,
  Role,
  type AppointmentEventBase,
  type Caller,
  type ConsultationEventBase,
} from '@telehealth/contracts';
import type { RequestMeta } from '@telehealth/messaging';
import { EventConsumerHost } from '@telehealth/messaging/eventing';
import { MONGO_URI, NATS_URL, REDIS_URL, SmtpSink, consumerSettled, rawDb, waitUntil } from '@telehealth/testing';
import { NotificationsConfig } from '../config/notifications.config';
import { NotificationsModule } from '../notifications.module';
import { ContactDirectory, type Recipient } from '../modules/recipients/recipients';
import type { QueueContract } from '@telehealth/jobs';
import { NotificationQueues } from '../queues';

/** A contact directory the test fills in (identity's RPC is exercised end to end instead). */
export class FakeContacts extends ContactDirectory {
  readonly people = new Map<string, Recipient>();
  async contact(userId: string): Promise<Recipient | null> {
    return this.people.get(userId) ?? null;
  }
  add(overrides: Partial<Recipient> = {}): Recipient {
    const userId = overrides.userId ?? randomUUID();
    const r: Recipient = {
      userId,
      reachable: true,
      email: `p.${userId.slice(0, 8)}@example.test`,
      phone: '+2348012345678',
      firstName: 'Ngozi',
      lastName: 'Okeke',
      locale: 'en',
      timeZone: 'Africa/Lagos',
      ...overrides,
    };
    this.people.set(userId, r);
    return r;
  }
}

export const callerMeta = (userId: string, roles: Role[] = [Role.PATIENT]): RequestMeta => ({
  requestId: randomUUID(),
  caller: { userId, roles, organisationIds: [] } satisfies Caller,
});

/**
 * A notifications service of the test's own, in-process, on the real NATS, Redis and database,
 * with its own consumers (which start at new events), queue prefix, database and SMTP server.
 */
export class Harness {
  app!: INestApplicationContext;
  readonly contacts = new FakeContacts();
  readonly run = randomUUID().slice(0, 8);
  readonly db = `it_notif_${this.run}`;
  readonly prefix = `it-${this.run}`;
  readonly group = `it-notif-${this.run}`;
  sink!: SmtpSink;
  config!: NotificationsConfig;
  private nc?: NatsConnection;
  private redis?: IORedis;

  constructor(private readonly env: Record<string, string> = {}) {}

  async start(): Promise<this> {
    this.sink = await SmtpSink.start();
    this.config = loadConfig(NotificationsConfig, {
      MONGO_URI,
      MONGO_DB: this.db,
      NATS_URL,
      REDIS_URL,
      QUEUE_PREFIX: this.prefix,
      SMTP_PORT: String(this.sink.port),
      EVENT_RETRY_BASE_MS: '100',
      DELIVERY_ATTEMPTS: '6',
      DELIVERY_BACKOFF_MS: '300',
      LOG_LEVEL: 'warn',
      ...this.env,
    });
    // Durable consumers that start at new events (the host reuses them by name), so a test
    // never replays what other runs left on the shared streams.
    this.nc = await connect({ servers: NATS_URL });
    const jsm = await this.nc.jetstreamManager();
    for (const e of ALL_EVENTS) {
      await jsm.streams
        .info(e.stream)
        .catch(() => jsm.streams.add({ name: e.stream, subjects: [`evt.${e.producer}.>`] }));
      await jsm.consumers.add(e.stream, {
        durable_name: `${this.group}--${e.type.replace(/\./g, '_')}`,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.New,
        filter_subject: e.subject,
        max_deliver: 10,
      });
    }
    await this.boot();
    return this;
  }

  /** Starts the service (again, after stop(): same database, queues and consumers). */
  async boot(): Promise<void> {
    this.app = await NestFactory.createApplicationContext(
      NotificationsModule.forRoot(this.config, {
        consumerGroup: this.group,
        overrides: [{ provide: ContactDirectory, useValue: this.contacts }],
      }),
      { logger: process.env.IT_LOG ? ['log', 'warn', 'error', 'debug'] : ['error'] },
    );
    this.app.enableShutdownHooks();
    await this.app.init();
  }

  async stopService(): Promise<void> {
    await this.app.close();
  }

  get<T>(type: new (...args: never[]) => T): T {
    return this.app.get(type);
  }

  queue(contract: QueueContract<unknown>): Queue {
    this.redis ??= new IORedis(REDIS_URL, { maxRetriesPerRequest: null });
    return new Queue(contract.name, { connection: this.redis, prefix: this.prefix });
  }

  /** Waits until the service's consumer of `type` acknowledged everything published so far. */
  async settled(type: string): Promise<void> {
    const contract = ALL_EVENTS.find((e) => e.type === type)!;
    await consumerSettled(contract, this.get(EventConsumerHost).consumerName(contract));
  }

  /** Waits until no channel job is waiting or running (delayed ones stay). */
  async drained(): Promise<void> {
    const queues = [NotificationQueues.email, NotificationQueues.sms, NotificationQueues.push].map((q) =>
      this.queue(q),
    );
    await waitUntil(async () => {
      for (const q of queues) {
        const c = await q.getJobCounts('waiting', 'active', 'prioritized');
        if ((c.waiting ?? 0) + (c.active ?? 0) + (c.prioritized ?? 0) > 0) return false;
      }
      return true;
    }, 'the channel queues to drain');
  }

  async deliveries(filter: Record<string, unknown>): Promise<any[]> {
    const { db, close } = await rawDb(this.db);
    try {
      return await db.collection('deliveries').find(filter).toArray();
    } finally {
      await close();
    }
  }

  async close(): Promise<void> {
    await this.app?.close().catch(() => undefined);
    await this.sink?.stop();
    const jsm = await this.nc?.jetstreamManager();
    for (const e of ALL_EVENTS) {
      await jsm?.consumers.delete(e.stream, `${this.group}--${e.type.replace(/\./g, '_')}`).catch(() => undefined);
    }
    await this.nc?.close();
    if (this.redis) {
      const keys = await this.redis.keys(`${this.prefix}:*`);
      if (keys.length) await this.redis.del(...keys);
      await this.redis.quit();
    }
    const { db, close } = await rawDb(this.db);
    await db.dropDatabase();
    await close();
  }
}

/** An appointment event payload (scheduling's shape). */
export function appointment(overrides: Partial<AppointmentEventBase> = {}): AppointmentEventBase {
  const start = overrides.start ?? new Date(Date.now() + 48 * 3_600_000).toISOString();
  return {
    appointmentId: randomUUID(),
    number: `APT${Date.now()}`,
    patientId: randomUUID(),
    dependentId: null,
    doctorId: randomUUID(),
    clinicId: null,
    mode: ConsultationMode.ONLINE,
    start,
    end: new Date(Date.parse(start) + 30 * 60_000).toISOString(),
    timeZone: 'Africa/Lagos',
    status: AppointmentStatus.CONFIRMED,
    fee: { amountMinor: 1_500_000, currency: 'NGN' },
    ...overrides,
  };
}

/** A consultation event payload (teleconsultation's shape): a video session two hours ahead. */
export function consultation(overrides: Partial<ConsultationEventBase> = {}): ConsultationEventBase {
  const scheduledStart = overrides.scheduledStart ?? new Date(Date.now() + 2 * 3_600_000).toISOString();
  return {
    consultationId: randomUUID(),
    number: `VC-${Date.now()}`,
    appointmentId: randomUUID(),
    requestId: null,
    doctorId: randomUUID(),
    patientId: randomUUID(),
    dependentId: null,
    callType: CallType.VIDEO,
    status: ConsultationStatus.SCHEDULED,
    scheduledStart,
    scheduledEnd: new Date(Date.parse(scheduledStart) + 30 * 60_000).toISOString(),
    ...overrides,
  };
}
