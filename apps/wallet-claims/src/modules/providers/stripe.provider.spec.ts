import { createHmac } from 'node:crypto';
import { ErrorCode } from '@telehealth/contracts';
import { BAD_BODY, BAD_SIGNATURE, DomainError } from '@telehealth/messaging';
import { StripeProvider, parseStripeSignature } from './stripe.provider';
import { signStripe, stripeCheckoutEvent } from '@telehealth/testing';

const SECRET = 'whsec_vector_secret';
const provider = new StripeProvider({
  STRIPE_SECRET_KEY: 'sk_test_unused',
  STRIPE_WEBHOOK_SECRET: SECRET,
  STRIPE_BASE_URL: 'http://127.0.0.1:9',
  STRIPE_TOLERANCE_SECONDS: 300,
  PAYMENT_PROVIDER_TIMEOUT_MS: 1_000,
});
const T = 1_700_000_000;
const at = (unixSeconds: number) => new Date(unixSeconds * 1000);

function rejection(fn: () => unknown): { code: ErrorCode; field: string; problem: string; reason?: string } {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    const e = err as DomainError;
    const detail = e.options.details?.[0];
    return { code: e.code, field: detail?.field ?? '', problem: detail?.problem ?? '', reason: e.options.reason };
  }
  throw new Error('expected a rejection');
}

const hex = (payload: string, secret = SECRET) => createHmac('sha256', secret).update(payload).digest('hex');

describe('Stripe-Signature (t=, v1= HMAC-SHA256 over `${t}.${body}`, 300 s tolerance)', () => {
  // Computed independently: printf '%s' "1700000000.$BODY" | openssl dgst -sha256 -hmac whsec_vector_secret
  const BODY = '{"id":"evt_1","type":"payment_intent.created"}';
  const V1 = '1ba1aa28e7e88aca73bb7eeb6e1569e4a5528457b680cabdf023d2ddd5b55b74';
  const parse = (header: string | undefined, body = BODY, now = at(T)) =>
    provider.parseWebhook(body, header === undefined ? {} : { 'stripe-signature': header }, now);
  const refused = (header: string | undefined, body = BODY, now = at(T)) => {
    const r = rejection(() => parse(header, body, now));
    expect(r).toMatchObject({ code: ErrorCode.VALIDATION_FAILED, field: 'Stripe-Signature', reason: BAD_SIGNATURE });
    return r.problem;
  };

  it('accepts the known-answer vector, and the test signer produces it', () => {
    expect(signStripe(BODY, SECRET, T)).toBe(`t=${T},v1=${V1}`);
    expect(parse(`t=${T},v1=${V1}`)).toEqual({
      eventId: 'evt_1',
      kind: 'IGNORED',
      reference: null,
      providerReference: null,
      amount: null,
      failureReason: null,
    });
  });

  it('finds the header whatever its case', () => {
    expect(provider.parseWebhook(BODY, { 'Stripe-Signature': `t=${T},v1=${V1}` }, at(T)).eventId).toBe('evt_1');
  });

  it('refuses a tampered body, the wrong secret, a missing header', () => {
    expect(refused(`t=${T},v1=${V1}`, BODY.replace('evt_1', 'evt_2'))).toContain('no v1 signature matches');
    expect(refused(signStripe(BODY, 'whsec_other', T))).toContain('no v1 signature matches');
    expect(refused(undefined)).toContain('is missing');
    expect(refused('')).toContain('is missing');
  });

  it('refuses a signature of the body alone, or of a different timestamp', () => {
    expect(refused(`t=${T},v1=${hex(BODY)}`)).toContain('no v1 signature matches');
    expect(refused(`t=${T + 1},v1=${V1}`, BODY, at(T + 1))).toContain('no v1 signature matches');
  });

  it.each([
    ['garbage', 'garbage'],
    ['no timestamp', `v1=${V1}`],
    ['no v1', `t=${T}`],
    ['only v0', `t=${T},v0=${V1}`],
    ['a non-numeric timestamp', `t=abc,v1=${V1}`],
    ['two timestamps', `t=${T},t=${T},v1=${V1}`],
    ['an empty part', `t=${T},,v1=${V1}`],
  ])('refuses a malformed header (%s)', (_case, header) => {
    expect(refused(header)).toContain('is malformed');
  });

  it('tolerates 300 s of clock difference either way, and not one second more', () => {
    expect(parse(`t=${T},v1=${V1}`, BODY, at(T + 300)).eventId).toBe('evt_1');
    expect(parse(`t=${T},v1=${V1}`, BODY, at(T - 300)).eventId).toBe('evt_1');
    expect(refused(`t=${T},v1=${V1}`, BODY, at(T + 301))).toContain('outside the 300 s tolerance');
    expect(refused(`t=${T},v1=${V1}`, BODY, at(T - 301))).toContain('outside the 300 s tolerance');
    // A stale request stays stale when re-signed by someone without the secret.
    expect(refused(signStripe(BODY, 'whsec_forger', T + 1000), BODY, at(T + 1000))).toContain('no v1 signature');
  });

  it('accepts any matching v1 among several (secret rotation), ignoring v0 and unknown schemes', () => {
    const wrong = hex('something else');
    expect(parse(`t=${T},v1=${wrong},v1=${V1}`).eventId).toBe('evt_1');
    expect(parse(`t=${T},v1=${V1},v1=${wrong}`).eventId).toBe('evt_1');
    expect(parse(`t=${T}, v1=${V1}, v0=${wrong}, v9=zz`).eventId).toBe('evt_1');
    expect(refused(`t=${T},v1=${wrong},v1=${hex('x')},v0=${V1}`)).toContain('no v1 signature matches');
    expect(refused(`t=${T},v1=,v1=abc`)).toContain('no v1 signature matches');
  });

  it('parses the header parts', () => {
    expect(parseStripeSignature(`t=5,v1=aa,v0=bb,v1=cc`)).toEqual({ timestamp: 5, signatures: ['aa', 'cc'] });
  });

  it('reads the body only once verified', () => {
    expect(refused('t=1,v1=00', 'not json', at(1))).toContain('no v1 signature matches');
    const r = rejection(() => parse(signStripe('not json', SECRET, T), 'not json'));
    expect(r).toMatchObject({ field: 'body', reason: BAD_BODY });
    const noId = JSON.stringify({ type: 'x' });
    expect(rejection(() => parse(signStripe(noId, SECRET, T), noId)).problem).toContain('id');
  });
});

describe('Stripe Checkout events', () => {
  const now = new Date();
  const event = (payload: Record<string, unknown>) => {
    const body = JSON.stringify(payload);
    return provider.parseWebhook(body, { 'stripe-signature': signStripe(body, SECRET) }, now);
  };
  const session = { id: 'cs_test_1', reference: 'TOPUP_u_1', amountMinor: 500_000, currency: 'ngn' };

  it('checkout.session.completed and paid: succeeded, currency upper-cased', () => {
    expect(event(stripeCheckoutEvent('checkout.session.completed', session, 'evt_paid'))).toEqual({
      eventId: 'evt_paid',
      kind: 'PAYMENT_SUCCEEDED',
      reference: 'TOPUP_u_1',
      providerReference: 'cs_test_1',
      amount: { amountMinor: 500_000, currency: 'NGN' },
      failureReason: null,
    });
  });

  it('checkout.session.completed but unpaid (delayed method) is IGNORED; async_payment_succeeded succeeds', () => {
    const unpaid = stripeCheckoutEvent('checkout.session.completed', { ...session, paymentStatus: 'unpaid' }, 'evt_u');
    expect(event(unpaid)).toMatchObject({ eventId: 'evt_u', kind: 'IGNORED', reference: null });
    expect(event(stripeCheckoutEvent('checkout.session.async_payment_succeeded', session, 'evt_a'))).toMatchObject({
      eventId: 'evt_a',
      kind: 'PAYMENT_SUCCEEDED',
      reference: 'TOPUP_u_1',
      amount: { amountMinor: 500_000, currency: 'NGN' },
    });
  });

  it.each([
    ['checkout.session.async_payment_failed', 'The payment failed after checkout'],
    ['checkout.session.expired', 'The checkout session expired before the payment was made'],
  ] as const)('%s: failed', (type, reason) => {
    expect(event(stripeCheckoutEvent(type, session, 'evt_f'))).toEqual({
      eventId: 'evt_f',
      kind: 'PAYMENT_FAILED',
      reference: 'TOPUP_u_1',
      providerReference: 'cs_test_1',
      amount: null,
      failureReason: reason,
    });
  });

  it('takes the reference from metadata when client_reference_id is absent', () => {
    const payload = stripeCheckoutEvent('checkout.session.completed', {
      ...session,
      reference: null,
      metadata: { reference: 'TOPUP_meta' },
    });
    expect(event(payload)).toMatchObject({ kind: 'PAYMENT_SUCCEEDED', reference: 'TOPUP_meta' });
  });

  it('a session that is not ours (no reference) and other event types are IGNORED', () => {
    const foreign = stripeCheckoutEvent('checkout.session.completed', { ...session, reference: null, metadata: {} });
    expect(event(foreign)).toMatchObject({ kind: 'IGNORED', reference: null });
    expect(event({ id: 'evt_c', type: 'customer.created', data: { object: {} } })).toMatchObject({
      eventId: 'evt_c',
      kind: 'IGNORED',
    });
  });

  it('a paid session without a readable amount is a 400 on the body', () => {
    const payload = stripeCheckoutEvent('checkout.session.completed', session) as {
      data: { object: Record<string, unknown> };
    };
    payload.data.object.amount_total = null;
    expect(rejection(() => event(payload))).toMatchObject({ field: 'body', reason: BAD_BODY });
  });
});
