// Test support: webhook signatures made exactly as each provider documents them. Self-contained
// (Node built-ins only) so that any test suite can import or copy it.
import { createHmac } from 'node:crypto';

/** Paystack `x-paystack-signature`: hex HMAC-SHA512 of the raw body, keyed with the secret key. */
export function signPaystack(rawBody: string, secretKey: string): string {
  return createHmac('sha512', secretKey).update(rawBody, 'utf8').digest('hex');
}

/**
 * Stripe `Stripe-Signature`: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, keyed
 * with the endpoint's signing secret (whsec_...). `t` defaults to now.
 */
export function signStripe(rawBody: string, webhookSecret: string, t: number = Math.floor(Date.now() / 1000)): string {
  const v1 = createHmac('sha256', webhookSecret).update(`${t}.${rawBody}`, 'utf8').digest('hex');
  return `t=${t},v1=${v1}`;
}

/** The sandbox provider's `x-sandbox-signature`: hex HMAC-SHA256 of the raw body. */
export function signSandbox(rawBody: string, secret: string): string {
  return createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex');
}
