import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../errors/domain-error';

/**
 * Provider-neutral checks of signed webhooks (payment providers in wallet-claims, video
 * providers in teleconsultation): the header, the HMAC over the raw body, freshness, and reading
 * the verified JSON. Every failure is a 400 {@link DomainError} with one of two reasons.
 */

/** Reason of every 400 for a webhook whose signature (or its header) does not verify. */
export const BAD_SIGNATURE = 'WEBHOOK_SIGNATURE_INVALID';
/** Reason of every 400 for a verified webhook whose body cannot be read. */
export const BAD_BODY = 'WEBHOOK_BODY_INVALID';

export const signatureError = (header: string, problem: string): DomainError =>
  DomainError.invalid(header, problem, BAD_SIGNATURE);

export const bodyError = (problem: string): DomainError => DomainError.invalid('body', problem, BAD_BODY);

/** A header by name, whatever the case it arrived in. */
export function headerOf(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

export const hmacHex = (algorithm: 'sha256' | 'sha512', secret: string, payload: string): string =>
  createHmac(algorithm, secret).update(payload, 'utf8').digest('hex');

/** Base64 HMAC-SHA256 of `payload` with a key given as bytes (Daily: the base64-decoded secret). */
export const hmacBase64 = (key: Buffer, payload: string): string =>
  createHmac('sha256', key).update(payload, 'utf8').digest('base64');

/** Constant-time comparison of two hex digests; false (never a throw) when the lengths differ. */
export function sameHex(expectedHex: string, givenHex: string): boolean {
  return sameBytes(Buffer.from(expectedHex, 'hex'), Buffer.from(givenHex, 'hex'));
}

/** Constant-time comparison of two base64 digests; false (never a throw) when the lengths differ. */
export function sameBase64(expectedBase64: string, givenBase64: string): boolean {
  return sameBytes(Buffer.from(expectedBase64, 'base64'), Buffer.from(givenBase64, 'base64'));
}

function sameBytes(expected: Buffer, given: Buffer): boolean {
  return expected.length === given.length && expected.length > 0 && timingSafeEqual(expected, given);
}

/**
 * Verifies a header carrying the hex HMAC of the raw body (Paystack, sandbox): present, the
 * right number of hex digits, equal in constant time. Throws a 400 naming the header otherwise.
 */
export function verifyBodyHmac(
  headers: Record<string, string>,
  header: string,
  algorithm: 'sha256' | 'sha512',
  secret: string,
  rawBody: string,
): void {
  const given = headerOf(headers, header)?.trim();
  if (!given) throw signatureError(header, 'is missing');
  const digits = algorithm === 'sha512' ? 128 : 64;
  if (!new RegExp(`^[0-9a-fA-F]{${digits}}$`).test(given)) {
    throw signatureError(header, `is malformed: expected ${digits} hex digits (HMAC-${algorithm.toUpperCase()})`);
  }
  if (!sameHex(hmacHex(algorithm, secret, rawBody), given)) {
    throw signatureError(header, 'does not match the body');
  }
}

/**
 * Refuses a signed moment further than `toleranceSeconds` from `now`, either way (a replay of an
 * old delivery, or a clock far off): a 400 naming `field`, with the signature reason.
 */
export function assertFresh(field: string, signedAt: Date, now: Date, toleranceSeconds: number): void {
  const skew = Math.round(Math.abs(now.getTime() - signedAt.getTime()) / 1000);
  if (!Number.isFinite(skew) || skew > toleranceSeconds) {
    throw signatureError(field, `is ${skew} s from now, outside the ${toleranceSeconds} s tolerance`);
  }
}

type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The body as a JSON object (call only after the signature verified). */
export function parseJsonObject(rawBody: string): Json {
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody);
  } catch {
    throw bodyError('is not JSON');
  }
  if (!isObject(parsed)) throw bodyError('is not a JSON object');
  return parsed;
}

export function objectAt(obj: Json, key: string, path: string): Json {
  const v = obj[key];
  if (!isObject(v)) throw bodyError(`${path} is missing or not an object`);
  return v;
}

export function stringAt(obj: Json, key: string, path: string): string {
  const v = obj[key];
  if (typeof v !== 'string' || v === '') throw bodyError(`${path} is missing or not a string`);
  return v;
}

export const optionalString = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** A short stable digest of the raw body: an event id for payloads that carry none. */
export const bodyDigest = (rawBody: string): string =>
  createHash('sha256').update(rawBody, 'utf8').digest('hex').slice(0, 32);
