// Sorting and filtering of token lists, pure so they are unit tested and fast for
// thousands of tokens: one pass to build keys, one sort, no per-compare allocations.
import { parseTokenName, type TokenMeta } from '../core';
import type { SortOrder } from '../config';

export interface TokenFilter {
  /** Case-insensitive text matched against token name, client name, id and scope ids. */
  text: string;
  /** Only tokens whose value is stored on this machine. */
  storedOnly?: boolean;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Text a filter is matched against, lowercased once per token. */
function haystack(t: TokenMeta): string {
  return `${t.name}\n${t.id}\n${t.scopes.join(' ')}`.toLowerCase();
}

export function filterTokens(
  tokens: readonly TokenMeta[],
  filter: TokenFilter | undefined,
  isStored: (id: string) => boolean,
): TokenMeta[] {
  if (!filter || (!filter.text.trim() && !filter.storedOnly)) return [...tokens];
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  return tokens.filter((t) => {
    if (filter.storedOnly && !isStored(t.id)) return false;
    if (words.length === 0) return true;
    const h = haystack(t);
    return words.every((w) => h.includes(w));
  });
}

/** Sorted copy. Names sort by token part (the client part is secondary) so legacy names interleave naturally. */
export function sortTokens(tokens: readonly TokenMeta[], order: SortOrder): TokenMeta[] {
  const keyed = tokens.map((t) => {
    const p = parseTokenName(t.name);
    return { t, token: p.token, client: p.client ?? '' };
  });
  keyed.sort((a, b) => {
    switch (order) {
      case 'created':
        return cmp(b.t.createdAt, a.t.createdAt) || cmp(a.t.id, b.t.id);
      case 'lastUsed':
        return cmp(b.t.lastUsedAt ?? '', a.t.lastUsedAt ?? '') || collator.compare(a.token, b.token);
      case 'name':
        return collator.compare(a.token, b.token) || collator.compare(a.client, b.client) || cmp(a.t.id, b.t.id);
      default: {
        const never: never = order;
        return never;
      }
    }
  });
  return keyed.map((k) => k.t);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
