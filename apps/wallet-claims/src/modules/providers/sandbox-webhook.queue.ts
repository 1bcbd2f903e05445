import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectQueue, type JobDefaults, type JobQueue } from '@telehealth/jobs';
import { WalletClaimsQueues, type SandboxWebhookJob } from '../../queues';

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
}

/** 12 attempts from 500 ms doubling: about 34 minutes of retries while the gateway is down. */
export const DEFAULT_SANDBOX_DELIVERY: SandboxDeliveryPolicy = { attempts: 12, backoffMs: 500 };

/** The queue's job options: a delivered job stays a day, so that a repeated schedule stays a no-op. */
export const sandboxDeliveryJobs = (policy: SandboxDeliveryPolicy): JobDefaults => ({
  ...policy,
  removeOnComplete: { age: 24 * 3600 },
  removeOnFail: { age: 7 * 24 * 3600 },
});

/**
 * Sandbox webhooks are delayed jobs in Redis, so a restart loses none; the job id derives
 * from the reference, so a top-up's outcome is delivered once however often it is scheduled.
 */
@Injectable()
export class SandboxWebhookQueue implements SandboxWebhookScheduler {
  constructor(@InjectQueue(WalletClaimsQueues.sandboxWebhooks) private readonly queue: JobQueue<SandboxWebhookJob>) {}

  async schedule(reference: string, body: string, delayMs: number): Promise<boolean> {
    const jobId = sandboxJobId(reference);
    // Present: scheduled or delivered already. Retried: its deliveries ran out (the gateway was down).
    const outcome = await this.queue.ensure(jobId, { body }, { delayMs });
    if (outcome !== 'added') return outcome === 'retried';
    // A concurrent schedule may have taken the id first: ours is the one stored only if its body is.
    return (await this.queue.get(jobId))?.data.body === body;
  }

  /** The job of a reference, for tests and operators. */
  job(reference: string) {
    return this.queue.get(sandboxJobId(reference));
  }
}
