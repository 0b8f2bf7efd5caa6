// The emulator's state: accounts, their management credentials, tokens and idempotency
// records. Routes call the methods below; tests use the public "test access" ones directly
// (createAccount, addTokens, tokenCount, createToken). Every change is handed to the
// persister when a persistence file is configured.
import { ApiError, notFound } from '../errors.js';
import { hashSecret, newAccountId, newManagementCredential, newTokenId, newTokenValue } from '../ids.js';
import { SCOPE_IDS } from '../scopes.js';
import { DEFAULT_ACCOUNT, SEED_TOKENS, daysAgo } from '../seed.js';
import { paginate, type Page } from '../pagination.js';
import { checkName, checkScopes, type PageParams } from '../validate.js';
import { Persister } from './persist.js';
import type { AccountWire, CreatedTokenWire, Snapshot, StoredAccount, StoredToken, TokenWire } from './types.js';
import { accountWire, tokenWire } from './wire.js';

const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;

export interface StateOptions {
  seed?: boolean;
  persistFile?: string;
}

export interface CreateInput {
  name: unknown;
  scopes?: unknown;
}

export interface CreateResult {
  token: CreatedTokenWire;
  replayed: boolean;
}

const byCreation = (a: StoredToken, b: StoredToken) =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

export class EmulatorState {
  private accounts = new Map<string, StoredAccount>(); // by credential
  private byValueHash = new Map<string, { account: StoredAccount; token: StoredToken }>();
  private unsorted = new Set<StoredAccount>();
  /**
   * Token values a replay returns, by account id + Idempotency-Key. In memory only, so the
   * state file never holds a value; after a restart a replay is a 409 (docs/api/README.md).
   */
  private replayValues = new Map<string, string>();
  private defaultAccountId = '';
  private readonly persister: Persister | undefined;

  constructor(private readonly options: StateOptions = {}) {
    this.persister = options.persistFile ? new Persister(options.persistFile, () => this.snapshot()) : undefined;
    const loaded = this.persister?.load();
    if (loaded) this.restore(loaded);
    else {
      this.initDefault(newManagementCredential());
      this.changed();
    }
  }

  // ---- test access (programmatic API) ----

  /** The management credential of the seeded default account ("Demo Org"). */
  get defaultCredential(): string {
    return this.defaultAccount().credential;
  }

  /** A new, empty account with its own management credential. */
  createAccount(name: string, email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}@example.com`) {
    const account: StoredAccount = {
      id: newAccountId(),
      name,
      email,
      credential: newManagementCredential(),
      tokens: [],
      idempotency: [],
    };
    this.accounts.set(account.credential, account);
    this.changed();
    return { account: accountWire(account), credential: account.credential };
  }

  /** Bulk-seeds n tokens named "Bulk token 00001".. with every scope, in creation order. */
  addTokens(credential: string, n: number): void {
    const account = this.mustAccount(credential);
    const base = Date.now() - n; // one millisecond apart keeps creation order = insertion order
    const width = Math.max(5, String(n).length);
    for (let i = 0; i < n; i++) {
      this.insert(account, {
        id: newTokenId(),
        name: `Bulk token ${String(i + 1).padStart(width, '0')}`,
        scopes: [...SCOPE_IDS],
        createdAt: new Date(base + i).toISOString(),
        lastUsedAt: null,
        valueHash: hashSecret(newTokenValue()),
      });
    }
    this.changed();
  }

  tokenCount(credential: string): number {
    return this.mustAccount(credential).tokens.length;
  }

  /** Creates a token as POST /v1/tokens/ would and returns it with its value. */
  createToken(credential: string, input: { name: string; scopes?: string[] }): CreatedTokenWire {
    return this.create(this.mustAccount(credential), input).token;
  }

  /** Resolves when every change so far is on disk (no-op without a persistence file). */
  flush(): Promise<void> {
    return this.persister?.flush() ?? Promise.resolve();
  }

  // ---- used by the routes ----

  accountFor(credential: string): StoredAccount | undefined {
    return this.accounts.get(credential);
  }

  account(a: StoredAccount): AccountWire {
    return accountWire(a);
  }

  /** One page in contract order; only the page is converted to wire form. */
  listPage(account: StoredAccount, page: PageParams, base: string): Page<TokenWire> {
    const p = paginate(this.sorted(account), page, base);
    return { ...p, results: p.results.map(tokenWire) };
  }

  get(account: StoredAccount, id: string): TokenWire {
    return tokenWire(this.find(account, id));
  }

  create(account: StoredAccount, input: CreateInput, idempotencyKey?: string): CreateResult {
    const name = checkName(input.name);
    const scopes = checkScopes(input.scopes);
    const now = Date.now();
    // Equivalent bodies (trimmed name, same scope set) are the same request.
    const fingerprint = JSON.stringify([name, [...scopes].sort()]);
    if (idempotencyKey !== undefined) {
      this.expireIdempotency(account, now);
      const prior = account.idempotency.find((r) => r.key === idempotencyKey);
      if (prior) {
        if (prior.fingerprint !== fingerprint) {
          throw new ApiError(409, 'This Idempotency-Key was already used with a different request body.');
        }
        const value = this.replayValues.get(replayKey(account, idempotencyKey));
        if (value === undefined) {
          throw new ApiError(
            409,
            `This Idempotency-Key created token ${prior.response.id} ("${prior.response.name}"), but its value ` +
              'cannot be returned again: the emulator keeps token values only in memory and has restarted ' +
              'since. Delete that token if it is not in use and create a new one with a new key.',
          );
        }
        return { token: { ...prior.response, scopes: [...prior.response.scopes], token: value }, replayed: true };
      }
    }
    const value = newTokenValue();
    const token: StoredToken = {
      id: newTokenId(),
      name,
      scopes,
      createdAt: new Date(now).toISOString(),
      lastUsedAt: null,
      valueHash: hashSecret(value),
    };
    this.insert(account, token);
    const response = tokenWire(token);
    if (idempotencyKey !== undefined) {
      account.idempotency.push({ key: idempotencyKey, fingerprint, expiresAt: now + IDEMPOTENCY_TTL_MS, response });
      this.replayValues.set(replayKey(account, idempotencyKey), value);
    }
    this.changed();
    return { token: { ...response, scopes: [...scopes], token: value }, replayed: false };
  }

  rename(account: StoredAccount, id: string, rawName: unknown): TokenWire {
    const token = this.find(account, id);
    token.name = checkName(rawName);
    this.changed();
    return tokenWire(token);
  }

  delete(account: StoredAccount, id: string): void {
    const token = this.find(account, id);
    account.tokens.splice(account.tokens.indexOf(token), 1);
    this.byValueHash.delete(token.valueHash);
    this.changed();
  }

  /** The token a public API call authenticates with, if it exists. */
  tokenByValue(value: string): StoredToken | undefined {
    return this.byValueHash.get(hashSecret(value))?.token;
  }

  touch(token: StoredToken): void {
    token.lastUsedAt = new Date().toISOString();
    this.changed();
  }

  /** Back to the start state; the default account keeps its credential (see /_emulator/reset/). */
  reset(): void {
    const credential = this.defaultCredential;
    this.accounts.clear();
    this.byValueHash.clear();
    this.unsorted.clear();
    this.replayValues.clear();
    this.initDefault(credential);
    this.changed();
  }

  // ---- internals ----

  private initDefault(credential: string): void {
    const account: StoredAccount = { id: newAccountId(), ...DEFAULT_ACCOUNT, credential, tokens: [], idempotency: [] };
    this.accounts.set(credential, account);
    this.defaultAccountId = account.id;
    if (this.options.seed === false) return;
    const now = Date.now();
    for (const s of SEED_TOKENS) {
      this.insert(account, {
        id: newTokenId(),
        name: s.name,
        scopes: s.scopes ? [...s.scopes] : [...SCOPE_IDS],
        createdAt: daysAgo(now, s.createdDaysAgo),
        lastUsedAt: s.lastUsedDaysAgo === undefined ? null : daysAgo(now, s.lastUsedDaysAgo),
        valueHash: hashSecret(newTokenValue()),
      });
    }
  }

  private expireIdempotency(account: StoredAccount, now: number): void {
    account.idempotency = account.idempotency.filter((r) => {
      if (r.expiresAt > now) return true;
      this.replayValues.delete(replayKey(account, r.key));
      return false;
    });
  }

  private insert(account: StoredAccount, token: StoredToken): void {
    const last = account.tokens.at(-1);
    account.tokens.push(token);
    if (last && byCreation(last, token) > 0) this.unsorted.add(account);
    this.byValueHash.set(token.valueHash, { account, token });
  }

  private find(account: StoredAccount, id: string): StoredToken {
    const token = account.tokens.find((t) => t.id === id);
    if (!token) throw notFound('No token with this id in this account.');
    return token;
  }

  private defaultAccount(): StoredAccount {
    for (const a of this.accounts.values()) if (a.id === this.defaultAccountId) return a;
    throw new Error('emulator state has no default account');
  }

  private mustAccount(credential: string): StoredAccount {
    const account = this.accounts.get(credential);
    if (!account) throw new Error('no account has this management credential');
    return account;
  }

  private changed(): void {
    this.persister?.schedule();
  }

  private sorted(account: StoredAccount): readonly StoredToken[] {
    if (this.unsorted.delete(account)) account.tokens.sort(byCreation);
    return account.tokens;
  }

  private snapshot(): Snapshot {
    for (const a of this.unsorted) this.sorted(a);
    return { version: 1, defaultAccountId: this.defaultAccountId, accounts: [...this.accounts.values()] };
  }

  private restore(s: Snapshot): void {
    this.defaultAccountId = s.defaultAccountId;
    let stripped = false;
    for (const account of s.accounts) {
      // Files written before values were kept out of them: keep the value for replays in
      // memory and rewrite the file without it.
      for (const r of account.idempotency) {
        const { token: value, ...meta } = r.response as TokenWire & { token?: unknown };
        if (typeof value !== 'string') continue;
        this.replayValues.set(replayKey(account, r.key), value);
        r.response = meta;
        stripped = true;
      }
      this.accounts.set(account.credential, account);
      for (const token of account.tokens) this.byValueHash.set(token.valueHash, { account, token });
    }
    this.defaultAccount(); // fail fast on a file without its default account
    if (stripped) this.changed();
  }
}

const replayKey = (account: StoredAccount, key: string): string => `${account.id}\n${key}`;
