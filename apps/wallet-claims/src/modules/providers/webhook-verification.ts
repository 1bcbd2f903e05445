import type { Money } from '@telehealth/contracts';
import { bodyError } from '@telehealth/messaging';

/**
 * The payment-specific part of reading a verified webhook. The provider-neutral checks (headers,
 * HMAC, BAD_SIGNATURE / BAD_BODY, JSON readers) are in @telehealth/messaging.
 */

/** An amount in minor units and an ISO 4217 currency (any case) read from a payload. */
export function moneyAt(obj: Record<string, unknown>, amountKey: string, currencyKey: string, path: string): Money {
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
