// Test support: one loopback HTTP server imitating Paystack's POST /transaction/initialize and
// Stripe's POST /v1/checkout/sessions, refusing what the real APIs refuse (credentials, body
// format, required fields). Self-contained (Node built-ins only). Use its `url` as both
// PAYSTACK_BASE_URL and STRIPE_BASE_URL.
import { randomBytes } from 'node:crypto';
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { paystackChargeEvent, stripeCheckoutEvent, type StripeCheckoutEventType } from './webhook-payloads';

export interface FakeProviderServerOptions {
  paystackSecretKey?: string;
  stripeSecretKey?: string;
  /** Currencies the fake Paystack merchant accepts. */
  paystackCurrencies?: string[];
}

export interface FakeProviderRequest {
  provider: 'paystack' | 'stripe' | 'unknown';
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** What the fake answered, and why it refused (if it did). */
  status: number;
  problem: string | null;
}

export interface FakePaystackTransaction {
  id: number;
  reference: string;
  accessCode: string;
  email: string;
  amountMinor: number;
  currency: string;
  callbackUrl: string | null;
  metadata: unknown;
}

export interface FakeStripeSession {
  id: string;
  url: string;
  clientReferenceId: string | null;
  amountMinor: number;
  currency: string;
  productName: string;
  successUrl: string;
  cancelUrl: string | null;
  metadata: Record<string, string>;
  customerEmail: string | null;
  /** The form exactly as received. */
  form: Record<string, string>;
}

type Answer = { status: number; body: unknown; problem?: string };

const PAYSTACK_REFERENCE = /^[A-Za-z0-9.=-]+$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export class FakeProviderServer {
  readonly requests: FakeProviderRequest[] = [];
  readonly paystackTransactions = new Map<string, FakePaystackTransaction>();
  readonly stripeSessions = new Map<string, FakeStripeSession>();
  readonly paystackSecretKey: string;
  readonly stripeSecretKey: string;
  private readonly paystackCurrencies: string[];
  private readonly stripeIdempotency = new Map<string, { form: string; answer: Answer }>();
  private failures: number[] = [];
  private hangs = 0;
  private paystackIds = 5_000_000;

  private constructor(
    private readonly server: Server,
    options: FakeProviderServerOptions,
  ) {
    this.paystackSecretKey = options.paystackSecretKey ?? 'sk_test_fake_paystack_0123456789';
    this.stripeSecretKey = options.stripeSecretKey ?? 'sk_test_fake_stripe_0123456789';
    this.paystackCurrencies = options.paystackCurrencies ?? ['NGN', 'GHS', 'ZAR', 'KES', 'USD'];
  }

  static async start(options: FakeProviderServerOptions = {}): Promise<FakeProviderServer> {
    const server = createServer();
    const fake = new FakeProviderServer(server, options);
    server.on('request', (req, res) => fake.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The next `count` requests are answered with `status` (e.g. 500, 503, 429) and recorded. */
  failNext(status: number, count = 1): void {
    this.failures.push(...Array.from({ length: count }, () => status));
  }

  /** The next `count` requests get no answer at all (until the caller gives up or close()). */
  hangNext(count = 1): void {
    this.hangs += count;
  }

  /** The `charge.success` (or `charge.failed`) webhook Paystack would send for an initialised transaction. */
  paystackWebhookFor(
    paystackReference: string,
    event: 'charge.success' | 'charge.failed' = 'charge.success',
  ): Record<string, unknown> {
    const t = this.paystackTransactions.get(paystackReference);
    if (!t) throw new Error(`no Paystack transaction ${paystackReference} was initialised`);
    return paystackChargeEvent(
      { reference: t.reference, amountMinor: t.amountMinor, currency: t.currency, id: t.id, email: t.email },
      event,
    );
  }

  /** The webhook Stripe would send about a session created here. */
  stripeWebhookFor(
    sessionId: string,
    type: StripeCheckoutEventType = 'checkout.session.completed',
  ): Record<string, unknown> {
    const s = this.stripeSessions.get(sessionId);
    if (!s) throw new Error(`no Stripe session ${sessionId} was created`);
    return stripeCheckoutEvent(type, {
      id: s.id,
      reference: s.clientReferenceId,
      amountMinor: s.amountMinor,
      currency: s.currency,
      metadata: s.metadata,
    });
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const path = (req.url ?? '/').split('?')[0];
      const provider =
        path === '/transaction/initialize' ? 'paystack' : path === '/v1/checkout/sessions' ? 'stripe' : 'unknown';
      const record: FakeProviderRequest = {
        provider,
        method: req.method ?? '',
        path,
        headers: req.headers,
        rawBody,
        status: 0,
        problem: null,
      };
      this.requests.push(record);
      if (this.hangs > 0) {
        this.hangs--;
        record.problem = 'hung on purpose';
        return;
      }
      const failure = this.failures.shift();
      const answer: Answer =
        failure !== undefined
          ? { status: failure, body: { status: false, message: 'Injected failure' }, problem: 'failed on purpose' }
          : req.method !== 'POST'
            ? { status: 405, body: { message: 'Method not allowed' }, problem: 'not a POST' }
            : provider === 'paystack'
              ? this.paystack(req.headers, rawBody)
              : provider === 'stripe'
                ? this.stripe(req.headers, rawBody)
                : { status: 404, body: { message: 'Not found' }, problem: `no route ${path}` };
      record.status = answer.status;
      record.problem = answer.problem ?? null;
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer.body));
    });
  }

  private paystack(headers: IncomingHttpHeaders, rawBody: string): Answer {
    const refuse = (status: number, message: string): Answer => ({
      status,
      body: { status: false, message },
      problem: message,
    });
    if (headers.authorization !== `Bearer ${this.paystackSecretKey}`) return refuse(401, 'Invalid key');
    if (!String(headers['content-type'] ?? '').startsWith('application/json')) {
      return refuse(400, 'Content-Type must be application/json');
    }
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(rawBody) as Record<string, unknown>;
    } catch {
      return refuse(400, 'Invalid JSON body');
    }
    if (typeof body.email !== 'string' || !EMAIL.test(body.email)) return refuse(400, 'Invalid Email Address Passed');
    const amount =
      typeof body.amount === 'number' ? body.amount : typeof body.amount === 'string' ? Number(body.amount) : NaN;
    if (!Number.isSafeInteger(amount) || amount <= 0) return refuse(400, 'Invalid Amount Sent');
    const currency = body.currency === undefined ? 'NGN' : body.currency;
    if (typeof currency !== 'string' || !this.paystackCurrencies.includes(currency)) {
      return refuse(400, 'Currency not supported by merchant');
    }
    const reference = body.reference === undefined ? randomBytes(10).toString('hex') : body.reference;
    if (typeof reference !== 'string' || !PAYSTACK_REFERENCE.test(reference)) {
      return refuse(400, 'Invalid transaction reference: only -, ., = and alphanumeric characters allowed');
    }
    if (this.paystackTransactions.has(reference)) return refuse(400, 'Duplicate Transaction Reference');
    const callbackUrl = body.callback_url === undefined ? null : body.callback_url;
    if (callbackUrl !== null && (typeof callbackUrl !== 'string' || !/^https?:\/\//.test(callbackUrl))) {
      return refuse(400, 'Invalid callback_url');
    }
    if (body.metadata !== undefined && (typeof body.metadata !== 'object' || body.metadata === null)) {
      if (typeof body.metadata !== 'string') return refuse(400, 'Invalid metadata');
    }
    const accessCode = randomBytes(8).toString('hex');
    this.paystackTransactions.set(reference, {
      id: ++this.paystackIds,
      reference,
      accessCode,
      email: body.email,
      amountMinor: amount,
      currency,
      callbackUrl,
      metadata: body.metadata ?? null,
    });
    return {
      status: 200,
      body: {
        status: true,
        message: 'Authorization URL created',
        data: { authorization_url: `https://checkout.paystack.com/${accessCode}`, access_code: accessCode, reference },
      },
    };
  }

  private stripe(headers: IncomingHttpHeaders, rawBody: string): Answer {
    const refuse = (status: number, message: string, param?: string): Answer => ({
      status,
      body: {
        error: { type: 'invalid_request_error', message, ...(param ? { param, code: 'parameter_missing' } : {}) },
      },
      problem: message,
    });
    const auth = headers.authorization;
    if (auth !== `Bearer ${this.stripeSecretKey}`) {
      return refuse(401, auth ? 'Invalid API Key provided' : 'You did not provide an API key.');
    }
    if (!String(headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
      return refuse(400, 'Invalid request: the body must be application/x-www-form-urlencoded');
    }
    const key = headers['idempotency-key'];
    const idempotencyKey = typeof key === 'string' ? key : null;
    if (idempotencyKey) {
      const seen = this.stripeIdempotency.get(idempotencyKey);
      if (seen && seen.form !== rawBody) {
        return {
          status: 400,
          body: {
            error: {
              type: 'idempotency_error',
              message:
                'Keys for idempotent requests can only be used with the same parameters they were first used with.',
            },
          },
          problem: 'idempotency key reused with other parameters',
        };
      }
      if (seen) return seen.answer;
    }
    const form = Object.fromEntries(new URLSearchParams(rawBody));
    const answer = this.stripeSession(form, refuse);
    if (idempotencyKey && answer.status === 200) this.stripeIdempotency.set(idempotencyKey, { form: rawBody, answer });
    return answer;
  }

  private stripeSession(
    form: Record<string, string>,
    refuse: (status: number, message: string, param?: string) => Answer,
  ): Answer {
    const required = [
      'mode',
      'success_url',
      'line_items[0][price_data][currency]',
      'line_items[0][price_data][unit_amount]',
      'line_items[0][price_data][product_data][name]',
      'line_items[0][quantity]',
    ];
    for (const param of required) {
      if (!form[param]) return refuse(400, `Missing required param: ${param}.`, param);
    }
    if (form.mode !== 'payment') return refuse(400, `Invalid mode: ${form.mode} (this fake takes payment)`);
    const currency = form['line_items[0][price_data][currency]'];
    if (!/^[a-z]{3}$/.test(currency)) return refuse(400, `Invalid currency: ${currency}`);
    const amount = form['line_items[0][price_data][unit_amount]'];
    if (!/^[1-9]\d*$/.test(amount)) return refuse(400, `Invalid integer: ${amount}`);
    if (form['line_items[0][quantity]'] !== '1') return refuse(400, 'This fake sells one item');
    for (const url of ['success_url', 'cancel_url']) {
      if (form[url] !== undefined && !/^https?:\/\//.test(form[url])) return refuse(400, `Not a valid URL: ${url}`);
    }
    const reference = form.client_reference_id ?? null;
    if (reference !== null && reference.length > 200) return refuse(400, 'client_reference_id is too long');
    const metadata: Record<string, string> = {};
    for (const [k, v] of Object.entries(form)) {
      const m = /^metadata\[([^\]]+)\]$/.exec(k);
      if (m) metadata[m[1]] = v;
    }
    const id = `cs_test_${randomBytes(16).toString('hex')}`;
    const session: FakeStripeSession = {
      id,
      url: `https://checkout.stripe.com/c/pay/${id}`,
      clientReferenceId: reference,
      amountMinor: Number(amount),
      currency,
      productName: form['line_items[0][price_data][product_data][name]'],
      successUrl: form.success_url,
      cancelUrl: form.cancel_url ?? null,
      metadata,
      customerEmail: form.customer_email ?? null,
      form,
    };
    this.stripeSessions.set(id, session);
    return {
      status: 200,
      body: {
        id,
        object: 'checkout.session',
        amount_total: session.amountMinor,
        currency,
        client_reference_id: reference,
        metadata,
        mode: 'payment',
        payment_status: 'unpaid',
        status: 'open',
        success_url: session.successUrl,
        cancel_url: session.cancelUrl,
        url: session.url,
      },
    };
  }
}
