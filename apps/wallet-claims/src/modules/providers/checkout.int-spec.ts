import { ErrorCode } from '@telehealth/contracts';
import { DomainError } from '@telehealth/messaging';
import type { CheckoutRequest } from './payment-provider';
import { PaystackProvider, toPaystackReference } from './paystack.provider';
import { PROVIDER_REJECTED, PROVIDER_UNAVAILABLE } from './provider-http';
import { StripeProvider } from './stripe.provider';
import { FakeProviderServer, signPaystack, signStripe } from '@telehealth/testing';

const PAYSTACK_KEY = 'sk_test_paystack_int_0001';
const STRIPE_KEY = 'sk_test_stripe_int_0002';
const WHSEC = 'whsec_int_0003';

async function failure(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    return err as DomainError;
  }
  throw new Error('expected a failure');
}

const request = (over: Partial<CheckoutRequest> = {}): CheckoutRequest => ({
  reference: `TOPUP_u1_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`,
  amount: { amountMinor: 250_000, currency: 'NGN' },
  email: 'ngozi@example.com',
  userId: 'u1',
  description: 'Wallet top-up',
  returnUrl: 'https://app.example.test/wallet/top-ups',
  metadata: { topUpId: 't-1' },
  ...over,
});

let fake: FakeProviderServer;
let paystack: PaystackProvider;
let stripe: StripeProvider;

const providersFor = (url: string, keys = { paystack: PAYSTACK_KEY, stripe: STRIPE_KEY }, timeoutMs = 5_000) => ({
  paystack: new PaystackProvider({
    PAYSTACK_SECRET_KEY: keys.paystack,
    PAYSTACK_BASE_URL: url,
    PAYMENT_PROVIDER_TIMEOUT_MS: timeoutMs,
  }),
  stripe: new StripeProvider({
    STRIPE_SECRET_KEY: keys.stripe,
    STRIPE_WEBHOOK_SECRET: WHSEC,
    STRIPE_BASE_URL: `${url}/`,
    STRIPE_TOLERANCE_SECONDS: 300,
    PAYMENT_PROVIDER_TIMEOUT_MS: timeoutMs,
  }),
});

beforeAll(async () => {
  fake = await FakeProviderServer.start({ paystackSecretKey: PAYSTACK_KEY, stripeSecretKey: STRIPE_KEY });
  ({ paystack, stripe } = providersFor(fake.url));
});
afterAll(() => fake.close());

describe('Paystack createCheckout against a fake /transaction/initialize', () => {
  it('initialises with the secret key and a JSON body, and returns the authorization url', async () => {
    const req = request();
    const session = await paystack.createCheckout(req);
    const sent = fake.requests.at(-1)!;
    expect(sent).toMatchObject({ provider: 'paystack', method: 'POST', status: 200, problem: null });
    expect(sent.headers.authorization).toBe(`Bearer ${PAYSTACK_KEY}`);
    expect(sent.headers['content-type']).toBe('application/json');
    expect(JSON.parse(sent.rawBody)).toEqual({
      email: 'ngozi@example.com',
      amount: 250_000,
      currency: 'NGN',
      reference: toPaystackReference(req.reference),
      callback_url: 'https://app.example.test/wallet/top-ups',
      metadata: { topUpId: 't-1', userId: 'u1', reference: req.reference, description: 'Wallet top-up' },
    });
    const tx = fake.paystackTransactions.get(toPaystackReference(req.reference))!;
    expect(session).toEqual({
      providerReference: tx.accessCode,
      checkoutUrl: `https://checkout.paystack.com/${tx.accessCode}`,
    });
  });

  it('credits on the webhook Paystack sends for it: our reference back, signed with the secret key', async () => {
    const req = request();
    await paystack.createCheckout(req);
    const body = JSON.stringify(fake.paystackWebhookFor(toPaystackReference(req.reference)));
    const outcome = paystack.parseWebhook(
      body,
      { 'x-paystack-signature': signPaystack(body, PAYSTACK_KEY) },
      new Date(),
    );
    expect(outcome).toMatchObject({
      kind: 'PAYMENT_SUCCEEDED',
      reference: req.reference,
      amount: { amountMinor: 250_000, currency: 'NGN' },
    });
  });

  it('refused credentials: 503 PROVIDER_UNAVAILABLE', async () => {
    const wrong = providersFor(fake.url, { paystack: 'sk_test_wrong', stripe: STRIPE_KEY }).paystack;
    const err = await failure(wrong.createCheckout(request()));
    expect(err).toMatchObject({ code: ErrorCode.UNAVAILABLE, options: { reason: PROVIDER_UNAVAILABLE } });
    expect(err.message).toContain('Invalid key');
    expect(fake.requests.at(-1)!.status).toBe(401);
  });

  it('a refused payment (unsupported currency, reused reference): 422 PROVIDER_REJECTED with Paystack’s message', async () => {
    const bad = await failure(paystack.createCheckout(request({ amount: { amountMinor: 100, currency: 'EUR' } })));
    expect(bad).toMatchObject({ code: ErrorCode.UNPROCESSABLE, options: { reason: PROVIDER_REJECTED } });
    expect(bad.message).toContain('Currency not supported');
    const req = request();
    await paystack.createCheckout(req);
    const again = await failure(paystack.createCheckout(req));
    expect(again.message).toContain('Duplicate Transaction Reference');
  });

  it('Paystack failing, unreachable or silent: 503 PROVIDER_UNAVAILABLE', async () => {
    fake.failNext(500);
    expect(await failure(paystack.createCheckout(request()))).toMatchObject({ code: ErrorCode.UNAVAILABLE });
    fake.failNext(429);
    expect(await failure(paystack.createCheckout(request()))).toMatchObject({ code: ErrorCode.UNAVAILABLE });

    const down = await FakeProviderServer.start();
    const downUrl = down.url;
    await down.close();
    const unreachable = await failure(providersFor(downUrl).paystack.createCheckout(request()));
    expect(unreachable).toMatchObject({ code: ErrorCode.UNAVAILABLE, options: { reason: PROVIDER_UNAVAILABLE } });
    expect(unreachable.message).toContain('could not be reached');

    fake.hangNext();
    const silent = await failure(providersFor(fake.url, undefined, 300).paystack.createCheckout(request()));
    expect(silent).toMatchObject({ code: ErrorCode.UNAVAILABLE, options: { reason: PROVIDER_UNAVAILABLE } });
    expect(silent.message).toContain('no answer within 300 ms');
  });

  it('a payer without an email is refused before calling Paystack', async () => {
    const before = fake.requests.length;
    const err = await failure(paystack.createCheckout(request({ email: null })));
    expect(err).toMatchObject({ code: ErrorCode.UNPROCESSABLE, options: { reason: 'EMAIL_REQUIRED' } });
    expect(fake.requests.length).toBe(before);
  });
});

describe('Stripe createCheckout against a fake /v1/checkout/sessions', () => {
  it('creates a payment session, form-encoded with the secret key, and returns its id and url', async () => {
    const req = request({ amount: { amountMinor: 4_999, currency: 'USD' } });
    const session = await stripe.createCheckout(req);
    const sent = fake.requests.at(-1)!;
    expect(sent).toMatchObject({ provider: 'stripe', method: 'POST', path: '/v1/checkout/sessions', status: 200 });
    expect(sent.headers.authorization).toBe(`Bearer ${STRIPE_KEY}`);
    expect(sent.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(sent.headers['idempotency-key']).toBe(`checkout-${req.reference}`);
    expect(Object.fromEntries(new URLSearchParams(sent.rawBody))).toEqual({
      mode: 'payment',
      'line_items[0][price_data][currency]': 'usd',
      'line_items[0][price_data][unit_amount]': '4999',
      'line_items[0][price_data][product_data][name]': 'Wallet top-up',
      'line_items[0][quantity]': '1',
      client_reference_id: req.reference,
      success_url: `https://app.example.test/wallet/top-ups?status=success&reference=${req.reference}`,
      cancel_url: `https://app.example.test/wallet/top-ups?status=cancelled&reference=${req.reference}`,
      customer_email: 'ngozi@example.com',
      'metadata[topUpId]': 't-1',
      'metadata[userId]': 'u1',
      'metadata[reference]': req.reference,
    });
    const created = fake.stripeSessions.get(session.providerReference)!;
    expect(session).toEqual({ providerReference: created.id, checkoutUrl: created.url });
    expect(created.id).toMatch(/^cs_test_/);
  });

  it('a retried checkout for the same reference gets the same session (idempotency key)', async () => {
    const req = request();
    const first = await stripe.createCheckout(req);
    expect(await stripe.createCheckout(req)).toEqual(first);
  });

  it('credits on the webhook Stripe sends for it, verified with the endpoint secret', async () => {
    const req = request();
    const { providerReference } = await stripe.createCheckout(req);
    const body = JSON.stringify(fake.stripeWebhookFor(providerReference));
    const outcome = stripe.parseWebhook(body, { 'stripe-signature': signStripe(body, WHSEC) }, new Date());
    expect(outcome).toMatchObject({
      kind: 'PAYMENT_SUCCEEDED',
      reference: req.reference,
      providerReference,
      amount: { amountMinor: 250_000, currency: 'NGN' },
    });
    expect(outcome.eventId).toMatch(/^evt_/);
  });

  it('refused credentials and Stripe failures: 503; a bad return URL: 400 before calling', async () => {
    const wrong = providersFor(fake.url, { paystack: PAYSTACK_KEY, stripe: 'sk_test_wrong' }).stripe;
    const err = await failure(wrong.createCheckout(request()));
    expect(err).toMatchObject({ code: ErrorCode.UNAVAILABLE, options: { reason: PROVIDER_UNAVAILABLE } });
    expect(err.message).toContain('Invalid API Key');
    fake.failNext(502);
    expect(await failure(stripe.createCheckout(request()))).toMatchObject({ code: ErrorCode.UNAVAILABLE });
    const before = fake.requests.length;
    const badUrl = await failure(stripe.createCheckout(request({ returnUrl: '/relative' })));
    expect(badUrl).toMatchObject({ code: ErrorCode.VALIDATION_FAILED, options: { details: [{ field: 'returnUrl' }] } });
    expect(fake.requests.length).toBe(before);
  });
});
