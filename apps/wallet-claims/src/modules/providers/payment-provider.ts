import type { Money, PaymentProviderName, SandboxOutcome } from '@telehealth/contracts';

/** What the wallet asks a provider to collect: a top-up (or a card payment that tops up first). */
export interface CheckoutRequest {
  /** Our reference (`TOPUP_<user>_<time>`): sent to the provider and echoed in its webhook. */
  reference: string;
  amount: Money;
  email: string | null;
  userId: string;
  description: string;
  /** Where the provider sends the payer back after checkout. */
  returnUrl: string;
  metadata: Record<string, string>;
  /** Sandbox only. */
  sandbox?: { outcome: SandboxOutcome; delayMs: number };
}

export interface CheckoutSession {
  /** The provider's own id for the payment (Paystack access_code/reference, Stripe cs_...). */
  providerReference: string;
  /** Where the client sends the payer; null when the provider needs no page (sandbox auto mode). */
  checkoutUrl: string | null;
}

/** A verified webhook, reduced to what the wallet acts on. */
export interface WebhookOutcome {
  /** The provider's id for this notification: replays carry the same id and apply once. */
  eventId: string;
  kind: 'PAYMENT_SUCCEEDED' | 'PAYMENT_FAILED' | 'IGNORED';
  /** Our reference, from the payload. Null for IGNORED events. */
  reference: string | null;
  providerReference: string | null;
  /** What the provider says it collected; the wallet checks it against the top-up. */
  amount: Money | null;
  failureReason: string | null;
}

export interface PaymentProvider {
  readonly name: PaymentProviderName;
  createCheckout(req: CheckoutRequest): Promise<CheckoutSession>;
  /**
   * Verifies the signature exactly as the provider documents it and parses the event.
   * Throws DomainError.invalid('signature' | 'body', ...) (HTTP 400) on a bad signature,
   * a stale timestamp or an unreadable body; never returns for an unverified request.
   */
  parseWebhook(rawBody: string, headers: Record<string, string>, now: Date): WebhookOutcome;
}

/** Nest injection token for the registry of configured providers. */
export const PAYMENT_PROVIDERS = Symbol('PAYMENT_PROVIDERS');
export type PaymentProviders = ReadonlyMap<PaymentProviderName, PaymentProvider>;
