// The typed client of the token-management API (docs/api/openapi.yaml). One method per
// operation; inputs are validated before any request, responses before they are returned.
import { randomUUID } from 'node:crypto';
import { PhqError } from './errors';
import type { Account, CreatedToken, Page, ScopeInfo, TokenMeta } from './model';
import { validateScopes, validateTokenId, validateTokenName } from './names';
import { Transport, type CallOptions, type TransportOptions } from './transport';
import { parseAccount, parseCreatedToken, parsePage, parseScope, parseToken } from './wire';

export type ClientOptions = TransportOptions;

export const MAX_PAGE_SIZE = 500;

export interface ListPageOptions extends CallOptions {
  /** 1..500, default 50 (the API's default). */
  limit?: number;
  offset?: number;
}

export interface ListAllOptions extends CallOptions {
  /** Default 500, the largest page the API serves. */
  pageSize?: number;
  /** Called after each page with the tokens seen so far and the server's total. */
  onProgress?: (loaded: number, total: number) => void;
}

export interface CreateOptions extends CallOptions {
  /** Scope ids; omitted means every scope. */
  scopes?: string[];
  /** Reuse a key to make a create safe to repeat across process restarts; default: a fresh UUID. */
  idempotencyKey?: string;
}

export interface CreateResult extends CreatedToken {
  /** True when the server answered from its idempotency store (a repeated create). */
  replayed: boolean;
}

export class TokenApiClient {
  private readonly http: Transport;
  private catalog: ScopeInfo[] | undefined;

  constructor(options: ClientOptions) {
    this.http = new Transport(options, 'management credential');
  }

  get baseUrl(): string {
    return this.http.baseUrl;
  }

  /** Releases keep-alive sockets; call when done so a CLI process can exit at once. */
  close(): Promise<void> {
    return this.http.close();
  }

  async account(opts: CallOptions = {}): Promise<Account> {
    const res = await this.http.send({ method: 'GET', path: '/v1/account/', retrySafe: true }, opts);
    return parseAccount(res.body);
  }

  /** The scope catalog; cached so that `create` can check scopes without a request. */
  async scopes(opts: CallOptions = {}): Promise<ScopeInfo[]> {
    const res = await this.http.send({ method: 'GET', path: '/v1/tokens/scopes/', retrySafe: true }, opts);
    this.catalog = parsePage(res.body, parseScope, 'scope catalog').results;
    return this.catalog;
  }

  async listPage(opts: ListPageOptions = {}): Promise<Page<TokenMeta>> {
    const limit = opts.limit ?? 50;
    const offset = opts.offset ?? 0;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE)
      throw new PhqError('validation', `The page size must be between 1 and ${MAX_PAGE_SIZE}.`, { field: 'limit' });
    if (!Number.isInteger(offset) || offset < 0)
      throw new PhqError('validation', 'The offset must be a whole number, 0 or more.', { field: 'offset' });
    const res = await this.http.send(
      { method: 'GET', path: '/v1/tokens/', query: { limit, offset }, retrySafe: true },
      opts,
    );
    return parsePage(res.body, parseToken, 'token list');
  }

  /**
   * Every token, page by page. Offsets are computed here rather than by following `next`,
   * so the credential is never sent to a host named in a response body.
   */
  async *iterate(opts: ListAllOptions = {}): AsyncGenerator<TokenMeta, void, undefined> {
    const limit = opts.pageSize ?? MAX_PAGE_SIZE;
    let offset = 0;
    for (;;) {
      const page = await this.listPage({ ...opts, limit, offset });
      offset += page.results.length;
      opts.onProgress?.(offset, page.count);
      yield* page.results;
      if (page.next === null || page.results.length === 0 || offset >= page.count) return;
    }
  }

  async listAll(opts: ListAllOptions = {}): Promise<TokenMeta[]> {
    const out: TokenMeta[] = [];
    for await (const t of this.iterate(opts)) out.push(t);
    return out;
  }

  async get(id: string, opts: CallOptions = {}): Promise<TokenMeta> {
    const res = await this.http.send(
      { method: 'GET', path: `/v1/tokens/${validateTokenId(id)}/`, retrySafe: true },
      opts,
    );
    return parseToken(res.body);
  }

  /**
   * Creates a token. Always sends an Idempotency-Key, which is what makes retrying a POST
   * safe: a retried create returns the same token instead of making a second one.
   */
  async create(name: string, opts: CreateOptions = {}): Promise<CreateResult> {
    const body: { name: string; scopes?: string[] } = { name: validateTokenName(name) };
    if (opts.scopes !== undefined) {
      body.scopes = this.catalog ? validateScopes(opts.scopes, this.catalog) : checkScopeList(opts.scopes);
    }
    const key = opts.idempotencyKey ?? randomUUID();
    if (!/^[\x21-\x7e]{1,255}$/.test(key))
      throw new PhqError('validation', 'The idempotency key must be 1..255 visible ASCII characters.', {
        field: 'idempotencyKey',
      });
    const attempt = async (): Promise<CreateResult> => {
      const res = await this.http.send(
        { method: 'POST', path: '/v1/tokens/', body, headers: { 'idempotency-key': key }, retrySafe: true },
        opts,
      );
      const replayed = String(res.headers['idempotent-replayed'] ?? '').toLowerCase() === 'true';
      return { ...parseCreatedToken(res.body), replayed };
    };
    let first: PhqError;
    try {
      return await attempt();
    } catch (e) {
      // A success we could not read (truncated, not JSON, wrong shape): the token exists and
      // its value is lost unless the same key replays it, so ask once more.
      if (!unreadableSuccess(e)) throw e;
      first = e;
    }
    try {
      return await attempt();
    } catch (e) {
      // Still nothing readable (or the server can no longer replay): the caller must say
      // that a token of this name may exist, and how to find and delete it.
      if (!(e instanceof PhqError) || e.kind === 'cancelled') throw e;
      const { status, requestId, code, field, missingScope, retryAfterMs, causeCode, host } = e;
      throw new PhqError(e.kind, e.message, {
        status,
        requestId,
        code,
        field,
        missingScope,
        retryAfterMs,
        causeCode,
        host,
        attempts: (first.attempts ?? 1) + (e.attempts ?? 1),
        possiblyCreated: body.name,
      });
    }
  }

  async rename(id: string, name: string, opts: CallOptions = {}): Promise<TokenMeta> {
    const path = `/v1/tokens/${validateTokenId(id)}/`;
    const res = await this.http.send(
      { method: 'PATCH', path, body: { name: validateTokenName(name) }, retrySafe: true },
      opts,
    );
    return parseToken(res.body);
  }

  async delete(id: string, opts: CallOptions = {}): Promise<void> {
    const path = `/v1/tokens/${validateTokenId(id)}/`;
    try {
      await this.http.send({ method: 'DELETE', path, retrySafe: true }, opts);
    } catch (e) {
      // A 404 on a retry means an earlier attempt deleted it and its answer was lost.
      if (e instanceof PhqError && e.kind === 'not-found' && (e.attempts ?? 1) > 1) return;
      throw e;
    }
  }
}

/** A 2xx whose body is not JSON or not the contract's shape (a parse error carries no status). */
function unreadableSuccess(e: unknown): e is PhqError {
  return (
    e instanceof PhqError &&
    e.kind === 'bad-response' &&
    (e.status === undefined || (e.status >= 200 && e.status < 300))
  );
}

/** Without a catalog at hand we can still refuse what can never be a scope list. */
function checkScopeList(scopes: readonly string[]): string[] {
  return validateScopes(
    scopes,
    scopes.map((id) => ({ id, label: id, description: '', pathPrefixes: [] })),
  );
}
