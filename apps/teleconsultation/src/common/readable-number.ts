import { createHash } from 'node:crypto';

const BASE32 = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * `<PREFIX>-<yyyymmdd of at>-<6 characters from seed>` (e.g. VC-20261202-4F7K2Q): people can read
 * it out; derived from the seed, so every attempt to create the same thing names it the same.
 */
export function readableNumber(prefix: string, seed: string, at: Date): string {
  const digest = createHash('sha256').update(seed).digest();
  const code = Array.from(digest.subarray(0, 6), (b) => BASE32[b % BASE32.length]).join('');
  return `${prefix}-${at.toISOString().slice(0, 10).replace(/-/g, '')}-${code}`;
}
