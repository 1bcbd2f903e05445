/** One way to page everywhere: `?page=1&limit=20`, answered with {@link Page}. */
export interface PageQuery {
  page: number;
  limit: number;
}

export interface Page<T> {
  items: T[];
  page: number;
  limit: number;
  total: number;
  hasMore: boolean;
}

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export function toPage<T>(items: T[], total: number, q: PageQuery): Page<T> {
  return { items, page: q.page, limit: q.limit, total, hasMore: q.page * q.limit < total };
}
