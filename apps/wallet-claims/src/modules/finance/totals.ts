import type { Model, PipelineStage } from 'mongoose';

type Key = Record<string, string>;

/**
 * Count and sum per group. Two single-accumulator pipelines rather than one: FerretDB v1 (the
 * test database) computes only the first accumulator of a $group; MongoDB is fine either way.
 */
export async function countAndSum<T>(
  model: Model<T>,
  match: Record<string, unknown>,
  groupBy: Key,
  amountField: string,
): Promise<{ key: Key; count: number; amount: number }[]> {
  const group = (acc: Record<string, unknown>): PipelineStage[] => [
    { $match: match },
    { $group: { _id: Object.fromEntries(Object.entries(groupBy).map(([k, f]) => [k, `$${f}`])), ...acc } },
  ];
  const [counts, sums] = await Promise.all([
    model.aggregate<{ _id: Key; v: number }>(group({ v: { $sum: 1 } })),
    model.aggregate<{ _id: Key; v: number }>(group({ v: { $sum: `$${amountField}` } })),
  ]);
  const id = (k: Key) => JSON.stringify(Object.keys(groupBy).map((f) => k[f]));
  const amounts = new Map(sums.map((s) => [id(s._id), s.v]));
  return counts
    .map((c) => ({ key: c._id, count: c.v, amount: amounts.get(id(c._id)) ?? 0 }))
    .sort((a, b) => id(a.key).localeCompare(id(b.key)));
}
