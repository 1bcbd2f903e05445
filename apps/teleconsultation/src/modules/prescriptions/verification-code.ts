import { randomInt } from 'node:crypto';

/** Crockford-like: no 0/O, 1/I/L, so a code read aloud or typed from paper is not mistaken. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const GROUPS = 3;
const GROUP = 4;

/**
 * A verification code: 12 random characters from 31 (about 59 bits, from the system's CSPRNG) in
 * three groups, e.g. `K7QF-2M9X-PA4C`. Short enough to type from a printed prescription; far too
 * many to guess (the verify route is rate-limited besides).
 */
export function newVerificationCode(): string {
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    let s = '';
    for (let i = 0; i < GROUP; i++) s += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(s);
  }
  return groups.join('-');
}

/** A code as typed (any case, spaces or no dashes) in its canonical form, or null if it cannot be one. */
export function canonicalCode(typed: string): string | null {
  const raw = String(typed ?? '')
    .toUpperCase()
    .replace(/[\s-]/g, '');
  if (raw.length !== GROUPS * GROUP || [...raw].some((c) => !ALPHABET.includes(c))) return null;
  return Array.from({ length: GROUPS }, (_, g) => raw.slice(g * GROUP, (g + 1) * GROUP)).join('-');
}
