import { SetMetadata } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { QueueContract } from './queue';

export const ON_JOB = Symbol('ON_JOB');
export const JOB_SWEEP = Symbol('JOB_SWEEP');

export interface JobMetadata {
  queue: QueueContract<unknown>;
}

/** A method decorator that only fits methods of type F (checked by the compiler). */
type Typed<F> = <M extends F>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<M>) => void;

/**
 * Makes a provider method the handler of a queue's jobs: `@OnJob(SchedulingQueues.holdExpiry)`.
 * Each registered queue has exactly one (the app refuses to start otherwise). The method gets
 * the job; keep it a call to a use case or a plain function, so tests call it directly. It
 * throws to have the job retried (the queue's attempts and backoff).
 */
export const OnJob =
  <P>(queue: QueueContract<P>): Typed<(job: Job<P>) => Promise<unknown>> =>
  (target, key, descriptor) =>
    SetMetadata(ON_JOB, { queue } satisfies JobMetadata)(target, key, descriptor);

/**
 * A start-up sweep for lost jobs: run once the workers run, not awaited (start-up does not
 * wait on it, shutdown does). It re-adds the jobs the database says should exist (one may be
 * lost between a write and its job add) and returns how many it looked at. At most one per queue.
 */
export const JobSweep =
  <P>(queue: QueueContract<P>): Typed<() => Promise<number>> =>
  (target, key, descriptor) =>
    SetMetadata(JOB_SWEEP, { queue } satisfies JobMetadata)(target, key, descriptor);
