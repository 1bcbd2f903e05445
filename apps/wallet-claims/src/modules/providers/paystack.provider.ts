import { PaymentProviderName } from '@telehealth/contracts';
import {
  DomainError,
  bodyDigest,
  isObject,
  objectAt,
  optionalString,
  parseJsonObject,
  stringAt,
  verifyBodyHmac,
} from '@telehealth/messaging';
import type { CheckoutRequest, CheckoutSession, PaymentProvider, WebhookOutcome } from './payment-provider';
import { callProvider, providerUnavailable, trimSlash } from './provider-http';
import type { ProvidersConfig } from './providers.config';
import { moneyAt } from './webhook-verification';

export const PAYSTACK_SIGNATURE_HEADER = 'x-paystack-signature';

export type PaystackSettings = Pick<
  ProvidersConfig,
  'PAYSTACK_SECRET_KEY' | 'PAYSTACK_BASE_URL' | 'PAYMENT_PROVIDER_TIMEOUT_MS'
>;

/**
 * Paystack allows only alphanumerics, `-`, `.` and `=` in a reference; ours have `_`. Every
 * other byte is written `=XX` (and `=` itself `=3D`), so the mapping is one-to-one and its
 * inverse gives our reference back from the webhook.
 */
export function toPaystackReference(reference: string): string {
  return [...Buffer.from(reference, 'utf8')]
    .map((byte) => {
      const c = String.fromCharCode(byte);
      return /[A-Za-z0-9.-]/.test(c) ? c : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}

export function fromPaystackReference(paystackReference: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < paystackReference.length; i++) {
    const hex = paystackReference[i] === '=' ? paystackReference.slice(i + 1, i + 3) : '';
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(paystackReference.charCodeAt(i) & 0xff);
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

const messageOf = (body: unknown): string | null =>
  isObject(body) && typeof body.message === 'string' ? body.message : null;

/**
 * Paystack: a transaction is initialised with our reference (POST /transaction/initialize,
 * the reference written in Paystack's alphabet by {@link toPaystackReference})
 * and the payer pays on its authorization_url; the wallet is credited on `charge.success`,
 * whose `x-paystack-signature` is the hex HMAC-SHA512 of the raw body with the secret key.
 */
export class PaystackProvider implements PaymentProvider {
  readonly name = PaymentProviderName.PAYSTACK;

  constructor(private readonly settings: PaystackSettings) {}

  async createCheckout(req: CheckoutRequest): Promise<CheckoutSession> {
    if (!req.email) {
      throw DomainError.unprocessable('Paystack needs the payer’s email address', 'EMAIL_REQUIRED');
    }
    const body = await callProvider(
      'Paystack',
      `${trimSlash(this.settings.PAYSTACK_BASE_URL)}/transaction/initialize`,
      {
        headers: {
          authorization: `Bearer ${this.settings.PAYSTACK_SECRET_KEY}`,
          'content-type': 'application/json',
          accept: 'application/json',
        },
        body: JSON.stringify({
          email: req.email,
          amount: req.amount.amountMinor,
          currency: req.amount.currency,
          reference: toPaystackReference(req.reference),
          callback_url: req.returnUrl,
          metadata: { ...req.metadata, userId: req.userId, reference: req.reference, description: req.description },
        }),
      },
      this.settings.PAYMENT_PROVIDER_TIMEOUT_MS,
      messageOf,
    );
    const data = isObject(body.data) ? body.data : {};
    const url = optionalString(data.authorization_url);
    const providerReference = optionalString(data.access_code) ?? optionalString(data.reference);
    if (body.status !== true || !url || !providerReference) {
      throw providerUnavailable(`Paystack did not initialise the transaction (${messageOf(body) ?? 'no data'})`);
    }
    return { providerReference, checkoutUrl: url };
  }

  parseWebhook(rawBody: string, headers: Record<string, string>, _now: Date): WebhookOutcome {
    verifyBodyHmac(headers, PAYSTACK_SIGNATURE_HEADER, 'sha512', this.settings.PAYSTACK_SECRET_KEY, rawBody);
    const payload = parseJsonObject(rawBody);
    const event = stringAt(payload, 'event', 'event');
    const data = objectAt(payload, 'data', 'data');
    // Paystack events carry no id of their own: the event and the transaction identify it.
    const transactionId = typeof data.id === 'number' || typeof data.id === 'string' ? String(data.id) : null;
    const eventId = `paystack:${event}:${transactionId ?? bodyDigest(rawBody)}`;
    const ignored: WebhookOutcome = {
      eventId,
      kind: 'IGNORED',
      reference: null,
      providerReference: null,
      amount: null,
      failureReason: null,
    };
    if (event === 'charge.success') {
      return {
        eventId,
        kind: 'PAYMENT_SUCCEEDED',
        reference: fromPaystackReference(stringAt(data, 'reference', 'data.reference')),
        providerReference: transactionId,
        amount: moneyAt(data, 'amount', 'currency', 'data'),
        failureReason: null,
      };
    }
    if (event === 'charge.failed') {
      return {
        eventId,
        kind: 'PAYMENT_FAILED',
        reference: fromPaystackReference(stringAt(data, 'reference', 'data.reference')),
        providerReference: transactionId,
        amount: null,
        failureReason: optionalString(data.gateway_response) ?? 'The payment failed at Paystack',
      };
    }
    return ignored;
  }
}
