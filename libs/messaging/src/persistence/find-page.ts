import type { FilterQuery, Model, ProjectionType, SortOrder } from 'mongoose';
import type { PageQuery } from '@telehealth/contracts';

/**
 * One page (`?page&limit`, the platform's one way to page) of the documents matching `filter`,
 * in `sort` order, with how many match in all. End `sort` with a unique key (`_id`) so that
 * pages neither repeat nor skip documents that tie on the other keys.
 *
 * Here, not in service-kit, so that messaging's own lists (parked events) page the same way:
 * service-kit depends on messaging. Mongoose is imported for types only, so apps without a
 * database (the gateway) load nothing more.
 */
export async function findPage<T>(
  model: Model<T>,
  filter: FilterQuery<T>,
  sort: Record<string, SortOrder>,
  q: PageQuery,
  projection?: ProjectionType<T>,
): Promise<{ items: T[]; total: number }> {
  const [items, total] = await Promise.all([
    model
      .find(filter, projection)
      .sort(sort)
      .skip((q.page - 1) * q.limit)
      .limit(q.limit)
      .lean<T[]>(),
    model.countDocuments(filter),
  ]);
  return { items, total };
}
