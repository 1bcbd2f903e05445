import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Money } from '@telehealth/contracts';
import { DomainError } from '@telehealth/messaging';

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

/** Constant-time comparison of two hex digests; false (never a throw) when the lengths differ. */
export function sameHex(expectedHex: string, givenHex: string): boolean {
  const expected = Buffer.from(expectedHex, 'hex');
  const given = Buffer.from(givenHex, 'hex');
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

/** An amount in minor units and an ISO 4217 currency (any case) read from a payload. */
export function moneyAt(obj: Json, amountKey: string, currencyKey: string, path: string): Money {
  const amount = obj[amountKey];
  const currency = obj[currencyKey];
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount < 0) {
    throw bodyError(`${path}.${amountKey} must be a non-negative integer (minor units)`);
  }
  if (typeof currency !== 'string' || !/^[A-Za-z]{3}$/.test(currency)) {
    throw bodyError(`${path}.${currencyKey} must be a three-letter currency code`);
  }
  return { amountMinor: amount, currency: currency.toUpperCase() };
}

/** A short stable digest of the raw body: an event id for payloads that carry none. */
export const bodyDigest = (rawBody: string): string =>
  createHash('sha256').update(rawBody, 'utf8').digest('hex').slice(0, 32);
