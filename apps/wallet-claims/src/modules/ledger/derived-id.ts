import { createHash } from 'node:crypto';

/**
 * A UUID-shaped id derived from a name (SHA-256, version nibble 5): the same name always gives
 * the same id. Documents keyed this way are found by primary key from their business key (a
 * ledger reference, a user's wallet), which every MongoDB-wire database serves without a scan.
 */
export function derivedId(name: string): string {
  const h = createHash('sha256').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The id of the ledger entry with this (platform-wide unique) reference. */
export const entryIdOf = (reference: string): string => derivedId(`ledger-entry:${reference}`);

/** The id of a user's wallet in a currency (one per user and currency). */
export const walletIdOf = (userId: string, currency: string): string => derivedId(`wallet:${userId}:${currency}`);
