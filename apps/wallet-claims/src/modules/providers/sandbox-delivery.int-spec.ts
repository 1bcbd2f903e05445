import { randomUUID } from 'node:crypto';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import { loadConfig } from '@telehealth/config';
import { PaymentProviderName, SandboxOutcome } from '@telehealth/contracts';
import { JobsModule } from '@telehealth/jobs';
import { type ReceivedWebhook, REDIS_URL, signSandbox, waitUntil, WebhookReceiver } from '@telehealth/testing';
import { PAYMENT_PROVIDERS, type CheckoutRequest, type PaymentProviders } from './payment-provider';
import { ProvidersConfig } from './providers.config';
import { ProvidersModule, sandboxOf } from './providers.module';
import { SandboxPaymentProvider } from './sandbox.provider';
import { WalletClaimsQueues } from '../../queues';
import { SandboxWebhookQueue } from './sandbox-webhook.queue';

const SECRET = 'int-sandbox-secret-0123456789';
/** Its own key prefix, away from a running service's worker; removed afterwards. */
const PREFIX = `it-${randomUUID().slice(0, 8)}`;

let receiver: WebhookReceiver;
let app: INestApplicationContext;
let sandbox: SandboxPaymentProvider;
let queue: SandboxWebhookQueue;

const checkout = (reference: string, outcome?: SandboxOutcome, delayMs = 0): CheckoutRequest => ({
  reference,
  amount: { amountMinor: 120_000, currency: 'NGN' },
  email: 'payer@example.com',
  userId: 'u1',
  description: 'Wallet top-up',
  returnUrl: 'http://localhost:3000/wallet',
  metadata: {},
  ...(outcome ? { sandbox: { outcome, delayMs } } : {}),
});

const deliveriesOf = (reference: string): ReceivedWebhook[] =>
  receiver.received.filter(
    (w) => (JSON.parse(w.rawBody) as { data: { reference: string } }).data.reference === reference,
  );
const newReference = () => `TOPUP_it_${randomUUID().slice(0, 8)}`;
const stateOf = async (reference: string) => (await queue.job(reference))?.getState();

beforeAll(async () => {
  receiver = await WebhookReceiver.start();
  const config = loadConfig(ProvidersConfig, {
    SANDBOX_WEBHOOK_SECRET: SECRET,
    SANDBOX_WEBHOOK_URL: `${receiver.url}/v1/webhooks/sandbox`,
    SANDBOX_DEFAULT_DELAY_MS: '0',
  });
  @Module({
    imports: [
      JobsModule.forRoot({ REDIS_URL, QUEUE_PREFIX: PREFIX }),
      ProvidersModule.forRoot(config, { sandboxDelivery: { attempts: 4, backoffMs: 200 } }),
    ],
  })
  class ProvidersWithJobs {}
  app = await NestFactory.createApplicationContext(ProvidersWithJobs, { logger: false });
  await app.init();
  sandbox = app.get(SandboxPaymentProvider);
  queue = app.get(SandboxWebhookQueue);
});
afterAll(async () => {
  await app?.close();
  await receiver?.close();
  const leftovers = new Queue(WalletClaimsQueues.sandboxWebhooks.name, {
    connection: { url: REDIS_URL },
    prefix: PREFIX,
  });
  await leftovers.obliterate({ force: true });
  await leftovers.close();
});

describe('Sandbox provider through Redis/BullMQ', () => {
  it('is the registry’s sandbox', () => {
    const registry = app.get<PaymentProviders>(PAYMENT_PROVIDERS);
    expect(registry.get(PaymentProviderName.SANDBOX)).toBe(sandbox);
    expect(sandboxOf(registry)).toBe(sandbox);
  });

  it('delivers a signed payment.succeeded webhook that the provider itself verifies', async () => {
    const reference = newReference();
    const session = await sandbox.createCheckout(checkout(reference));
    await waitUntil(() => deliveriesOf(reference).length > 0, 'the sandbox webhook');
    const [hook] = deliveriesOf(reference);
    expect(hook.path).toBe('/v1/webhooks/sandbox');
    expect(hook.headers['content-type']).toBe('application/json');
    expect(hook.headers['x-sandbox-signature']).toBe(signSandbox(hook.rawBody, SECRET));
    const outcome = sandbox.parseWebhook(hook.rawBody, hook.headers as Record<string, string>, new Date());
    expect(outcome).toMatchObject({
      kind: 'PAYMENT_SUCCEEDED',
      reference,
      providerReference: session.providerReference,
      amount: { amountMinor: 120_000, currency: 'NGN' },
    });
    expect(outcome.eventId).toMatch(/^sbx_evt_/);
  });

  it('retries when the receiver answers 500, resending the same signed event', async () => {
    const reference = newReference();
    receiver.answerNext(500);
    await sandbox.createCheckout(checkout(reference, SandboxOutcome.FAIL));
    await waitUntil(() => deliveriesOf(reference).some((w) => w.status === 200), 'a successful redelivery');
    const [first, second] = deliveriesOf(reference);
    expect([first.status, second.status]).toEqual([500, 200]);
    expect(second.rawBody).toBe(first.rawBody);
    expect(second.headers['x-sandbox-signature']).toBe(first.headers['x-sandbox-signature']);
    expect(sandbox.parseWebhook(second.rawBody, second.headers as Record<string, string>, new Date())).toMatchObject({
      kind: 'PAYMENT_FAILED',
      reference,
    });
    await waitUntil(async () => (await stateOf(reference)) === 'completed', 'the delivery job to complete');
    expect(deliveriesOf(reference)).toHaveLength(2);
  });

  it('schedules once per reference: a repeated checkout sends one webhook', async () => {
    const reference = newReference();
    await Promise.all([sandbox.createCheckout(checkout(reference)), sandbox.createCheckout(checkout(reference))]);
    await waitUntil(async () => (await stateOf(reference)) === 'completed', 'the delivery job to complete');
    expect(deliveriesOf(reference)).toHaveLength(1);
    expect(await sandbox.complete(reference, SandboxOutcome.FAIL, { amountMinor: 1, currency: 'NGN' })).toBe(false);
  });

  it('HOLD schedules nothing; complete() delivers the payer’s answer at once, and only the first', async () => {
    const reference = newReference();
    const session = await sandbox.createCheckout(checkout(reference, SandboxOutcome.HOLD));
    expect(session.checkoutUrl).toBe(
      `http://localhost:3000/v1/sandbox/checkout/${reference}?key=${sandbox.checkoutKey(reference)}`,
    );
    expect(await queue.job(reference)).toBeUndefined();

    const amount = { amountMinor: 120_000, currency: 'NGN' };
    expect(await sandbox.complete(reference, SandboxOutcome.SUCCEED, amount)).toBe(true);
    expect(await sandbox.complete(reference, SandboxOutcome.FAIL, amount)).toBe(false);
    await waitUntil(async () => (await stateOf(reference)) === 'completed', 'the delivery job to complete');
    const hooks = deliveriesOf(reference);
    expect(hooks).toHaveLength(1);
    expect(
      sandbox.parseWebhook(hooks[0].rawBody, hooks[0].headers as Record<string, string>, new Date()),
    ).toMatchObject({
      kind: 'PAYMENT_SUCCEEDED',
      reference,
      amount,
    });
  });

  it('a delayed outcome waits in Redis as a delayed job', async () => {
    const reference = newReference();
    await sandbox.createCheckout(checkout(reference, SandboxOutcome.SUCCEED, 600_000));
    const job = (await queue.job(reference))!;
    expect(await job.getState()).toBe('delayed');
    expect(job.opts.delay).toBe(600_000);
    await job.remove();
  });

  it('a delivery that ran out of attempts is tried again by complete()', async () => {
    const reference = newReference();
    receiver.answerNext(503, 503, 503, 503);
    await sandbox.createCheckout(checkout(reference));
    await waitUntil(async () => (await stateOf(reference)) === 'failed', 'the deliveries to run out', 30_000);
    expect(deliveriesOf(reference).map((w) => w.status)).toEqual([503, 503, 503, 503]);
    expect(await sandbox.complete(reference, SandboxOutcome.SUCCEED, { amountMinor: 120_000, currency: 'NGN' })).toBe(
      true,
    );
    await waitUntil(() => deliveriesOf(reference).some((w) => w.status === 200), 'the retried delivery');
    const bodies = new Set(deliveriesOf(reference).map((w) => w.rawBody));
    expect(bodies.size).toBe(1);
  });
});
