// Test support: webhook bodies shaped like the providers' own (only the fields a consumer
// reads are guaranteed; the rest imitate the documented examples).
import { randomUUID } from 'node:crypto';

export interface PaystackChargeInput {
  /** The reference as Paystack knows it (what was sent to /transaction/initialize). */
  reference: string;
  amountMinor: number;
  currency: string;
  /** Paystack's numeric transaction id. */
  id?: number;
  gatewayResponse?: string;
  email?: string;
}

let paystackIds = 4_099_260_000;

/** A Paystack `charge.success` (or `charge.failed`) event. */
export function paystackChargeEvent(
  input: PaystackChargeInput,
  event: 'charge.success' | 'charge.failed' = 'charge.success',
): Record<string, unknown> {
  const success = event === 'charge.success';
  const now = new Date().toISOString();
  return {
    event,
    data: {
      id: input.id ?? ++paystackIds,
      domain: 'test',
      status: success ? 'success' : 'failed',
      reference: input.reference,
      amount: input.amountMinor,
      message: null,
      gateway_response: input.gatewayResponse ?? (success ? 'Successful' : 'Declined'),
      paid_at: success ? now : null,
      created_at: now,
      channel: 'card',
      currency: input.currency,
      ip_address: '127.0.0.1',
      metadata: 0,
      fees: success ? Math.round(input.amountMinor * 0.015) : null,
      customer: {
        id: 84312,
        first_name: null,
        last_name: null,
        email: input.email ?? 'payer@example.com',
        customer_code: 'CUS_test0000000000',
        phone: null,
        metadata: null,
        risk_action: 'default',
      },
      authorization: {
        authorization_code: 'AUTH_test00000',
        bin: '408408',
        last4: '4081',
        exp_month: '12',
        exp_year: '2030',
        channel: 'card',
        card_type: 'visa ',
        bank: 'TEST BANK',
        country_code: 'NG',
        brand: 'visa',
        reusable: true,
      },
      plan: {},
    },
  };
}

export type StripeCheckoutEventType =
  | 'checkout.session.completed'
  | 'checkout.session.async_payment_succeeded'
  | 'checkout.session.async_payment_failed'
  | 'checkout.session.expired';

export interface StripeSessionInput {
  /** cs_test_... */
  id?: string;
  /** Our reference: client_reference_id and metadata.reference. */
  reference: string | null;
  amountMinor: number;
  /** Any case; Stripe sends it lower-cased. */
  currency: string;
  paymentStatus?: 'paid' | 'unpaid' | 'no_payment_required';
  metadata?: Record<string, string>;
}

/** A Stripe event (`evt_...`) about a Checkout Session. */
export function stripeCheckoutEvent(
  type: StripeCheckoutEventType,
  session: StripeSessionInput,
  eventId = `evt_test_${randomUUID().replace(/-/g, '').slice(0, 24)}`,
): Record<string, unknown> {
  const paid = session.paymentStatus ?? (type === 'checkout.session.completed' ? 'paid' : 'unpaid');
  const id = session.id ?? `cs_test_${randomUUID().replace(/-/g, '')}`;
  const created = Math.floor(Date.now() / 1000);
  return {
    id: eventId,
    object: 'event',
    api_version: '2024-06-20',
    created,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: {
      object: {
        id,
        object: 'checkout.session',
        amount_subtotal: session.amountMinor,
        amount_total: session.amountMinor,
        client_reference_id: session.reference,
        currency: session.currency.toLowerCase(),
        customer_email: 'payer@example.com',
        livemode: false,
        metadata: session.metadata ?? (session.reference ? { reference: session.reference } : {}),
        mode: 'payment',
        payment_intent: `pi_test_${randomUUID().replace(/-/g, '').slice(0, 24)}`,
        payment_status: type === 'checkout.session.async_payment_succeeded' ? 'paid' : paid,
        status: type === 'checkout.session.expired' ? 'expired' : 'complete',
        created,
        expires_at: created + 24 * 3600,
        url: null,
      },
    },
  };
}

export interface SandboxWebhookInput {
  id?: string;
  type: 'payment.succeeded' | 'payment.failed' | string;
  reference: string;
  amountMinor: number;
  currency: string;
  providerReference?: string;
  reason?: string | null;
}

/** A sandbox webhook body, as the sandbox provider sends it. */
export function sandboxWebhookEvent(input: SandboxWebhookInput): Record<string, unknown> {
  return {
    id: input.id ?? `sbx_evt_${randomUUID()}`,
    type: input.type,
    created: new Date().toISOString(),
    data: {
      reference: input.reference,
      amount: input.amountMinor,
      currency: input.currency,
      providerReference: input.providerReference ?? `sbx_${input.reference}`,
      reason: input.reason ?? null,
    },
  };
}
