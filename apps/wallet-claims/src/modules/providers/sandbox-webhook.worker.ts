import { Inject, Injectable } from '@nestjs/common';
import { OnJob, type Job } from '@telehealth/jobs';
import { hmacHex } from '@telehealth/messaging';
import { WalletClaimsQueues, type SandboxWebhookJob } from '../../queues';
import { PROVIDERS_CONFIG, type ProvidersModuleConfig } from './providers.tokens';
import { SANDBOX_SIGNATURE_HEADER } from './sandbox.provider';

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
export class SandboxWebhookWorker {
  constructor(
    @Inject(PROVIDERS_CONFIG)
    private readonly config: Pick<ProvidersModuleConfig, 'SANDBOX_WEBHOOK_URL' | 'SANDBOX_WEBHOOK_SECRET'>,
  ) {}

  @OnJob(WalletClaimsQueues.sandboxWebhooks)
  deliver(job: Job<SandboxWebhookJob>): Promise<void> {
    return deliverSandboxWebhook(this.config.SANDBOX_WEBHOOK_URL, this.config.SANDBOX_WEBHOOK_SECRET, job.data.body);
  }
}
