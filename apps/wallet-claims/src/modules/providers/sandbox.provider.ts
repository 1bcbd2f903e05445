import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { PaymentProviderName, SandboxOutcome, type Money } from '@telehealth/contracts';
import {
  DomainError,
  objectAt,
  optionalString,
  parseJsonObject,
  stringAt,
  verifyBodyHmac,
} from '@telehealth/messaging';
import type { CheckoutRequest, CheckoutSession, PaymentProvider, WebhookOutcome } from './payment-provider';
import type { ProvidersConfig } from './providers.config';
import type { SandboxWebhookScheduler } from './sandbox-webhook.queue';
import { moneyAt } from './webhook-verification';

export const SANDBOX_SIGNATURE_HEADER = 'x-sandbox-signature';
export const SANDBOX_MAX_DELAY_MS = 3_600_000;
export const SANDBOX_DECLINE_REASON = 'Declined by the sandbox (outcome FAIL)';

export type SandboxSettings = Pick<
  ProvidersConfig,
  'SANDBOX_WEBHOOK_SECRET' | 'SANDBOX_DEFAULT_DELAY_MS' | 'PUBLIC_URL'
>;

/** The body of a sandbox webhook. */
export interface SandboxWebhookEvent {
  id: string;
  type: 'payment.succeeded' | 'payment.failed';
  created: string;
  data: {
    reference: string;
    amount: number;
    currency: string;
    providerReference: string;
    reason: string | null;
  };
}

export const sandboxProviderReference = (reference: string): string => `sbx_${reference}`;

/** A sandbox webhook body for an outcome (a fresh event id each time it is built). */
export function sandboxEvent(
  reference: string,
  outcome: SandboxOutcome.SUCCEED | SandboxOutcome.FAIL,
  amount: Money,
  reason: string | null = null,
): SandboxWebhookEvent {
  const succeeded = outcome === SandboxOutcome.SUCCEED;
  return {
    id: `sbx_evt_${randomUUID()}`,
    type: succeeded ? 'payment.succeeded' : 'payment.failed',
    created: new Date().toISOString(),
    data: {
      reference,
      amount: amount.amountMinor,
      currency: amount.currency,
      providerReference: sandboxProviderReference(reference),
      reason: succeeded ? null : (reason ?? SANDBOX_DECLINE_REASON),
    },
  };
}

/**
 * The built-in provider for local runs and tests. It keeps no state: a checkout schedules the
 * outcome's signed webhook (SUCCEED or FAIL) for after the requested delay, through Redis, to
 * SANDBOX_WEBHOOK_URL, just as a real provider calls back; HOLD schedules nothing until the
 * payer answers on the sandbox checkout page ({@link complete}). Its webhooks carry
 * `x-sandbox-signature`, the hex HMAC-SHA256 of the raw body with SANDBOX_WEBHOOK_SECRET.
 */
export class SandboxPaymentProvider implements PaymentProvider {
  readonly name = PaymentProviderName.SANDBOX;

  constructor(
    private readonly settings: SandboxSettings,
    private readonly scheduler: SandboxWebhookScheduler,
  ) {}

  /**
   * The page where the payer of a HOLD checkout decides (served by the gateway). Its `key` is
   * the credential, as a hosted checkout's session id is: whoever holds the link may pay.
   */
  checkoutUrl(reference: string): string {
    const base = this.settings.PUBLIC_URL.replace(/\/+$/, '');
    return `${base}/v1/sandbox/checkout/${encodeURIComponent(reference)}?key=${this.checkoutKey(reference)}`;
  }

  /** The link key of a checkout: unguessable without SANDBOX_WEBHOOK_SECRET. */
  checkoutKey(reference: string): string {
    return createHmac('sha256', this.settings.SANDBOX_WEBHOOK_SECRET)
      .update(`checkout:${reference}`)
      .digest('base64url')
      .slice(0, 32);
  }

  isCheckoutKey(reference: string, key: string): boolean {
    const expected = Buffer.from(this.checkoutKey(reference));
    const given = Buffer.from(key);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  async createCheckout(req: CheckoutRequest): Promise<CheckoutSession> {
    const outcome = req.sandbox?.outcome ?? SandboxOutcome.SUCCEED;
    const delayMs = req.sandbox?.delayMs ?? this.settings.SANDBOX_DEFAULT_DELAY_MS;
    if (!Object.values(SandboxOutcome).includes(outcome)) {
      throw DomainError.invalid('sandboxOutcome', `must be one of ${Object.values(SandboxOutcome).join(', ')}`);
    }
    if (!Number.isSafeInteger(delayMs) || delayMs < 0 || delayMs > SANDBOX_MAX_DELAY_MS) {
      throw DomainError.invalid('sandboxDelayMs', `must be an integer from 0 to ${SANDBOX_MAX_DELAY_MS}`);
    }
    const providerReference = sandboxProviderReference(req.reference);
    if (outcome === SandboxOutcome.HOLD) {
      return { providerReference, checkoutUrl: this.checkoutUrl(req.reference) };
    }
    await this.deliver(req.reference, outcome, req.amount, null, delayMs);
    return { providerReference, checkoutUrl: null };
  }

  /**
   * The payer's answer on the sandbox checkout page: schedules the outcome's webhook now.
   * False when an outcome was already scheduled or delivered for this reference (it is not
   * changed); a delivery that had run out of attempts is retried and counts as scheduled.
   */
  async complete(
    reference: string,
    outcome: SandboxOutcome,
    amount: Money,
    reason: string | null = null,
  ): Promise<boolean> {
    if (outcome !== SandboxOutcome.SUCCEED && outcome !== SandboxOutcome.FAIL) {
      throw DomainError.invalid('outcome', 'must be SUCCEED or FAIL');
    }
    return this.deliver(reference, outcome, amount, reason, 0);
  }

  private async deliver(
    reference: string,
    outcome: SandboxOutcome.SUCCEED | SandboxOutcome.FAIL,
    amount: Money,
    reason: string | null,
    delayMs: number,
  ): Promise<boolean> {
    if (!reference) throw DomainError.invalid('reference', 'must not be empty');
    if (!Number.isSafeInteger(amount.amountMinor) || amount.amountMinor <= 0) {
      throw DomainError.invalid('amount', 'must be a positive integer in minor units');
    }
    if (!/^[A-Z]{3}$/.test(amount.currency)) throw DomainError.invalid('currency', 'must be an ISO 4217 code');
    const body = JSON.stringify(sandboxEvent(reference, outcome, amount, reason));
    return this.scheduler.schedule(reference, body, delayMs);
  }

  parseWebhook(rawBody: string, headers: Record<string, string>, _now: Date): WebhookOutcome {
    verifyBodyHmac(headers, SANDBOX_SIGNATURE_HEADER, 'sha256', this.settings.SANDBOX_WEBHOOK_SECRET, rawBody);
    const event = parseJsonObject(rawBody);
    const eventId = stringAt(event, 'id', 'id');
    const type = stringAt(event, 'type', 'type');
    if (type !== 'payment.succeeded' && type !== 'payment.failed') {
      return {
        eventId,
        kind: 'IGNORED',
        reference: null,
        providerReference: null,
        amount: null,
        failureReason: null,
      };
    }
    const data = objectAt(event, 'data', 'data');
    const reference = stringAt(data, 'reference', 'data.reference');
    const providerReference = optionalString(data.providerReference);
    if (type === 'payment.succeeded') {
      return {
        eventId,
        kind: 'PAYMENT_SUCCEEDED',
        reference,
        providerReference,
        amount: moneyAt(data, 'amount', 'currency', 'data'),
        failureReason: null,
      };
    }
    return {
      eventId,
      kind: 'PAYMENT_FAILED',
      reference,
      providerReference,
      amount: null,
      failureReason: optionalString(data.reason) ?? SANDBOX_DECLINE_REASON,
    };
  }
}
