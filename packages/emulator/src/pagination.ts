// limit/offset pages with absolute next/previous links, as PredictHQ's list endpoints do.
import type { PageParams } from './validate.js';

export interface Page<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}

/** `base` is the absolute URL of the list without a query, e.g. http://127.0.0.1:4010/v1/tokens/. */
export function paginate<T>(items: readonly T[], { limit, offset }: PageParams, base: string): Page<T> {
  const link = (o: number) => `${base}?limit=${limit}&offset=${o}`;
  return {
    count: items.length,
    next: offset + limit < items.length ? link(offset + limit) : null,
    previous: offset > 0 ? link(Math.max(0, Math.min(offset, items.length) - limit)) : null,
    results: items.slice(offset, offset + limit),
  };
}
