import type { JobState, JobType, KeepJobs, Queue, Job } from 'bullmq';

/**
 * A queue and the payload of its jobs, as an app declares it in its `queues.ts` (a typed map:
 * `export const SchedulingQueues = { holdExpiry: defineQueue<AppointmentTimerJob>('scheduling-hold-expiry') }`).
 * The name is the BullMQ queue name, under the app's QUEUE_PREFIX.
 */
export interface QueueContract<P> {
  readonly name: string;
  /** Type only: the payload of the queue's jobs. */
  readonly __payload?: P;
}

export function defineQueue<P>(name: string): QueueContract<P> {
  return { name };
}

/** The payload type of a queue contract. */
export type PayloadOf<Q> = Q extends QueueContract<infer P> ? P : never;

/** Options of every job added to a queue (set once, where the queue is registered). */
export interface JobDefaults {
  /** Runs of a job before it is left failed (default 1). */
  attempts?: number;
  /** First retry delay; doubles on each further attempt. */
  backoffMs?: number;
  /** What Redis keeps of a finished job (default: nothing, the job id is free again). */
  removeOnComplete?: boolean | number | KeepJobs;
  /** ... and of a job whose every attempt failed (default: nothing). */
  removeOnFail?: boolean | number | KeepJobs;
}

/** How a queue's worker runs its jobs. */
export interface WorkerSettings {
  /** Jobs one process runs at once (default 1). */
  concurrency?: number;
  /** At most `max` jobs per `duration` ms, across the service's replicas. */
  limiter?: { max: number; duration: number };
}

/** A queue as one module of the app registers it (`JobsModule.forFeature`). */
export interface QueueRegistration<P = unknown> {
  queue: QueueContract<P>;
  jobs?: JobDefaults;
  /** `false`: no worker takes its jobs (a dead-letter queue operators read); it must have no handler. */
  worker?: WorkerSettings | false;
}

/** When a job runs: at a time, after a delay, or (neither) as soon as a worker is free. */
export interface JobTiming {
  at?: Date | null;
  delayMs?: number;
}

export type EnsureOutcome = 'added' | 'retried' | 'present';

/**
 * A typed BullMQ queue. Every job has an id derived from what it is about, so adding it twice
 * (a redelivered event, two replicas, a restart) stores it once: BullMQ keeps the first job of an
 * id until it is removed.
 */
export class JobQueue<P> {
  constructor(
    private readonly queue: Queue<P>,
    private readonly defaults: JobDefaults,
  ) {}

  get name(): string {
    return this.queue.name;
  }

  /** Adds the job unless one with its id is in Redis (that one stays, its data unchanged). */
  async add(jobId: string, data: P, when: JobTiming = {}): Promise<void> {
    const d = this.defaults;
    await this.queue.add(this.queue.name as never, data as never, {
      jobId,
      delay: delayOf(when),
      attempts: d.attempts ?? 1,
      ...(d.backoffMs ? { backoff: { type: 'exponential', delay: d.backoffMs } } : {}),
      removeOnComplete: d.removeOnComplete ?? true,
      removeOnFail: d.removeOnFail ?? true,
    });
  }

  /**
   * Adds the job unless it exists; one kept after its every attempt failed runs again. For
   * start-up sweeps and repeated requests: the outcome says which happened.
   */
  async ensure(jobId: string, data: P, when: JobTiming = {}): Promise<EnsureOutcome> {
    const job = await this.get(jobId);
    if (!job) {
      await this.add(jobId, data, when);
      return 'added';
    }
    if (!(await job.isFailed())) return 'present';
    try {
      await job.retry();
      return 'retried';
    } catch (err) {
      // Another caller retried it first.
      if ((await job.getState()) !== 'failed') return 'present';
      throw err;
    }
  }

  get(jobId: string): Promise<Job<P> | undefined> {
    return this.queue.getJob(jobId);
  }

  /** Withdraws a job (none is fine); false only when it is running: it then finishes. */
  async remove(jobId: string): Promise<boolean> {
    return (await this.queue.remove(jobId)) === 1;
  }

  /** Jobs in the given states, from index `start` to `end` (inclusive, -1: the last), newest first. */
  list(states: JobType[], start = 0, end = -1): Promise<Job<P>[]> {
    return this.queue.getJobs(states, start, end, false);
  }

  counts(...states: JobType[]): Promise<Partial<Record<JobState | JobType, number>>> {
    return this.queue.getJobCounts(...states);
  }
}

function delayOf(when: JobTiming): number {
  const ms = when.at ? when.at.getTime() - Date.now() : (when.delayMs ?? 0);
  return Math.max(0, ms);
}
