import type { FilterQuery, Model, ProjectionType, SortOrder } from 'mongoose';
import type { PageQuery } from '@telehealth/contracts';

/**
 * One page (`?page&limit`, the platform's one way to page) of the documents matching `filter`,
 * in `sort` order, with how many match in all.
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
