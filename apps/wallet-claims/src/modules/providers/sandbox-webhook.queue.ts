import { createHash } from 'node:crypto';
import type { OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import type { ProvidersModuleConfig } from './providers.tokens';

/** BullMQ queue of the sandbox provider's webhook deliveries. */
export const SANDBOX_WEBHOOK_QUEUE = 'wallet-sandbox-webhooks';

export interface SandboxWebhookJob {
  /** The exact bytes delivered (and signed) on every attempt, as a real provider resends. */
  body: string;
}

/** Something that delivers a sandbox webhook later: the queue, or a stand-in in unit tests. */
export interface SandboxWebhookScheduler {
  /** Schedules the delivery of `body` for `reference`, once; false when one is already scheduled or done. */
  schedule(reference: string, body: string, delayMs: number): Promise<boolean>;
}

/** One delivery job per reference (BullMQ job ids may not contain ':'). */
export function sandboxJobId(reference: string): string {
  return /^[A-Za-z0-9_.-]{1,100}$/.test(reference)
    ? `sbx-${reference}`
    : `sbx-h-${createHash('sha256').update(reference).digest('hex').slice(0, 40)}`;
}

export interface SandboxDeliveryPolicy {
  /** Delivery attempts before the job is left failed (a later `complete` retries it). */
  attempts: number;
  /** First retry delay; doubles on each further attempt. */
  backoffMs: number;
  /** BullMQ key prefix (tests use their own, away from a running service's worker). */
  prefix?: string;
}

/** 12 attempts from 500 ms doubling: about 34 minutes of retries while the gateway is down. */
export const DEFAULT_SANDBOX_DELIVERY: SandboxDeliveryPolicy = { attempts: 12, backoffMs: 500 };

/**
 * Sandbox webhooks are delayed jobs in Redis, so a restart loses none; the job id derives
 * from the reference, so a top-up's outcome is delivered once however often it is scheduled.
 */
export class SandboxWebhookQueue implements SandboxWebhookScheduler, OnApplicationShutdown {
  readonly connection: IORedis;
  private readonly queue: Queue<SandboxWebhookJob>;

  constructor(
    config: Pick<ProvidersModuleConfig, 'REDIS_URL'>,
    readonly policy: SandboxDeliveryPolicy = DEFAULT_SANDBOX_DELIVERY,
  ) {
    this.connection = new IORedis(config.REDIS_URL, { maxRetriesPerRequest: null });
    this.queue = new Queue<SandboxWebhookJob>(SANDBOX_WEBHOOK_QUEUE, {
      connection: this.connection,
      ...(policy.prefix ? { prefix: policy.prefix } : {}),
    });
  }

  async schedule(reference: string, body: string, delayMs: number): Promise<boolean> {
    const jobId = sandboxJobId(reference);
    const existing = await this.queue.getJob(jobId);
    if (existing) {
      // Its deliveries ran out (the gateway was down): try again now.
      if (await existing.isFailed()) {
        await existing.retry();
        return true;
      }
      return false;
    }
    await this.queue.add(
      'deliver',
      { body },
      {
        jobId,
        delay: Math.max(0, delayMs),
        attempts: this.policy.attempts,
        backoff: { type: 'exponential', delay: this.policy.backoffMs },
        // Kept for a day after delivery so that a repeated schedule stays a no-op.
        removeOnComplete: { age: 24 * 3600 },
        removeOnFail: { age: 7 * 24 * 3600 },
      },
    );
    // A concurrent schedule may have taken the id first: ours is the one stored only if its body is.
    return (await this.queue.getJob(jobId))?.data.body === body;
  }

  /** The job of a reference, for tests and operators. */
  job(reference: string) {
    return this.queue.getJob(sandboxJobId(reference));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
    await this.connection.quit().catch(() => undefined);
  }
}
