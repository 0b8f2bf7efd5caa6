// Domain types shared by every front end. The wire format is docs/api/openapi.yaml;
// these are the client-side shapes after parsing.
import type { PhqErrorKind } from './errors';

/** One entry of the scope catalog (GET /v1/tokens/scopes/). */
export interface ScopeInfo {
  id: string; // e.g. "events"
  label: string; // e.g. "Events"
  description: string;
  /** Public API path prefixes this scope unlocks, e.g. ["/v1/events/"]. */
  pathPrefixes: string[];
}

/** Token metadata. Never carries the secret value. */
export interface TokenMeta {
  id: string;
  /** Raw name as stored; legacy tokens read "API Client name | API Token name". */
  name: string;
  scopes: string[];
  createdAt: string; // ISO 8601
  lastUsedAt: string | null; // ISO 8601, null when never used or unknown
}

/** The create response: the only time the value is ever returned. */
export interface CreatedToken extends TokenMeta {
  value: string;
}

export interface Page<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}

/** The account a management credential belongs to. */
export interface Account {
  id: string;
  name: string;
  email: string;
}

/** Legacy "Client | Token" names split into their parts. */
export interface ParsedName {
  client: string | null;
  token: string;
}

export type VerifyResult =
  | { status: 'valid' }
  | { status: 'invalid' }
  | { status: 'missing-scope'; scope: string }
  | { status: 'error'; message: string; kind?: PhqErrorKind };
