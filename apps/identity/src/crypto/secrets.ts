import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** A 6-digit one-time code (email verification). */
export const newNumericCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

/** An opaque URL-safe secret (refresh tokens, password-reset tokens). */
export const newSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** One-time secrets are stored only as SHA-256: they are high-entropy, so no salt is needed. */
export const sha256 = (value: string): string => createHash('sha256').update(value).digest('base64url');

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
