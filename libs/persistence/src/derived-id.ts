import { createHash } from 'node:crypto';

/**
 * A UUID-shaped id derived from a name (SHA-256, version nibble 5): the same name always gives
 * the same id. Documents keyed this way are found by primary key from their business key (a
 * ledger reference, a user's wallet, a patient's booking under an Idempotency-Key), which every
 * MongoDB-wire database serves without a scan, and a retry of crashed work is the same holder of
 * whatever the first attempt claimed.
 */
export function derivedId(name: string): string {
  const h = createHash('sha256').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
