import { ErrorCode, SandboxOutcome } from '@telehealth/contracts';
import { BAD_BODY, BAD_SIGNATURE, DomainError } from '@telehealth/messaging';
import type { CheckoutRequest } from './payment-provider';
import { SANDBOX_DECLINE_REASON, SandboxPaymentProvider } from './sandbox.provider';
import { sandboxJobId, type SandboxWebhookScheduler } from './sandbox-webhook.queue';
import { sandboxWebhookEvent, signSandbox } from '@telehealth/testing';

const SECRET = 'sandbox-vector-secret-0123';
const NOW = new Date();

/** Records what the provider schedules instead of queueing it; one schedule per reference. */
class RecordingScheduler implements SandboxWebhookScheduler {
  readonly scheduled: { reference: string; body: string; delayMs: number }[] = [];
  schedule(reference: string, body: string, delayMs: number): Promise<boolean> {
    if (this.scheduled.some((s) => s.reference === reference)) return Promise.resolve(false);
    this.scheduled.push({ reference, body, delayMs });
    return Promise.resolve(true);
  }
}

function setup() {
  const scheduler = new RecordingScheduler();
  const provider = new SandboxPaymentProvider(
    { SANDBOX_WEBHOOK_SECRET: SECRET, SANDBOX_DEFAULT_DELAY_MS: 300, PUBLIC_URL: 'https://api.example.test/' },
    scheduler,
  );
  return { scheduler, provider };
}

async function rejection(
  fn: () => unknown,
): Promise<{ code: ErrorCode; field: string; problem: string; reason?: string }> {
  try {
    await fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    const e = err as DomainError;
    const detail = e.options.details?.[0];
    return { code: e.code, field: detail?.field ?? '', problem: detail?.problem ?? '', reason: e.options.reason };
  }
  throw new Error('expected a rejection');
}

const checkout = (over: Partial<CheckoutRequest> = {}): CheckoutRequest => ({
  reference: 'TOPUP_u1_1700000000',
  amount: { amountMinor: 150_000, currency: 'NGN' },
  email: 'payer@example.com',
  userId: 'u1',
  description: 'Wallet top-up',
  returnUrl: 'https://app.example.test/wallet',
  metadata: {},
  ...over,
});

describe('Sandbox checkout', () => {
  it('SUCCEED (the default): schedules a payment.succeeded webhook after the default delay, no page', async () => {
    const { scheduler, provider } = setup();
    expect(await provider.createCheckout(checkout())).toEqual({
      providerReference: 'sbx_TOPUP_u1_1700000000',
      checkoutUrl: null,
    });
    expect(scheduler.scheduled).toHaveLength(1);
    const { reference, body, delayMs } = scheduler.scheduled[0];
    expect({ reference, delayMs }).toEqual({ reference: 'TOPUP_u1_1700000000', delayMs: 300 });
    expect(JSON.parse(body)).toEqual({
      id: expect.stringMatching(/^sbx_evt_[0-9a-f-]{36}$/),
      type: 'payment.succeeded',
      created: expect.any(String),
      data: {
        reference: 'TOPUP_u1_1700000000',
        amount: 150_000,
        currency: 'NGN',
        providerReference: 'sbx_TOPUP_u1_1700000000',
        reason: null,
      },
    });
  });

  it('FAIL with a delay: schedules payment.failed with a reason after that delay', async () => {
    const { scheduler, provider } = setup();
    await provider.createCheckout(checkout({ sandbox: { outcome: SandboxOutcome.FAIL, delayMs: 2_500 } }));
    expect(scheduler.scheduled[0].delayMs).toBe(2_500);
    expect(JSON.parse(scheduler.scheduled[0].body)).toMatchObject({
      type: 'payment.failed',
      data: { reference: 'TOPUP_u1_1700000000', reason: SANDBOX_DECLINE_REASON },
    });
  });

  it('HOLD: schedules nothing and sends the payer to the sandbox checkout page', async () => {
    const { scheduler, provider } = setup();
    const session = await provider.createCheckout(
      checkout({ reference: 'TOPUP u/1', sandbox: { outcome: SandboxOutcome.HOLD, delayMs: 0 } }),
    );
    // The link carries its key: the page needs no token, and no other checkout's key opens it.
    const url = new URL(session.checkoutUrl as string);
    expect(`${url.origin}${url.pathname}`).toBe('https://api.example.test/v1/sandbox/checkout/TOPUP%20u%2F1');
    const key = url.searchParams.get('key') as string;
    expect(provider.isCheckoutKey('TOPUP u/1', key)).toBe(true);
    expect(provider.isCheckoutKey('TOPUP u/2', key)).toBe(false);
    expect(provider.isCheckoutKey('TOPUP u/1', `${key.slice(0, -1)}x`)).toBe(false);
    expect(scheduler.scheduled).toEqual([]);
  });

  it('complete(): the payer’s answer is scheduled at once; once per reference', async () => {
    const { scheduler, provider } = setup();
    const amount = { amountMinor: 9_900, currency: 'NGN' };
    expect(await provider.complete('TOPUP_h', SandboxOutcome.FAIL, amount, 'Card declined')).toBe(true);
    expect(scheduler.scheduled[0].delayMs).toBe(0);
    expect(JSON.parse(scheduler.scheduled[0].body)).toMatchObject({
      type: 'payment.failed',
      data: { reference: 'TOPUP_h', amount: 9_900, currency: 'NGN', reason: 'Card declined' },
    });
    expect(await provider.complete('TOPUP_h', SandboxOutcome.SUCCEED, amount)).toBe(false);
    expect(scheduler.scheduled).toHaveLength(1);
  });

  it.each([
    [
      'a negative delay',
      () => setup().provider.createCheckout(checkout({ sandbox: { outcome: SandboxOutcome.SUCCEED, delayMs: -1 } })),
      'sandboxDelayMs',
    ],
    [
      'a fractional delay',
      () => setup().provider.createCheckout(checkout({ sandbox: { outcome: SandboxOutcome.SUCCEED, delayMs: 1.5 } })),
      'sandboxDelayMs',
    ],
    [
      'an unknown outcome',
      () => setup().provider.createCheckout(checkout({ sandbox: { outcome: 'MAYBE' as SandboxOutcome, delayMs: 0 } })),
      'sandboxOutcome',
    ],
    [
      'completing with HOLD',
      () => setup().provider.complete('r', SandboxOutcome.HOLD, { amountMinor: 1, currency: 'NGN' }),
      'outcome',
    ],
    [
      'a zero amount',
      () => setup().provider.complete('r', SandboxOutcome.SUCCEED, { amountMinor: 0, currency: 'NGN' }),
      'amount',
    ],
    [
      'a lower-case currency',
      () => setup().provider.complete('r', SandboxOutcome.SUCCEED, { amountMinor: 1, currency: 'ngn' }),
      'currency',
    ],
  ])('refuses %s with a 400 naming the field', async (_case, fn, field) => {
    expect(await rejection(fn)).toMatchObject({ code: ErrorCode.VALIDATION_FAILED, field });
  });
});

describe('Sandbox webhook (x-sandbox-signature, HMAC-SHA256 of the raw body)', () => {
  const { provider } = setup();
  // Computed independently: printf '%s' "$BODY" | openssl dgst -sha256 -hmac sandbox-vector-secret-0123
  const BODY =
    '{"id":"sbx_evt_1","type":"payment.succeeded","data":{"reference":"TOPUP_u_1","amount":1500,"currency":"NGN"}}';
  const SIG = '7361ceed78e6628135782366e85bb88feae8f2e1093078a1d34a7b7c07a7b09b';
  const parse = (body: string, headers: Record<string, string>) => provider.parseWebhook(body, headers, NOW);

  it('accepts the known-answer vector, and the test signer produces it', () => {
    expect(signSandbox(BODY, SECRET)).toBe(SIG);
    expect(parse(BODY, { 'x-sandbox-signature': SIG })).toEqual({
      eventId: 'sbx_evt_1',
      kind: 'PAYMENT_SUCCEEDED',
      reference: 'TOPUP_u_1',
      providerReference: null,
      amount: { amountMinor: 1500, currency: 'NGN' },
      failureReason: null,
    });
  });

  it.each([
    ['a tampered body', BODY.replace('1500', '9500'), { 'x-sandbox-signature': SIG }, 'does not match the body'],
    [
      'the wrong secret',
      BODY,
      { 'x-sandbox-signature': signSandbox(BODY, 'another-secret-0123456') },
      'does not match',
    ],
    ['a missing header', BODY, {}, 'is missing'],
    ['a malformed header', BODY, { 'x-sandbox-signature': `sha256=${SIG}` }, 'is malformed'],
    ['a SHA-512 length header', BODY, { 'x-sandbox-signature': SIG + SIG }, 'is malformed'],
  ])('refuses %s with 400 naming x-sandbox-signature', async (_case, body, headers, problem) => {
    const r = await rejection(() => parse(body, headers));
    expect(r).toMatchObject({ code: ErrorCode.VALIDATION_FAILED, field: 'x-sandbox-signature', reason: BAD_SIGNATURE });
    expect(r.problem).toContain(problem);
  });

  it('reads what its own checkout scheduled: succeeded and failed', async () => {
    const { scheduler, provider: p } = setup();
    await p.createCheckout(checkout({ reference: 'A' }));
    await p.createCheckout(checkout({ reference: 'B', sandbox: { outcome: SandboxOutcome.FAIL, delayMs: 0 } }));
    const [a, b] = scheduler.scheduled.map((s) =>
      p.parseWebhook(s.body, { 'x-sandbox-signature': signSandbox(s.body, SECRET) }, NOW),
    );
    expect(a).toMatchObject({
      kind: 'PAYMENT_SUCCEEDED',
      reference: 'A',
      providerReference: 'sbx_A',
      amount: { amountMinor: 150_000, currency: 'NGN' },
    });
    expect(a.eventId).toBe(JSON.parse(scheduler.scheduled[0].body).id);
    expect(b).toMatchObject({
      kind: 'PAYMENT_FAILED',
      reference: 'B',
      amount: null,
      failureReason: SANDBOX_DECLINE_REASON,
    });
  });

  it('other types are IGNORED; a signed but unreadable body is a 400 on the body', async () => {
    const other = JSON.stringify(
      sandboxWebhookEvent({
        id: 'sbx_evt_x',
        type: 'payment.refunded',
        reference: 'r',
        amountMinor: 1,
        currency: 'NGN',
      }),
    );
    expect(parse(other, { 'x-sandbox-signature': signSandbox(other, SECRET) })).toMatchObject({
      eventId: 'sbx_evt_x',
      kind: 'IGNORED',
      reference: null,
    });
    const noAmount = JSON.stringify({ id: 'e', type: 'payment.succeeded', data: { reference: 'r', currency: 'NGN' } });
    expect(
      await rejection(() => parse(noAmount, { 'x-sandbox-signature': signSandbox(noAmount, SECRET) })),
    ).toMatchObject({
      field: 'body',
      reason: BAD_BODY,
    });
  });
});

describe('sandboxJobId', () => {
  it('keeps a plain reference readable and hashes anything else (BullMQ ids take no ":")', () => {
    expect(sandboxJobId('TOPUP_u1_1700000000')).toBe('sbx-TOPUP_u1_1700000000');
    const odd = sandboxJobId('a:b c');
    expect(odd).toMatch(/^sbx-h-[0-9a-f]{40}$/);
    expect(sandboxJobId('a:b c')).toBe(odd);
    expect(sandboxJobId('a:b d')).not.toBe(odd);
  });
});
