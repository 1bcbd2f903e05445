import {
  Api,
  TEST_PAYMENTS,
  paystackChargeEvent,
  paystackReferenceOf,
  sandboxWebhookEvent,
  signPaystack,
  signSandbox,
  signStripe,
  stripeCheckoutEvent,
  waitUntil,
} from '@telehealth/testing';
import { newPatient, type Session } from '../support/actors';
import { entries, mismatches, topUp, wallet } from './wallet-support';

const post = (provider: string, rawBody: string, headers: Record<string, string>) =>
  new Api().post(`/v1/webhooks/${provider}`, undefined, { raw: rawBody, headers });

/** A top-up left open at the provider (nothing credited until its webhook). */
async function openTopUp(p: Session, provider: string, amountMinor: number) {
  const res = await topUp(p, { amountMinor, provider, ...(provider === 'sandbox' && { sandboxOutcome: 'HOLD' }) });
  if (res.status !== 201) throw new Error(`top-up: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; reference: string; checkoutUrl: string; providerReference: string };
}

const credits = async (p: Session) => (await entries(p)).filter((e) => e.type === 'CREDIT').length;

describe('Payment provider webhooks - /v1/webhooks/{provider}', () => {
  afterEach(async () => expect(await mismatches()).toEqual([]));

  describe('Paystack: x-paystack-signature = HMAC-SHA512(raw body, secret key)', () => {
    it('initialises at Paystack, credits on charge.success exactly once (a replay is acknowledged, not applied)', async () => {
      const p = await newPatient();
      const t = await openTopUp(p, 'paystack', 150_000);
      expect(t.checkoutUrl).toMatch(/^https?:\/\//);
      const body = JSON.stringify(
        paystackChargeEvent({ reference: paystackReferenceOf(t.reference), amountMinor: 150_000, currency: 'NGN' }),
      );
      const headers = { 'x-paystack-signature': signPaystack(body, TEST_PAYMENTS.PAYSTACK_SECRET_KEY) };
      const first = await post('paystack', body, headers);
      expect(first.status).toBe(200);
      expect(first.body).toEqual({ received: true, applied: true });
      const replays = await Promise.all(Array.from({ length: 5 }, () => post('paystack', body, headers)));
      expect(replays.map((r) => r.body)).toEqual(Array(5).fill({ received: true, applied: false }));
      expect((await wallet(p)).balance.amountMinor).toBe(150_000);
      expect(await credits(p)).toBe(1);
      expect((await p.api.get(`/v1/wallet/top-ups/${t.id}`, { token: p.token })).body.status).toBe('SUCCESS');
    });

    it('a tampered body or the wrong secret is 400 and credits nothing', async () => {
      const p = await newPatient();
      const t = await openTopUp(p, 'paystack', 90_000);
      const body = JSON.stringify(
        paystackChargeEvent({ reference: paystackReferenceOf(t.reference), amountMinor: 90_000, currency: 'NGN' }),
      );
      const tampered = body.replace('90000', '9000000');
      const goodSig = signPaystack(body, TEST_PAYMENTS.PAYSTACK_SECRET_KEY);
      for (const [raw, sig] of [
        [tampered, goodSig],
        [body, signPaystack(body, 'sk_test_someone_else')],
        [body, ''],
      ]) {
        const res = await post('paystack', raw, sig ? { 'x-paystack-signature': sig } : {});
        expect(res.status).toBe(400);
        expect(res.body.details[0].field).toBe('x-paystack-signature');
      }
      expect((await wallet(p)).balance.amountMinor).toBe(0);
      expect((await p.api.get(`/v1/wallet/top-ups/${t.id}`, { token: p.token })).body.status).toBe('PENDING');
    });
  });

  describe('Stripe: Stripe-Signature t=,v1= = HMAC-SHA256("t.body", endpoint secret), 300 s tolerance', () => {
    const sessionEvent = (reference: string, amountMinor: number) =>
      JSON.stringify(stripeCheckoutEvent('checkout.session.completed', { reference, amountMinor, currency: 'NGN' }));

    it('creates a Checkout Session and credits on checkout.session.completed once', async () => {
      const p = await newPatient();
      const t = await openTopUp(p, 'stripe', 200_000);
      expect(t.providerReference).toMatch(/^cs_/);
      const body = sessionEvent(t.reference, 200_000);
      const sig = signStripe(body, TEST_PAYMENTS.STRIPE_WEBHOOK_SECRET);
      expect((await post('stripe', body, { 'stripe-signature': sig })).body).toEqual({ received: true, applied: true });
      expect((await post('stripe', body, { 'stripe-signature': sig })).body).toEqual({
        received: true,
        applied: false,
      });
      expect((await wallet(p)).balance.amountMinor).toBe(200_000);
      expect(await credits(p)).toBe(1);
    });

    it('a stale or future timestamp, a tampered body or the wrong secret is 400 and credits nothing', async () => {
      const p = await newPatient();
      const t = await openTopUp(p, 'stripe', 80_000);
      const body = sessionEvent(t.reference, 80_000);
      const now = Math.floor(Date.now() / 1000);
      const secret = TEST_PAYMENTS.STRIPE_WEBHOOK_SECRET;
      for (const [raw, sig] of [
        [body, signStripe(body, secret, now - 301)],
        [body, signStripe(body, secret, now + 301)],
        [body.replace('80000', '8000000'), signStripe(body, secret, now)],
        [body, signStripe(body, 'whsec_not_ours_0123456789', now)],
      ]) {
        const res = await post('stripe', raw, { 'stripe-signature': sig });
        expect(res.status).toBe(400);
        expect(res.body.details[0].field).toBe('Stripe-Signature');
      }
      expect((await wallet(p)).balance.amountMinor).toBe(0);
    });
  });

  describe('sandbox: x-sandbox-signature = HMAC-SHA256(raw body, sandbox secret)', () => {
    it('the same event id credits once even when 10 copies arrive at once', async () => {
      const p = await newPatient();
      const t = await openTopUp(p, 'sandbox', 70_000);
      const body = JSON.stringify(
        sandboxWebhookEvent({
          type: 'payment.succeeded',
          reference: t.reference,
          amountMinor: 70_000,
          currency: 'NGN',
        }),
      );
      const headers = { 'x-sandbox-signature': signSandbox(body, TEST_PAYMENTS.SANDBOX_WEBHOOK_SECRET) };
      const results = await Promise.all(Array.from({ length: 10 }, () => post('sandbox', body, headers)));
      expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
      expect(results.filter((r) => r.body.applied)).toHaveLength(1);
      await waitUntil(async () => (await wallet(p)).balance.amountMinor === 70_000, 'the credit');
      expect(await credits(p)).toBe(1);
    });

    it('an amount that differs from the top-up is not credited', async () => {
      const p = await newPatient();
      const t = await openTopUp(p, 'sandbox', 60_000);
      const body = JSON.stringify(
        sandboxWebhookEvent({
          type: 'payment.succeeded',
          reference: t.reference,
          amountMinor: 6_000_000,
          currency: 'NGN',
        }),
      );
      const res = await post('sandbox', body, {
        'x-sandbox-signature': signSandbox(body, TEST_PAYMENTS.SANDBOX_WEBHOOK_SECRET),
      });
      expect(res.status).toBe(200);
      expect(res.body.applied).toBe(false);
      expect((await wallet(p)).balance.amountMinor).toBe(0);
      expect((await p.api.get(`/v1/wallet/top-ups/${t.id}`, { token: p.token })).body).toMatchObject({
        status: 'FAILED',
        failureReason: expect.stringContaining('AMOUNT_MISMATCH'),
      });
    });
  });

  it('404 for a provider that does not exist', async () => {
    expect((await post('paypal', '{}', {})).status).toBe(404);
  });
});
