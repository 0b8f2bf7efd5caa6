// Request validation with the field named in every error. Messages never echo the value
// sent: a user may have pasted a secret into the wrong field.
import { invalid, unprocessable } from './errors.js';
import { SCOPE_IDS, isScopeId } from './scopes.js';

export const NAME_MAX = 100;
export const LIMIT_MAX = 500;
export const LIMIT_DEFAULT = 50;
// C0, DEL and C1 control characters.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** The body must be a JSON object with only the listed fields. */
export function checkBody(body: unknown, allowed: readonly string[], immutable: readonly string[] = []) {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalid(undefined, 'The request body must be a JSON object.');
  }
  for (const key of Object.keys(body)) {
    if (immutable.includes(key)) throw unprocessable(key, `${key}: cannot be changed after creation.`);
    if (!allowed.includes(key)) throw unprocessable(key, 'Unknown field.');
  }
  return body as Record<string, unknown>;
}

/** A token name, trimmed: 1..100 characters, no control characters, legacy "Client | Token" rules. */
export function checkName(raw: unknown): string {
  if (raw === undefined) throw unprocessable('name', 'name: is required.');
  if (typeof raw !== 'string') throw unprocessable('name', 'name: must be a string.');
  const name = raw.trim();
  if (name === '') throw unprocessable('name', 'name: must not be empty.');
  if (name.length > NAME_MAX) throw unprocessable('name', `name: must be at most ${NAME_MAX} characters.`);
  if (CONTROL.test(name)) throw unprocessable('name', 'name: must not contain control characters.');
  const parts = name.split('|');
  if (parts.length > 2) throw unprocessable('name', 'name: may contain at most one "|" (legacy "Client | Token").');
  if (parts.length === 2 && parts.some((p) => p.trim() === '')) {
    throw unprocessable('name', 'name: a legacy "Client | Token" name needs text on both sides of "|".');
  }
  return name;
}

/** Scopes to grant; undefined means every scope (the WebApp's default). */
export function checkScopes(raw: unknown): string[] {
  if (raw === undefined) return [...SCOPE_IDS];
  if (!Array.isArray(raw)) throw unprocessable('scopes', 'scopes: must be an array of scope ids.');
  if (raw.length === 0) throw unprocessable('scopes', 'scopes: must not be empty (omit it to grant every scope).');
  const seen = new Set<string>();
  raw.forEach((s: unknown, i) => {
    if (!isScopeId(s))
      throw unprocessable('scopes', `scopes: item ${i} is not a known scope id (see /v1/tokens/scopes/).`);
    if (seen.has(s)) throw unprocessable('scopes', `scopes: item ${i} is a duplicate.`);
    seen.add(s);
  });
  return [...seen];
}

function nonNegativeInt(raw: unknown, field: string, fallback: number): number {
  if (raw === undefined) return fallback;
  if (typeof raw !== 'string' || !/^\d{1,9}$/.test(raw)) {
    throw invalid(field, `${field}: must be a non-negative integer.`);
  }
  return Number(raw);
}

export interface PageParams {
  limit: number;
  offset: number;
}

export function checkPageParams(query: unknown): PageParams {
  const q = (query ?? {}) as Record<string, unknown>;
  const limit = nonNegativeInt(q.limit, 'limit', LIMIT_DEFAULT);
  if (limit < 1 || limit > LIMIT_MAX) throw invalid('limit', `limit: must be between 1 and ${LIMIT_MAX}.`);
  return { limit, offset: nonNegativeInt(q.offset, 'offset', 0) };
}

/** Idempotency keys: 1..255 printable ASCII characters (clients send a UUID). */
export function checkIdempotencyKey(raw: string | string[] | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const key = Array.isArray(raw) ? undefined : raw.trim();
  if (key === undefined || !/^[\x20-\x7e]{1,255}$/.test(key)) {
    throw invalid('Idempotency-Key', 'Idempotency-Key: must be 1..255 printable ASCII characters (use a UUID).');
  }
  return key;
}
