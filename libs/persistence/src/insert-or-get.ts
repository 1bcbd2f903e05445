import type { Model } from 'mongoose';
import { isDuplicateKey } from '@telehealth/messaging';

export interface InsertOrGet<T> {
  doc: T;
  /** True for the one caller whose insert stored the document; false when it existed. */
  created: boolean;
}

/**
 * The document with `doc`'s business key: inserted now, or the one that already exists. The
 * key is `doc._id` (derive it from the business key when you can: a primary-key read finds the
 * winner without a scan) or a unique index, with `existing` saying how to read the winner
 * (e.g. `() => payments.findOne({ appointmentId }).lean()`). Of concurrent callers exactly one
 * gets `created: true`, and all get the same document.
 *
 * Use it for "one X per Y, whoever asks first": a wallet per user and currency, a payment per
 * appointment, a settlement decision per appointment. The first writer decides; later callers
 * read its decision instead of overwriting it. An upsert with `$setOnInsert` is the
 * conditional-update way to the same end; the insert is preferred because it says "first writer
 * wins" plainly, costs nothing extra in the common case, and concurrent upserts on a unique key
 * can fail with a duplicate key on MongoDB anyway, needing this same catch.
 */
export async function insertOrGet<T extends { _id: unknown }>(
  model: Model<T>,
  doc: Partial<T> & Pick<T, '_id'>,
  existing: () => Promise<T | null> = () => model.findById(doc._id).lean<T>().exec(),
): Promise<InsertOrGet<T>> {
  // A winner deleted between our failed insert and our read (rare: these are kept) is retried.
  for (let attempt = 0; ; attempt++) {
    try {
      const created = await model.create(doc);
      return { doc: created.toObject() as T, created: true };
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      const found = await existing();
      if (found) return { doc: found, created: false };
      if (attempt >= 2) throw err;
    }
  }
}
