import type { FilterQuery, Model } from 'mongoose';
import { isDuplicateKey } from '@telehealth/messaging';

/** The id of place `n` under `key`: `${key}#${n}`. */
export const numberedClaimId = (key: string, n: number): string => `${key}#${n}`;

export interface NumberedClaim {
  /** `${key}#${n}`. */
  _id: string;
}

/**
 * Takes the lowest free place `n < capacity` under `key` by inserting `${key}#${n}` (unique
 * `_id`); returns its id, or null when all `capacity` places are taken. `build(id, n)` gives the
 * rest of the claim document (who holds it, for what). Of concurrent callers at most `capacity`
 * get an id, and no two the same one: each place is a unique-index insert.
 *
 * Use it for "at most N of these": the seats of a slot (`slotId#n`), a doctor's daily cap
 * (`doctor:date#n`), the uses of a discount code or a prior-authorisation code, the visits of a
 * benefit. A counter with a conditional `$inc` (`{used: {$lt: cap}}`) enforces the bound on one
 * document just as atomically, but remembers no holder: it cannot release exactly the place an
 * appointment held, nor say who holds which, nor be released twice safely. Claims can.
 *
 * The taken places are read first (by primary key, `_id $in [key#0..]`, which every engine serves
 * without a scan) so a full key costs one read, not `capacity` failed inserts.
 *
 * With `heldBy` (e.g. `{ appointmentId }`), a place under `key` that holder already has is returned
 * instead of a second one: a retry of work that crashed after its claim (same holder, an id derived
 * from the request) resumes with the place it took. It is for retries after the fact, not for two
 * live claims by one holder at once (those may both insert; the one whose work loses releases its
 * own place by id).
 */
export async function claimNumbered<T extends NumberedClaim>(
  model: Model<T>,
  key: string,
  capacity: number,
  build: (id: string, n: number) => Omit<T, '_id'>,
  options: { heldBy?: Partial<Omit<T, '_id'>> } = {},
): Promise<string | null> {
  const ids = Array.from({ length: capacity }, (_, n) => numberedClaimId(key, n));
  const { heldBy } = options;
  const placed = await model
    .find({ _id: { $in: ids } } as FilterQuery<T>, heldBy ? undefined : { _id: 1 })
    .lean<(NumberedClaim & Record<string, unknown>)[]>();
  const mine =
    heldBy && placed.find((c) => Object.entries(heldBy).every(([field, value]) => c[field] === (value as unknown)));
  if (mine) return mine._id;
  const taken = new Set(placed.map((c) => c._id));
  for (let n = 0; n < capacity; n++) {
    const id = ids[n];
    if (taken.has(id)) continue;
    try {
      await model.create({ ...build(id, n), _id: id });
      return id;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      // Taken between our read and our insert: try the next place.
    }
  }
  return null;
}

/**
 * Frees a place, only if it is still held as `holder` says (e.g. `{ appointmentId }`), so a late
 * or repeated release never frees a place someone else has taken since. True when it freed it.
 */
export async function releaseNumbered<T extends NumberedClaim>(
  model: Model<T>,
  claimId: string | null,
  holder: FilterQuery<T>,
): Promise<boolean> {
  if (!claimId) return false;
  const { deletedCount } = await model.deleteOne({ ...holder, _id: claimId } as FilterQuery<T>);
  return deletedCount === 1;
}
