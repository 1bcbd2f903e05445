import { randomUUID } from 'node:crypto';
import {
  Injectable,
  Module,
  type ConsoleLogger,
  type INestApplicationContext,
  type OnApplicationShutdown,
  type Provider,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue, Worker } from 'bullmq';
import IORedis from 'ioredis';
import { REDIS_URL, waitUntil } from '@telehealth/testing';
import {
  InjectQueue,
  JobQueue,
  JobSweep,
  JobsConfigurationError,
  JobsHost,
  JobsModule,
  OnJob,
  defineQueue,
  type Job,
  type QueueRegistration,
} from '../index';

/** This file's own key prefix, away from any running service; its keys are removed afterwards. */
const PREFIX = `it-jobs-${randomUUID().slice(0, 8)}`;

interface Ping {
  id: string;
}
const pings = defineQueue<Ping>('test-pings');
const others = defineQueue<Ping>('test-others');

/** Every log line of an app, by level. */
class Captured {
  readonly lines: { level: string; message: string }[] = [];
  private add = (level: string) => (message: unknown) => void this.lines.push({ level, message: String(message) });
  log = this.add('log');
  warn = this.add('warn');
  error = this.add('error');
  debug = this.add('debug');
  verbose = this.add('verbose');
  fatal = this.add('fatal');
  has(level: string, pattern: RegExp): boolean {
    return this.lines.some((l) => l.level === level && pattern.test(l.message));
  }
}

/** Records what ran, in order (a stand-in for the use cases a handler calls). */
@Injectable()
class Journal {
  readonly entries: string[] = [];
  failNext = 0;
  /** When set, a handler waits for it before finishing. */
  gate: Promise<void> | null = null;
}

@Injectable()
class PingHandler {
  constructor(private readonly journal: Journal) {}

  @OnJob(pings)
  async run(job: Job<Ping>): Promise<void> {
    this.journal.entries.push(`start ${job.data.id}`);
    if (this.journal.gate) await this.journal.gate;
    if (this.journal.failNext > 0) {
      this.journal.failNext--;
      throw new Error(`ping ${job.data.id} failed on purpose`);
    }
    this.journal.entries.push(`done ${job.data.id}`);
  }
}

@Injectable()
class SecondPingHandler {
  @OnJob(pings)
  async run(): Promise<void> {
    throw new Error('never runs: the app does not start');
  }
}

/** A sweep that re-adds the job the "database" says should exist. */
@Injectable()
class PingSweep {
  static lost: string[] = [];
  static fail = false;
  constructor(@InjectQueue(pings) private readonly queue: JobQueue<Ping>) {}

  @JobSweep(pings)
  async sweep(): Promise<number> {
    if (PingSweep.fail) throw new Error('database unavailable');
    for (const id of PingSweep.lost) await this.queue.ensure(`ping-${id}`, { id });
    return PingSweep.lost.length;
  }
}

/** A stand-in for the database connection: closes in the second shutdown phase. */
@Injectable()
class Database implements OnApplicationShutdown {
  constructor(private readonly journal: Journal) {}
  onApplicationShutdown(): void {
    this.journal.entries.push('database closed');
  }
}

/** Keeps the host, so a test can close its connections even when the app refused to start. */
let lastHost: JobsHost | undefined;
const keepHost: Provider = {
  provide: 'keep-host',
  useFactory: (h: JobsHost) => {
    lastHost = h;
    return {};
  },
  inject: [JobsHost],
};

async function start(
  registrations: QueueRegistration[],
  providers: Provider[],
  logger = new Captured(),
  /** Registrations of another module of the app. */
  more: QueueRegistration[] = [],
): Promise<INestApplicationContext> {
  @Module({ imports: [JobsModule.forFeature(more)] })
  class OtherFeature {}
  @Module({
    imports: [
      JobsModule.forRoot({ REDIS_URL, QUEUE_PREFIX: PREFIX }),
      JobsModule.forFeature(registrations),
      OtherFeature,
    ],
    providers: [Journal, Database, keepHost, ...providers],
  })
  class TestApp {}
  return NestFactory.createApplicationContext(TestApp, {
    logger: logger as unknown as ConsoleLogger,
    abortOnError: false,
  });
}

/** Starting is expected to fail: returns the error and closes what was opened. */
async function refused(
  registrations: QueueRegistration[],
  providers: Provider[],
  more: QueueRegistration[] = [],
): Promise<Error> {
  lastHost = undefined;
  const err = await start(registrations, providers, new Captured(), more).then(
    () => new Error('the app started'),
    (e: Error) => e,
  );
  await (lastHost as JobsHost | undefined)?.onApplicationShutdown();
  return err;
}

let redis: IORedis;
beforeAll(() => {
  redis = new IORedis(REDIS_URL, { maxRetriesPerRequest: null });
});
afterAll(async () => {
  const keys = await redis.keys(`${PREFIX}:*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
});

describe('JobsModule: the app refuses to start when queues and handlers do not match', () => {
  it('a registered queue without a handler: the error names the queue', async () => {
    const err = await refused([{ queue: pings }, { queue: others }], [PingHandler]);
    expect(err).toBeInstanceOf(JobsConfigurationError);
    expect(err.message).toMatch(/queue test-others has no handler/);
    expect(err.message).not.toMatch(/test-pings/);
  });

  it('a queue with two handlers: the error names the queue and both handlers', async () => {
    const err = await refused([{ queue: pings }], [PingHandler, SecondPingHandler]);
    expect(err).toBeInstanceOf(JobsConfigurationError);
    expect(err.message).toMatch(/queue test-pings has 2 handlers \(PingHandler.run, SecondPingHandler.run\)/);
  });

  it('a handler of a queue nobody registered, and a queue registered by two modules', async () => {
    expect((await refused([], [PingHandler])).message).toMatch(/queue test-pings is not registered/);
    const twice = await refused([{ queue: pings }], [PingHandler], [{ queue: pings }]);
    expect(twice).toBeInstanceOf(JobsConfigurationError);
    expect(twice.message).toMatch(/queue test-pings is registered twice/);
  });
});

describe('JobsModule on Redis', () => {
  let app: INestApplicationContext | undefined;
  let logger: Captured;
  let journal: Journal;
  let queue: JobQueue<Ping>;

  const boot = async (providers: Provider[] = [PingHandler], attempts = 1) => {
    logger = new Captured();
    app = await start([{ queue: pings, jobs: { attempts, backoffMs: 50, removeOnFail: 100 } }], providers, logger);
    journal = app.get(Journal);
    queue = app.get(JobsHost).queue(pings);
  };
  afterEach(async () => {
    await app?.close();
    app = undefined;
    PingSweep.lost = [];
    PingSweep.fail = false;
  });

  it('runs a delayed job once per job id: adding it again while it waits changes nothing', async () => {
    await boot();
    const id = randomUUID();
    await queue.add(`ping-${id}`, { id }, { delayMs: 300 });
    await queue.add(`ping-${id}`, { id: 'a second add' }, { delayMs: 0 });
    expect((await queue.get(`ping-${id}`))!.data).toEqual({ id });
    expect(await (await queue.get(`ping-${id}`))!.getState()).toBe('delayed');
    await waitUntil(() => journal.entries.includes(`done ${id}`), 'the job to run');
    await waitUntil(async () => (await queue.get(`ping-${id}`)) === undefined, 'the job to leave Redis');
    expect(journal.entries.filter((e) => e.startsWith('start'))).toEqual([`start ${id}`]);
  });

  it('runs a job added before the library existed (its own job name and options, the same queue, prefix and id)', async () => {
    // Left in Redis by the previous version while no service ran.
    const id = randomUUID();
    const old = new Queue(pings.name, { connection: redis, prefix: PREFIX });
    await old.add('remind', { id }, { jobId: `ping-${id}`, attempts: 5, removeOnComplete: true });
    await old.close();
    await boot();
    await waitUntil(() => journal.entries.includes(`done ${id}`), 'the old job to run');
  });

  it('ensure adds a missing job, leaves a waiting one, and runs a failed one again', async () => {
    await boot();
    journal.failNext = 1;
    const id = randomUUID();
    expect(await queue.ensure(`ping-${id}`, { id })).toBe('added');
    await waitUntil(async () => (await (await queue.get(`ping-${id}`))?.getState()) === 'failed', 'the job to fail');
    expect(await queue.ensure(`ping-${id}`, { id })).toBe('retried');
    await waitUntil(() => journal.entries.includes(`done ${id}`), 'the retried job to run');
    const later = randomUUID();
    await queue.add(`ping-${later}`, { id: later }, { at: new Date(Date.now() + 600_000) });
    expect(await queue.ensure(`ping-${later}`, { id: later })).toBe('present');
    expect(await queue.remove(`ping-${later}`)).toBe(true);
    expect(await queue.get(`ping-${later}`)).toBeUndefined();
  });

  it('the worker logs a failed attempt, and an `error` (a lost Redis connection) is logged instead of crashing', async () => {
    await boot([PingHandler], 2);
    journal.failNext = 1;
    const id = randomUUID();
    await queue.add(`ping-${id}`, { id });
    await waitUntil(() => journal.entries.includes(`done ${id}`), 'the second attempt');
    expect(
      logger.has('warn', new RegExp(`test-pings: job ping-${id} attempt 1/2 failed: ping ${id} failed on purpose`)),
    ).toBe(true);
    const worker = app!.get(JobsHost).worker(pings)!;
    expect(worker).toBeInstanceOf(Worker);
    // Without a listener, EventEmitter throws an `error` event at whoever emitted it: the process dies.
    expect(() => worker.emit('error', new Error('connect ECONNREFUSED 127.0.0.1:6379'))).not.toThrow();
    expect(logger.has('error', /test-pings worker: connect ECONNREFUSED/)).toBe(true);
  });

  it('the start-up sweep re-adds a lost job, which then runs; a failing sweep is logged and the app still starts', async () => {
    const id = randomUUID();
    PingSweep.lost = [id];
    await boot([PingHandler, PingSweep]);
    await waitUntil(() => journal.entries.includes(`done ${id}`), 'the swept job to run');
    expect(logger.has('log', /test-pings: start-up sweep ensured 1 job\(s\)/)).toBe(true);
    await app!.close();

    PingSweep.fail = true;
    await boot([PingHandler, PingSweep]);
    await waitUntil(
      () => logger.has('error', /test-pings: start-up sweep failed: database unavailable/),
      'the logged failure',
    );
    const next = randomUUID();
    await queue.add(`ping-${next}`, { id: next });
    await waitUntil(() => journal.entries.includes(`done ${next}`), 'jobs to run all the same');
  });

  it('shutdown: the job in hand finishes while the database is open; then the Redis connections close', async () => {
    await boot();
    let release!: () => void;
    journal.gate = new Promise((resolve) => (release = resolve));
    const id = randomUUID();
    await queue.add(`ping-${id}`, { id });
    await waitUntil(() => journal.entries.includes(`start ${id}`), 'the job to be in hand');
    // The handler may finish only once shutdown has begun closing the worker.
    const close = Worker.prototype.close;
    const spy = jest.spyOn(Worker.prototype, 'close').mockImplementation(function (this: Worker, force?: boolean) {
      release();
      return close.call(this, force);
    });
    const host = app!.get(JobsHost);
    const connections = [
      (host as unknown as { connection: IORedis }).connection,
      ...[...(host as unknown as { workers: Map<string, { connection: IORedis }> }).workers.values()].map(
        (w) => w.connection,
      ),
    ];
    try {
      await app!.close();
    } finally {
      spy.mockRestore();
    }
    app = undefined;
    expect(journal.entries.slice(-2)).toEqual([`done ${id}`, 'database closed']);
    expect(await redis.exists(`${PREFIX}:test-pings:ping-${id}`)).toBe(0); // completed, not left active
    await waitUntil(() => connections.every((c) => c.status === 'end'), 'the Redis connections to end');
  });
});
