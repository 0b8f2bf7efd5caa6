// What the server knows about the user's tokens: metadata and fingerprints only, as sent by
// the client in phq/tokensChanged. Values never reach the server.
import type { KnownToken } from '@phq-tokens/detect';
import {
  VALUE_LENGTH,
  valueStandIn,
  type ScopeInfo,
  type TokenInfo,
  type TokensChangedParams,
} from '@phq-tokens/protocol';
import { fingerprintOf } from './engine';

export interface TokenState {
  readonly tokens: readonly TokenInfo[];
  readonly scopes: readonly ScopeInfo[];
  /** undefined until the client has said; no real-token insertion unless true. */
  readonly trusted: boolean | undefined;
  readonly chosenTokenId: string | null;
  readonly byId: ReadonlyMap<string, TokenInfo>;
  readonly fingerprints: ReadonlyMap<string, KnownToken>;
}

/** Before the client's first phq/tokensChanged: no tokens, trust unknown. */
export const EMPTY_TOKEN_STATE: TokenState = {
  ...tokenState({ tokens: [], scopes: [], workspaceTrusted: false }),
  trusted: undefined,
};

/** Builds the state from a validated notification, copying only known fields (an extra field is never kept). */
export function tokenState(p: TokensChangedParams): TokenState {
  const tokens: TokenInfo[] = p.tokens.map((t) => ({
    id: t.id,
    name: t.name,
    scopes: [...t.scopes],
    createdAt: t.createdAt,
    lastUsedAt: t.lastUsedAt,
    fingerprint: t.fingerprint,
    valueAvailable: t.valueAvailable,
    ...(t.unknownScopes && { unknownScopes: [...t.unknownScopes] }),
    ...(t.revoked && { revoked: true }),
    ...(t.valueLength !== undefined && { valueLength: t.valueLength }),
  }));
  const scopes: ScopeInfo[] = p.scopes.map((s) => ({
    id: s.id,
    label: s.label,
    description: s.description,
    pathPrefixes: [...s.pathPrefixes],
  }));
  const fingerprints = new Map<string, KnownToken>();
  for (const t of tokens) {
    const known = { id: t.id, name: t.name };
    if (t.fingerprint) fingerprints.set(t.fingerprint, known);
    // The client syncs documents with values replaced by stand-ins (protocol redact.ts):
    // recognise those too, so "one of your tokens" works without the server seeing a value.
    fingerprints.set(fingerprintOf(valueStandIn(t.id, t.valueLength ?? VALUE_LENGTH)), known);
  }
  return {
    tokens,
    scopes,
    trusted: p.workspaceTrusted,
    chosenTokenId: p.chosenTokenId ?? null,
    byId: new Map(tokens.map((t) => [t.id, t])),
    fingerprints,
  };
}

export function scopeLabel(state: TokenState, scopeId: string): string {
  return state.scopes.find((s) => s.id === scopeId)?.label ?? scopeId;
}

/** Whether the token may call every family: granted, or not decided by a probe (never reported missing). */
export function covers(token: TokenInfo, families: Iterable<string>): boolean {
  for (const f of families) if (!token.scopes.includes(f) && !token.unknownScopes?.includes(f)) return false;
  return true;
}

function recency(t: TokenInfo): string {
  return t.lastUsedAt ?? t.createdAt;
}

/**
 * Tokens that can be inserted, best first: those whose scopes cover every family the file
 * calls, then the workspace's chosen token, then the least privilege (fewest scopes), then
 * the most recently used.
 */
export function rankTokens(state: TokenState, families: ReadonlySet<string>): TokenInfo[] {
  return state.tokens
    .filter((t) => t.valueAvailable && !t.revoked)
    .sort((a, b) => {
      const ca = covers(a, families) ? 0 : 1;
      const cb = covers(b, families) ? 0 : 1;
      if (ca !== cb) return ca - cb;
      const ha = a.id === state.chosenTokenId ? 0 : 1;
      const hb = b.id === state.chosenTokenId ? 0 : 1;
      if (ha !== hb) return ha - hb;
      if (a.scopes.length !== b.scopes.length) return a.scopes.length - b.scopes.length;
      return recency(b).localeCompare(recency(a));
    });
}

/** The token a quick fix marks as preferred: the best ranked one, if it covers the file's families. */
export function preferredToken(state: TokenState, families: ReadonlySet<string>): TokenInfo | undefined {
  const best = rankTokens(state, families)[0];
  return best && covers(best, families) ? best : undefined;
}
