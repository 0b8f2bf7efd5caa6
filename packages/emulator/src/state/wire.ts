import type { AccountWire, StoredAccount, StoredToken, TokenWire } from './types.js';

export const accountWire = (a: StoredAccount): AccountWire => ({ id: a.id, name: a.name, email: a.email });

export const tokenWire = (t: StoredToken): TokenWire => ({
  id: t.id,
  name: t.name,
  scopes: [...t.scopes],
  created_at: t.createdAt,
  last_used_at: t.lastUsedAt,
});
