// Stored shapes. These are what the persistence file holds (schema version 1); the wire
// shapes (snake_case) are built from them in state/wire.ts.

export interface StoredToken {
  id: string;
  name: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  /** SHA-256 of the value: the value itself is never stored. */
  valueHash: string;
}

/**
 * A create response remembered for its Idempotency-Key (24 h), without the token value:
 * the value of a replay is held in memory only (EmulatorState), never in the state file.
 */
export interface IdempotencyRecord {
  key: string;
  fingerprint: string;
  expiresAt: number;
  response: TokenWire;
}

export interface StoredAccount {
  id: string;
  name: string;
  email: string;
  credential: string;
  tokens: StoredToken[];
  idempotency: IdempotencyRecord[];
}

export interface Snapshot {
  version: 1;
  defaultAccountId: string;
  accounts: StoredAccount[];
}

export interface AccountWire {
  id: string;
  name: string;
  email: string;
}

export interface TokenWire {
  id: string;
  name: string;
  scopes: string[];
  created_at: string;
  last_used_at: string | null;
}

export interface CreatedTokenWire extends TokenWire {
  token: string;
}
