// Wire (snake_case JSON) -> model (camelCase). Each parser checks just enough of the shape
// that the rest of the code can trust the types; anything else is a `bad-response`.
import { PhqError } from './errors';
import type { Account, CreatedToken, Page, ScopeInfo, TokenMeta } from './model';

type Obj = Record<string, unknown>;

function bad(what: string): PhqError {
  return new PhqError('bad-response', `The API sent a malformed ${what}.`);
}

function obj(v: unknown, what: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw bad(what);
  return v as Obj;
}

function str(o: Obj, key: string, what: string): string {
  const v = o[key];
  if (typeof v !== 'string') throw bad(what);
  return v;
}

function strArray(o: Obj, key: string, what: string): string[] {
  const v = o[key];
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw bad(what);
  return v as string[];
}

function nullableStr(o: Obj, key: string, what: string): string | null {
  const v = o[key];
  if (v === null || v === undefined) return null;
  if (typeof v !== 'string') throw bad(what);
  return v;
}

export function parseAccount(body: unknown): Account {
  const o = obj(body, 'account');
  return { id: str(o, 'id', 'account'), name: str(o, 'name', 'account'), email: str(o, 'email', 'account') };
}

export function parseToken(body: unknown): TokenMeta {
  const o = obj(body, 'token');
  return {
    id: str(o, 'id', 'token'),
    name: str(o, 'name', 'token'),
    scopes: strArray(o, 'scopes', 'token'),
    createdAt: str(o, 'created_at', 'token'),
    lastUsedAt: nullableStr(o, 'last_used_at', 'token'),
  };
}

export function parseCreatedToken(body: unknown): CreatedToken {
  const meta = parseToken(body);
  const value = str(obj(body, 'token'), 'token', 'create response');
  if (!value) throw bad('create response');
  return { ...meta, value };
}

export function parseScope(body: unknown): ScopeInfo {
  const o = obj(body, 'scope');
  return {
    id: str(o, 'id', 'scope'),
    label: str(o, 'label', 'scope'),
    description: str(o, 'description', 'scope'),
    pathPrefixes: strArray(o, 'path_prefixes', 'scope'),
  };
}

export function parsePage<T>(body: unknown, item: (v: unknown) => T, what: string): Page<T> {
  const o = obj(body, what);
  const count = o.count;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) throw bad(what);
  if (!Array.isArray(o.results)) throw bad(what);
  return {
    count,
    next: nullableStr(o, 'next', what),
    previous: nullableStr(o, 'previous', what),
    results: o.results.map(item),
  };
}

/**
 * An error body: the contract's `{code, message, ...}` or the public API's `{error: "..."}`
 * (PredictHQ's published families). Every field optional because proxies send their own.
 */
export interface WireError {
  code?: string;
  message?: string;
  field?: string;
  missingScope?: string;
  requestId?: string;
}

export function parseWireError(body: unknown): WireError {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return {};
  const o = body as Obj;
  const pick = (k: string) => (typeof o[k] === 'string' ? (o[k] as string) : undefined);
  return {
    code: pick('code'),
    message: pick('message') ?? pick('error'),
    field: pick('field'),
    missingScope: pick('missing_scope'),
    requestId: pick('request_id'),
  };
}
