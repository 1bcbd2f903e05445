import { PaymentProviderName } from '@telehealth/contracts';
import {
  headerOf,
  hmacHex,
  isObject,
  objectAt,
  optionalString,
  parseJsonObject,
  sameHex,
  signatureError,
  stringAt,
} from '@telehealth/messaging';
import type { CheckoutRequest, CheckoutSession, PaymentProvider, WebhookOutcome } from './payment-provider';
import { callProvider, providerUnavailable, trimSlash, withQuery } from './provider-http';
import type { ProvidersConfig } from './providers.config';
import { moneyAt } from './webhook-verification';

export const STRIPE_SIGNATURE_HEADER = 'Stripe-Signature';

export type StripeSettings = Pick<
  ProvidersConfig,
  | 'STRIPE_SECRET_KEY'
  | 'STRIPE_WEBHOOK_SECRET'
  | 'STRIPE_BASE_URL'
  | 'STRIPE_TOLERANCE_SECONDS'
  | 'PAYMENT_PROVIDER_TIMEOUT_MS'
>;

const messageOf = (body: unknown): string | null =>
  isObject(body) && isObject(body.error) && typeof body.error.message === 'string' ? body.error.message : null;

/** `t=<unix seconds>,v1=<hex>[,v1=<hex>...]` (other schemes, such as v0, are ignored as Stripe does). */
export function parseStripeSignature(header: string): { timestamp: number; signatures: string[] } {
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) throw signatureError(STRIPE_SIGNATURE_HEADER, 'is malformed: expected t=<timestamp>,v1=<signature>');
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't') {
      if (timestamp !== null || !/^\d{1,12}$/.test(value)) {
        throw signatureError(STRIPE_SIGNATURE_HEADER, 'is malformed: t= must appear once, as Unix seconds');
      }
      timestamp = Number(value);
    } else if (key === 'v1') {
      signatures.push(value);
    }
  }
  if (timestamp === null) throw signatureError(STRIPE_SIGNATURE_HEADER, 'is malformed: no t= timestamp');
  if (!signatures.length) throw signatureError(STRIPE_SIGNATURE_HEADER, 'is malformed: no v1= signature');
  return { timestamp, signatures };
}

/**
 * Stripe Checkout: a session is created for our reference (POST /v1/checkout/sessions, form
 * encoded) and the payer pays on its url; the wallet is credited when the session is paid
 * (`checkout.session.completed` with payment_status paid, or `async_payment_succeeded`).
 * `Stripe-Signature` is verified as Stripe documents: HMAC-SHA256 of `${t}.${rawBody}` with
 * the endpoint's signing secret, any v1 matching, t within the tolerance of now.
 */
export class StripeProvider implements PaymentProvider {
  readonly name = PaymentProviderName.STRIPE;

  constructor(private readonly settings: StripeSettings) {}

  async createCheckout(req: CheckoutRequest): Promise<CheckoutSession> {
    const form = new URLSearchParams({
      mode: 'payment',
      'line_items[0][price_data][currency]': req.amount.currency.toLowerCase(),
      'line_items[0][price_data][unit_amount]': String(req.amount.amountMinor),
      'line_items[0][price_data][product_data][name]': req.description,
      'line_items[0][quantity]': '1',
      client_reference_id: req.reference,
      success_url: withQuery(req.returnUrl, { status: 'success', reference: req.reference }),
      cancel_url: withQuery(req.returnUrl, { status: 'cancelled', reference: req.reference }),
    });
    if (req.email) form.set('customer_email', req.email);
    const metadata = { ...req.metadata, userId: req.userId, reference: req.reference };
    for (const [key, value] of Object.entries(metadata)) form.set(`metadata[${key}]`, value);
    const body = await callProvider(
      'Stripe',
      `${trimSlash(this.settings.STRIPE_BASE_URL)}/v1/checkout/sessions`,
      {
        headers: {
          authorization: `Bearer ${this.settings.STRIPE_SECRET_KEY}`,
          'content-type': 'application/x-www-form-urlencoded',
          // A retried checkout for the same top-up gets the same session back.
          'idempotency-key': `checkout-${req.reference}`,
        },
        body: form.toString(),
      },
      this.settings.PAYMENT_PROVIDER_TIMEOUT_MS,
      messageOf,
    );
    const id = optionalString(body.id);
    const url = optionalString(body.url);
    if (!id || !url) throw providerUnavailable('Stripe did not return a checkout session id and url');
    return { providerReference: id, checkoutUrl: url };
  }

  parseWebhook(rawBody: string, headers: Record<string, string>, now: Date): WebhookOutcome {
    const header = headerOf(headers, STRIPE_SIGNATURE_HEADER)?.trim();
    if (!header) throw signatureError(STRIPE_SIGNATURE_HEADER, 'is missing');
    const { timestamp, signatures } = parseStripeSignature(header);
    const expected = hmacHex('sha256', this.settings.STRIPE_WEBHOOK_SECRET, `${timestamp}.${rawBody}`);
    // Every candidate is compared, so the time taken does not depend on which one matched.
    const matched = signatures.map((s) => sameHex(expected, s)).some(Boolean);
    if (!matched) throw signatureError(STRIPE_SIGNATURE_HEADER, 'no v1 signature matches the body');
    const skew = Math.abs(Math.floor(now.getTime() / 1000) - timestamp);
    if (skew > this.settings.STRIPE_TOLERANCE_SECONDS) {
      throw signatureError(
        STRIPE_SIGNATURE_HEADER,
        `timestamp is ${skew} s from now, outside the ${this.settings.STRIPE_TOLERANCE_SECONDS} s tolerance`,
      );
    }

    const event = parseJsonObject(rawBody);
    const eventId = stringAt(event, 'id', 'id');
    const type = stringAt(event, 'type', 'type');
    const outcome = (kind: WebhookOutcome['kind']): WebhookOutcome => ({
      eventId,
      kind,
      reference: null,
      providerReference: null,
      amount: null,
      failureReason: null,
    });
    const succeeded = type === 'checkout.session.completed' || type === 'checkout.session.async_payment_succeeded';
    const failed = type === 'checkout.session.async_payment_failed' || type === 'checkout.session.expired';
    if (!succeeded && !failed) return outcome('IGNORED');

    const session = objectAt(objectAt(event, 'data', 'data'), 'object', 'data.object');
    const metadata = isObject(session.metadata) ? session.metadata : {};
    const reference = optionalString(session.client_reference_id) ?? optionalString(metadata.reference);
    // A session not created by us (a payment link on the same account) is none of the wallet's business.
    if (!reference) return outcome('IGNORED');
    const sessionId = stringAt(session, 'id', 'data.object.id');
    if (succeeded) {
      // Completed but unpaid: a delayed payment method; async_payment_succeeded follows.
      if (session.payment_status !== 'paid') return outcome('IGNORED');
      return {
        ...outcome('PAYMENT_SUCCEEDED'),
        reference,
        providerReference: sessionId,
        amount: moneyAt(session, 'amount_total', 'currency', 'data.object'),
      };
    }
    return {
      ...outcome('PAYMENT_FAILED'),
      reference,
      providerReference: sessionId,
      failureReason:
        type === 'checkout.session.expired'
          ? 'The checkout session expired before the payment was made'
          : 'The payment failed after checkout',
    };
  }
}
