import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type LoggerService,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { Queue, Worker, type Job } from 'bullmq';
import IORedis from 'ioredis';
import type { JobsConfig } from '@telehealth/config';
import { JOB_SWEEP, ON_JOB, type JobMetadata } from './on-job.decorator';
import { JobQueue, type QueueContract, type QueueRegistration, type WorkerSettings } from './queue';

export const JOBS_CONFIG = Symbol('JOBS_CONFIG');

type Handler = (job: Job<unknown>) => Promise<unknown>;
type Sweep = () => Promise<number>;
interface Found<F> {
  fn: F;
  /** `Class.method`, for error messages. */
  where: string;
}

/** The app's queues, handlers and sweeps do not match: the app does not start. */
export class JobsConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Jobs cannot start:\n  - ${problems.join('\n  - ')}`);
  }
}

/**
 * Checks that every registered queue has one handler (none when registered without a worker),
 * at most one start-up sweep, and that every handler and sweep belongs to a registered queue.
 * Returns the problems, each naming its queue.
 */
export function jobsProblems(
  registrations: QueueRegistration[],
  handlers: Map<string, Found<unknown>[]>,
  sweeps: Map<string, Found<unknown>[]>,
): string[] {
  const problems: string[] = [];
  const registered = new Map(registrations.map((r) => [r.queue.name, r]));
  for (const r of registrations) {
    const found = handlers.get(r.queue.name) ?? [];
    const where = found.map((h) => h.where).join(', ');
    if (r.worker === false) {
      if (found.length)
        problems.push(`queue ${r.queue.name} is registered without a worker but has a handler: ${where}`);
    } else if (!found.length) {
      problems.push(`queue ${r.queue.name} has no handler: give one provider method @OnJob(<its contract>)`);
    } else if (found.length > 1) {
      problems.push(`queue ${r.queue.name} has ${found.length} handlers (${where}): keep one`);
    }
    const sweepers = sweeps.get(r.queue.name) ?? [];
    if (sweepers.length > 1)
      problems.push(
        `queue ${r.queue.name} has ${sweepers.length} start-up sweeps (${sweepers.map((s) => s.where).join(', ')}): keep one`,
      );
  }
  for (const [kind, map] of [
    ['@OnJob', handlers],
    ['@JobSweep', sweeps],
  ] as const) {
    for (const [name, found] of map) {
      if (!registered.has(name))
        problems.push(
          `queue ${name} is not registered (JobsModule.forFeature) but ${kind} ${found.map((f) => f.where).join(', ')} uses it`,
        );
    }
  }
  return problems;
}

/** Starts a queue's worker, with its `failed` and `error` listeners (an unheard `error` would crash the process). */
export function startWorker(
  name: string,
  handler: Handler,
  options: { connection: IORedis; prefix: string; settings: WorkerSettings; logger: LoggerService },
): Worker {
  const { connection, prefix, settings, logger } = options;
  const worker = new Worker(name, (job) => handler(job), {
    connection,
    prefix,
    concurrency: settings.concurrency ?? 1,
    ...(settings.limiter ? { limiter: settings.limiter } : {}),
  });
  worker.on('failed', (job, err) =>
    logger.warn(
      `${name}: job ${job?.id} attempt ${job?.attemptsMade ?? '?'}/${job?.opts.attempts ?? 1} failed: ${err.message}`,
    ),
  );
  // Connection errors are retried by ioredis; the worker reports them here.
  worker.on('error', (err) => logger.error(`${name} worker: ${err.message}`));
  return worker;
}

/**
 * The app's BullMQ queues on one Redis connection, under QUEUE_PREFIX: registers them (from
 * `JobsModule.forFeature`), finds their `@OnJob` handlers and `@JobSweep`s, refuses to start
 * when they do not match, runs one worker per queue and each sweep once. Shuts down in two
 * phases: workers finish the jobs in hand before the app's connections close
 * (`beforeApplicationShutdown`), then the queues and Redis connections close.
 */
@Injectable()
export class JobsHost
  implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly logger = new Logger('Jobs');
  /** Opened with the first queue: an app that registers none never connects. */
  private connection?: IORedis;
  private readonly queues = new Map<
    string,
    { registration: QueueRegistration; queue: Queue; typed: JobQueue<unknown> }
  >();
  private readonly handlers = new Map<string, Found<Handler>[]>();
  private readonly sweeps = new Map<string, Found<Sweep>[]>();
  private readonly workers = new Map<string, { worker: Worker; connection: IORedis }>();
  private readonly sweeping: Promise<void>[] = [];

  constructor(
    @Inject(JOBS_CONFIG) private readonly config: JobsConfig,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  private redis(): IORedis {
    this.connection ??= new IORedis(this.config.REDIS_URL, { maxRetriesPerRequest: null });
    return this.connection;
  }

  /** Registers a queue (once per app) and returns its typed handle. */
  register<P>(registration: QueueRegistration<P>): JobQueue<P> {
    const { name } = registration.queue;
    if (this.queues.has(name)) throw new JobsConfigurationError([`queue ${name} is registered twice`]);
    const queue = new Queue(name, { connection: this.redis(), prefix: this.config.QUEUE_PREFIX });
    queue.on('error', (err) => this.logger.error(`${name} queue: ${err.message}`));
    const typed = new JobQueue<unknown>(queue, registration.jobs ?? {});
    this.queues.set(name, { registration: registration as QueueRegistration, queue, typed });
    return typed as JobQueue<P>;
  }

  /** The handle of a registered queue. */
  queue<P>(contract: QueueContract<P>): JobQueue<P> {
    const entry = this.queues.get(contract.name);
    if (!entry) throw new JobsConfigurationError([`queue ${contract.name} is not registered`]);
    return entry.typed as JobQueue<P>;
  }

  /** The running worker of a queue (tests and operators). */
  worker(contract: QueueContract<unknown>): Worker | undefined {
    return this.workers.get(contract.name)?.worker;
  }

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const fn = instance[method] as (...args: never[]) => Promise<unknown>;
        const where = `${prototype.constructor.name}.${method}`;
        for (const [key, map] of [
          [ON_JOB, this.handlers as Map<string, Found<unknown>[]>],
          [JOB_SWEEP, this.sweeps as Map<string, Found<unknown>[]>],
        ] as const) {
          const meta = this.reflector.get<JobMetadata | undefined>(key, fn);
          if (!meta) continue;
          map.set(meta.queue.name, [...(map.get(meta.queue.name) ?? []), { fn: fn.bind(instance), where }]);
        }
      }
    }
    const registrations = [...this.queues.values()].map((q) => q.registration);
    const problems = jobsProblems(registrations, this.handlers, this.sweeps);
    if (problems.length) throw new JobsConfigurationError(problems);
  }

  onApplicationBootstrap(): void {
    for (const [name, { registration }] of this.queues) {
      // Checked on init: a queue with a worker has exactly one handler.
      const handler = this.handlers.get(name)?.[0];
      if (registration.worker === false || !handler) continue;
      const connection = this.redis().duplicate({ maxRetriesPerRequest: null });
      const worker = startWorker(name, handler.fn, {
        connection,
        prefix: this.config.QUEUE_PREFIX,
        settings: registration.worker ?? {},
        logger: this.logger,
      });
      this.workers.set(name, { worker, connection });
    }
    for (const [name, [sweep]] of this.sweeps) {
      this.sweeping.push(
        sweep
          .fn()
          .then((n) => void (n && this.logger.log(`${name}: start-up sweep ensured ${n} job(s)`)))
          .catch((err: Error) => this.logger.error(`${name}: start-up sweep failed: ${err.message}`)),
      );
    }
  }

  /** Phase one: the workers finish the jobs in hand (and the sweeps end) while the database is still connected. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all([...this.workers.values()].map(({ worker }) => worker.close()));
    await Promise.all(this.sweeping);
  }

  /** Phase two: the queues and every Redis connection close. */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map(({ queue }) => queue.close()));
    const connections = [...[...this.workers.values()].map((w) => w.connection), this.connection];
    await Promise.all(connections.map((c) => c?.quit().catch(() => undefined)));
  }
}
