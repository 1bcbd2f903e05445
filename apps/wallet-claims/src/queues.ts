import { defineQueue } from '@telehealth/jobs';

export interface SandboxWebhookJob {
  /** The exact bytes delivered (and signed) on every attempt, as a real provider resends. */
  body: string;
}

/** Every BullMQ queue of the wallet-claims service, with the payload of its jobs. */
export const WalletClaimsQueues = {
  /** The sandbox provider's webhook deliveries: job id `sbx-<reference>` (see sandboxJobId). */
  sandboxWebhooks: defineQueue<SandboxWebhookJob>('wallet-sandbox-webhooks'),
} as const;
