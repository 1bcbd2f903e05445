import type { Model } from 'mongoose';

type Key = Record<string, string>;

/** Count and sum of `amountField` per group, in one `$group`, ordered by key. */
export async function countAndSum<T>(
  model: Model<T>,
  match: Record<string, unknown>,
  groupBy: Key,
  amountField: string,
): Promise<{ key: Key; count: number; amount: number }[]> {
  const rows = await model.aggregate<{ _id: Key; count: number; amount: number }>([
    { $match: match },
    {
      $group: {
        _id: Object.fromEntries(Object.entries(groupBy).map(([k, f]) => [k, `$${f}`])),
        count: { $sum: 1 },
        amount: { $sum: `$${amountField}` },
      },
    },
  ]);
  const id = (k: Key) => JSON.stringify(Object.keys(groupBy).map((f) => k[f]));
  return rows
    .map((r) => ({ key: r._id, count: r.count, amount: r.amount }))
    .sort((a, b) => id(a.key).localeCompare(id(b.key)));
}
