import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Worker } from 'bullmq';
import type IORedis from 'ioredis';
import { PROVIDERS_CONFIG, type ProvidersModuleConfig } from './providers.tokens';
import { SANDBOX_SIGNATURE_HEADER } from './sandbox.provider';
import { SANDBOX_WEBHOOK_QUEUE, SandboxWebhookQueue, type SandboxWebhookJob } from './sandbox-webhook.queue';
import { hmacHex } from './webhook-verification';

const DELIVERY_TIMEOUT_MS = 10_000;

/** POSTs one signed sandbox webhook; throws (so BullMQ retries) unless the receiver answers 2xx. */
export async function deliverSandboxWebhook(url: string, secret: string, body: string): Promise<void> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [SANDBOX_SIGNATURE_HEADER]: hmacHex('sha256', secret, body) },
    body,
    signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
  });
  await res.arrayBuffer().catch(() => undefined);
  if (!res.ok) throw new Error(`${url} answered HTTP ${res.status}`);
}

/** Delivers the sandbox provider's webhooks to SANDBOX_WEBHOOK_URL, retrying with backoff. */
@Injectable()
export class SandboxWebhookWorker implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(SandboxWebhookWorker.name);
  private worker?: Worker<SandboxWebhookJob>;
  private connection?: IORedis;

  constructor(
    @Inject(PROVIDERS_CONFIG)
    private readonly config: Pick<ProvidersModuleConfig, 'SANDBOX_WEBHOOK_URL' | 'SANDBOX_WEBHOOK_SECRET'>,
    private readonly queue: SandboxWebhookQueue,
  ) {}

  onApplicationBootstrap(): void {
    this.connection = this.queue.connection.duplicate({ maxRetriesPerRequest: null });
    this.worker = new Worker<SandboxWebhookJob>(
      SANDBOX_WEBHOOK_QUEUE,
      (job) =>
        deliverSandboxWebhook(this.config.SANDBOX_WEBHOOK_URL, this.config.SANDBOX_WEBHOOK_SECRET, job.data.body),
      {
        connection: this.connection,
        concurrency: 4,
        ...(this.queue.policy.prefix ? { prefix: this.queue.policy.prefix } : {}),
      },
    );
    this.worker.on('failed', (job, err) =>
      this.logger.warn(`sandbox webhook ${job?.id} attempt ${job?.attemptsMade ?? '?'} failed: ${err.message}`),
    );
    // Connection errors are retried by ioredis; without a listener they would be thrown.
    this.worker.on('error', (err) => this.logger.warn(`sandbox webhook worker: ${err.message}`));
  }

  /** Finishes the jobs in hand while the database is still connected. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection?.quit().catch(() => undefined);
  }
}
