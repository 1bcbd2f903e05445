import type { Model } from 'mongoose';
import { isDuplicateKey } from '@telehealth/messaging';

/**
 * Inserts `doc` unless a document with one of its unique keys (`_id`, or a unique index such
 * as a user's email or a token's `parentId`) exists; returns the stored document, or null when
 * the key was already taken. Of any number of concurrent inserts of one key exactly one gets a
 * document back: the unique index decides, on every replica and on MongoDB.
 *
 * Use a unique-insert claim when the fact to establish is "this happened (once)": a one-time
 * secret used, a webhook received, a token's successor issued, a family revoked. There is no
 * earlier document to change, so there is nothing to guard with a conditional update.
 */
export async function insertUnique<T>(model: Model<T>, doc: Partial<T>): Promise<T | null> {
  try {
    const created = await model.create(doc);
    return created.toObject() as T;
  } catch (err) {
    if (isDuplicateKey(err)) return null;
    throw err;
  }
}

/**
 * Claims a key once: true for the one caller whose insert of `doc` stored it, false for every
 * other (before, concurrently or after). See {@link insertUnique}.
 */
export async function claimOnce<T>(model: Model<T>, doc: Partial<T>): Promise<boolean> {
  return (await insertUnique(model, doc)) !== null;
}
