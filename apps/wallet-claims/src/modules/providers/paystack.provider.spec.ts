import { ErrorCode } from '@telehealth/contracts';
import { BAD_BODY, BAD_SIGNATURE, DomainError } from '@telehealth/messaging';
import { PaystackProvider, fromPaystackReference, toPaystackReference } from './paystack.provider';
import { paystackChargeEvent, paystackReferenceOf, signPaystack } from '@telehealth/testing';

const SECRET = 'sk_test_vector_key';
const provider = new PaystackProvider({
  PAYSTACK_SECRET_KEY: SECRET,
  PAYSTACK_BASE_URL: 'http://127.0.0.1:9',
  PAYMENT_PROVIDER_TIMEOUT_MS: 1_000,
});
const NOW = new Date('2026-01-10T12:00:00Z');

/** The 400 that `fn` throws, reduced to what a client sees. */
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

const parse = (body: string, headers: Record<string, string>) => provider.parseWebhook(body, headers, NOW);
const signed = (body: string, secret = SECRET) => ({ 'x-paystack-signature': signPaystack(body, secret) });

describe('Paystack webhook signature (x-paystack-signature, HMAC-SHA512 of the raw body)', () => {
  // Digest computed independently: printf '%s' "$BODY" | openssl dgst -sha512 -hmac sk_test_vector_key
  const VECTOR_BODY =
    '{"event":"charge.success","data":{"id":302961,"reference":"TOPUP=5Fu1=5F1700000000","amount":500000,"currency":"NGN"}}';
  const VECTOR_SIG =
    '6a8826a907018a7fbf0ff176b79b9711c9a00f3c2dd01d27477de312f0557d47067b2322a15584ea018a13397218a688ad4615eaedd013fa5f65cdb61551c478';

  it('accepts the known-answer vector, and the test signer produces it', () => {
    expect(signPaystack(VECTOR_BODY, SECRET)).toBe(VECTOR_SIG);
    expect(parse(VECTOR_BODY, { 'x-paystack-signature': VECTOR_SIG })).toEqual({
      eventId: 'paystack:charge.success:302961',
      kind: 'PAYMENT_SUCCEEDED',
      reference: 'TOPUP_u1_1700000000',
      providerReference: '302961',
      amount: { amountMinor: 500000, currency: 'NGN' },
      failureReason: null,
    });
  });

  it('finds the header whatever its case, and takes upper-case hex', () => {
    expect(parse(VECTOR_BODY, { 'X-Paystack-Signature': VECTOR_SIG.toUpperCase() }).kind).toBe('PAYMENT_SUCCEEDED');
  });

  it.each([
    ['a tampered body', VECTOR_BODY.replace('500000', '900000'), signed(VECTOR_BODY), 'does not match the body'],
    ['the wrong secret', VECTOR_BODY, signed(VECTOR_BODY, 'sk_test_other_key'), 'does not match the body'],
    ['a missing header', VECTOR_BODY, {}, 'is missing'],
    ['an empty header', VECTOR_BODY, { 'x-paystack-signature': '' }, 'is missing'],
    ['a non-hex header', VECTOR_BODY, { 'x-paystack-signature': 'z'.repeat(128) }, 'is malformed'],
    ['a truncated header', VECTOR_BODY, { 'x-paystack-signature': VECTOR_SIG.slice(0, 64) }, 'is malformed'],
    ['a too long header', VECTOR_BODY, { 'x-paystack-signature': `${VECTOR_SIG}00` }, 'is malformed'],
    ['the signature under another header', VECTOR_BODY, { 'x-signature': VECTOR_SIG }, 'is missing'],
  ])('refuses %s with 400 naming x-paystack-signature', (_case, body, headers, problem) => {
    const r = rejection(() => parse(body, headers));
    expect(r).toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      field: 'x-paystack-signature',
      reason: BAD_SIGNATURE,
    });
    expect(r.problem).toContain(problem);
  });

  it('verifies before reading: an unsigned unreadable body is a signature error, a signed one a body error', () => {
    expect(rejection(() => parse('not json', {})).field).toBe('x-paystack-signature');
    expect(rejection(() => parse('not json', signed('not json')))).toMatchObject({ field: 'body', reason: BAD_BODY });
    expect(rejection(() => parse('[1]', signed('[1]'))).field).toBe('body');
  });
});

describe('Paystack events', () => {
  const event = (payload: Record<string, unknown>) => {
    const body = JSON.stringify(payload);
    return parse(body, signed(body));
  };

  it('charge.success: our reference, the amount collected, the transaction id', () => {
    const payload = paystackChargeEvent({ reference: 'TOPUP=5Fabc', amountMinor: 250_000, currency: 'GHS', id: 77 });
    expect(event(payload)).toEqual({
      eventId: 'paystack:charge.success:77',
      kind: 'PAYMENT_SUCCEEDED',
      reference: 'TOPUP_abc',
      providerReference: '77',
      amount: { amountMinor: 250_000, currency: 'GHS' },
      failureReason: null,
    });
  });

  it('charge.failed: the gateway response as the reason', () => {
    const payload = paystackChargeEvent(
      { reference: 'ref-1', amountMinor: 100, currency: 'NGN', id: 78, gatewayResponse: 'Insufficient Funds' },
      'charge.failed',
    );
    expect(event(payload)).toMatchObject({
      eventId: 'paystack:charge.failed:78',
      kind: 'PAYMENT_FAILED',
      reference: 'ref-1',
      providerReference: '78',
      amount: null,
      failureReason: 'Insufficient Funds',
    });
  });

  it('any other event is IGNORED, with a deterministic id (a replay has the same one)', () => {
    const payload = { event: 'transfer.success', data: { id: 9, reference: 'x' } };
    expect(event(payload)).toEqual({
      eventId: 'paystack:transfer.success:9',
      kind: 'IGNORED',
      reference: null,
      providerReference: null,
      amount: null,
      failureReason: null,
    });
    const noId = { event: 'subscription.create', data: { code: 'SUB_1' } };
    expect(event(noId).eventId).toBe(event(noId).eventId);
    expect(event(noId).eventId).toMatch(/^paystack:subscription\.create:[0-9a-f]{32}$/);
    expect(event({ ...noId, data: { code: 'SUB_2' } }).eventId).not.toBe(event(noId).eventId);
  });

  it.each([
    ['no event', { data: { id: 1 } }, 'event'],
    ['no data', { event: 'charge.success' }, 'data'],
    ['no reference', { event: 'charge.success', data: { id: 1, amount: 5, currency: 'NGN' } }, 'data.reference'],
    [
      'a fractional amount',
      { event: 'charge.success', data: { id: 1, reference: 'r', amount: 5.5, currency: 'NGN' } },
      'data.amount',
    ],
    [
      'a string amount',
      { event: 'charge.success', data: { id: 1, reference: 'r', amount: '5', currency: 'NGN' } },
      'data.amount',
    ],
    ['no currency', { event: 'charge.success', data: { id: 1, reference: 'r', amount: 5 } }, 'data.currency'],
  ])('a signed charge with %s is a 400 on the body', (_case, payload, path) => {
    const r = rejection(() => event(payload));
    expect(r).toMatchObject({ field: 'body', reason: BAD_BODY });
    expect(r.problem).toContain(path);
  });
});

describe('Paystack references', () => {
  it.each(['TOPUP_u1_1700000000', 'a=b', 'plain-ref.1', 'ünï_cödé', '=5F', '_=_', ''])(
    '%j round-trips and uses only Paystack’s alphabet',
    (reference) => {
      const encoded = toPaystackReference(reference);
      expect(encoded).toMatch(/^[A-Za-z0-9.=-]*$/);
      expect(fromPaystackReference(encoded)).toBe(reference);
      expect(paystackReferenceOf(reference)).toBe(encoded);
    },
  );

  it('leaves an already valid reference as it is, and is one-to-one', () => {
    expect(toPaystackReference('abc-1.2')).toBe('abc-1.2');
    expect(toPaystackReference('A_B')).toBe('A=5FB');
    expect(toPaystackReference('A=5FB')).not.toBe(toPaystackReference('A_B'));
  });
});
