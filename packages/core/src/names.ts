// Token names and scopes, checked before any request so that a UI can point at the field
// without a round trip. Rules: docs/api/openapi.yaml (TokenName) and the facts file
// (legacy "API Client name | API Token name").
import { PhqError } from './errors';
import type { ParsedName, ScopeInfo } from './model';

export const NAME_MAX_LENGTH = 100;
const SEPARATOR = '|';
// C0, DEL and C1 control characters (tabs and newlines included).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Splits a legacy "Client | Token" name; a name without exactly one usable `|` is a plain name. */
export function parseTokenName(name: string): ParsedName {
  const parts = name.split(SEPARATOR);
  if (parts.length === 2) {
    const client = parts[0]!.trim();
    const token = parts[1]!.trim();
    if (client && token) return { client, token };
  }
  return { client: null, token: name.trim() };
}

/** Inverse of parseTokenName. */
export function formatTokenName(parsed: ParsedName): string {
  return parsed.client === null ? parsed.token.trim() : `${parsed.client.trim()} | ${parsed.token.trim()}`;
}

function invalidName(message: string): PhqError {
  return new PhqError('validation', message, { field: 'name' });
}

/** Returns the name as it will be sent (trimmed) or throws a `validation` error on field "name". */
export function validateTokenName(name: unknown): string {
  if (typeof name !== 'string') throw invalidName('A token name is required.');
  const trimmed = name.trim();
  if (!trimmed) throw invalidName('A token name cannot be empty.');
  if ([...trimmed].length > NAME_MAX_LENGTH)
    throw invalidName(`A token name can have at most ${NAME_MAX_LENGTH} characters.`);
  if (CONTROL.test(trimmed)) throw invalidName('A token name cannot contain control characters.');
  const bars = trimmed.split(SEPARATOR).length - 1;
  if (bars > 1) throw invalidName('A token name can contain at most one "|" (legacy "Client | Token" names).');
  if (bars === 1 && parseTokenName(trimmed).client === null)
    throw invalidName('Both sides of "|" must be non-empty (legacy "Client | Token" names).');
  return trimmed;
}

const SCOPE_LIKE = /^[a-z][a-z-]{0,39}$/;

/**
 * Checks requested scope ids against the catalog (GET /v1/tokens/scopes/). Returns them
 * de-duplicated, in catalog order. An empty list is refused: omit scopes for "all".
 */
export function validateScopes(scopes: readonly string[], catalog: readonly ScopeInfo[]): string[] {
  if (scopes.length === 0)
    throw new PhqError('validation', 'Choose at least one scope (or omit scopes for all of them).', {
      field: 'scopes',
    });
  const known = new Set(catalog.map((s) => s.id));
  const unknown = scopes.filter((s) => !known.has(s));
  if (unknown.length > 0) {
    // Echo only what looks like a scope id: a pasted secret must not end up in a message.
    const shown = unknown.map((s) => (SCOPE_LIKE.test(s) ? `"${s}"` : '(not a scope id)')).join(', ');
    throw new PhqError('validation', `Unknown scope ${shown}. Known scopes: ${[...known].join(', ')}.`, {
      field: 'scopes',
    });
  }
  const wanted = new Set(scopes);
  return catalog.map((s) => s.id).filter((id) => wanted.has(id));
}

/** Token ids are `tok_` + 20 base62 chars; checking locally avoids sending junk in a path. */
export const TOKEN_ID = /^tok_[A-Za-z0-9]{20}$/;

export function validateTokenId(id: unknown): string {
  if (typeof id !== 'string' || !TOKEN_ID.test(id))
    throw new PhqError('validation', 'A token id looks like "tok_" followed by 20 letters or digits.', {
      field: 'id',
    });
  return id;
}
