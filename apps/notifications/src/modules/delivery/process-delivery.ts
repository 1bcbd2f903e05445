import type { Job } from '@telehealth/jobs';
import type { ChannelJob, DeadLetterJob } from '../../queues';
import type { SendResult } from './providers';

/** What sending one queued message needs; plain functions, so tests and the bench call it directly. */
export interface DeliveryDeps {
  send(job: ChannelJob): Promise<SendResult>;
  log: {
    get(id: string): Promise<{ status: string } | null>;
    markSent(id: string, attempt: number, providerMessageId: string | null): Promise<void>;
    markRetrying(id: string, attempt: number, reason: string): Promise<void>;
    markFailed(id: string, attempt: number, reason: string): Promise<void>;
    markSkipped(id: string, reason: string): Promise<void>;
  };
  isSuppressed(userId: string): Promise<boolean>;
  deadLetter(entry: DeadLetterJob): Promise<void>;
}

export type DeliveryOutcome = 'sent' | 'already-sent' | 'skipped';

/**
 * Sends one queued message. A message already sent (its job ran again after a crash) is not
 * sent twice; a recipient deleted since it was queued is skipped. A failure is recorded and
 * rethrown for BullMQ's backoff; after the last attempt the message goes to the dead-letter queue.
 */
export async function processDelivery(
  job: Pick<Job<ChannelJob>, 'data' | 'attemptsMade' | 'opts'>,
  deps: DeliveryDeps,
): Promise<DeliveryOutcome> {
  const data = job.data;
  const attempt = job.attemptsMade + 1;
  const current = await deps.log.get(data.deliveryId);
  if (current?.status === 'SENT') return 'already-sent';
  if (await deps.isSuppressed(data.userId)) {
    await deps.log.markSkipped(data.deliveryId, 'RECIPIENT_DELETED');
    return 'skipped';
  }
  let result: SendResult;
  try {
    result = await deps.send(data);
  } catch (err) {
    const reason = describe(err);
    if (attempt >= (job.opts.attempts ?? 1)) {
      await deps.deadLetter({ job: data, failedReason: reason, attempts: attempt, failedAt: new Date().toISOString() });
      await deps.log.markFailed(data.deliveryId, attempt, reason);
    } else {
      await deps.log.markRetrying(data.deliveryId, attempt, reason);
    }
    throw err;
  }
  await deps.log.markSent(data.deliveryId, attempt, result.messageId);
  return 'sent';
}

function describe(err: unknown): string {
  const e = err as { code?: string; responseCode?: number; message?: string };
  const code = e.code ? `${e.code}${e.responseCode ? ` ${e.responseCode}` : ''}: ` : '';
  return `${code}${e.message ?? String(err)}`.slice(0, 500);
}
