/**
 * A write refused by a unique index. Unique-index inserts are the concurrency primitive of the
 * platform: they stay atomic on every MongoDB-wire database, where conditional updates may not.
 */
export const isDuplicateKey = (err: unknown): boolean => (err as { code?: number })?.code === 11000;
