// Owns token data per signed-in account: the list, the scope catalog, which values are
// stored here, and one change event (docs/conventions.md, "Views"). Views and the language client read
// from it; commands call its operations. Values go to SecretStorage the moment they arrive.
import type { TokenApiClient } from '@phq-tokens/core';
import { randomBytes } from 'node:crypto';
import {
  API_FAMILIES,
  coreApi,
  familyPrefixes,
  validateTokenName,
  type CreatedToken,
  type ScopeInfo,
  type TokenMeta,
} from '../core';
import * as vscode from 'vscode';
import { isLocal, localRecord, type AccountRecord, type AccountStore } from '../auth/accountStore';
import { toTokenMeta, type LocalProbe, type LocalToken, type LocalTokenStore } from './localTokens';
import type { TokenSecrets } from './secrets';

/** The scope catalog of a local account: PredictHQ's families (no management API to ask). */
const FAMILY_CATALOG: ScopeInfo[] = API_FAMILIES.map((f) => ({
  id: f.id,
  label: f.label,
  description: f.description,
  pathPrefixes: familyPrefixes(f),
}));

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** Ids of tokens on this machine look like the API's (tok_ + 20 base62) so every id check accepts them. */
function newLocalId(): string {
  return `tok_${[...randomBytes(20)].map((b) => BASE62[b % 62]).join('')}`;
}

export interface AccountData {
  record: AccountRecord;
  tokens: TokenMeta[] | undefined;
  scopes: ScopeInfo[] | undefined;
  loading: boolean;
  error: unknown;
}

export interface TokenRef {
  sessionId: string;
  token: TokenMeta;
}

export class TokenRepository implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly data = new Map<string, AccountData>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Rotations of this session: old token id -> its replacement (in memory; ids only). */
  private readonly replacements = new Map<string, string>();

  constructor(
    private readonly accounts: AccountStore,
    readonly secrets: TokenSecrets,
    readonly local: LocalTokenStore,
    private readonly clientOptions: () => { retries: number },
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(accounts.onDidChange(() => void this.syncAccounts()));
  }

  list(): AccountData[] {
    return this.accounts
      .list()
      .map((r) => this.data.get(r.sessionId))
      .filter((d): d is AccountData => d !== undefined);
  }

  get(sessionId: string): AccountData | undefined {
    return this.data.get(sessionId);
  }

  find(tokenId: string): TokenRef | undefined {
    for (const d of this.data.values()) {
      const token = d.tokens?.find((t) => t.id === tokenId);
      if (token) return { sessionId: d.record.sessionId, token };
    }
    return undefined;
  }

  /** Picks up added/removed accounts and loads the new ones; returns the added session ids. */
  async syncAccounts(): Promise<string[]> {
    const records = this.accounts.list();
    const ids = new Set(records.map((r) => r.sessionId));
    for (const id of [...this.data.keys()]) if (!ids.has(id)) this.data.delete(id);
    const added = records.filter((r) => !this.data.has(r.sessionId));
    for (const r of added)
      this.data.set(r.sessionId, { record: r, tokens: undefined, scopes: undefined, loading: false, error: undefined });
    this.changed.fire();
    await Promise.all(added.map((r) => this.refresh(r.sessionId).catch(() => undefined)));
    return added.map((r) => r.sessionId);
  }

  /** Reloads tokens and the scope catalog; errors are kept on the account (the tree shows them) and rethrown. */
  async refresh(sessionId?: string): Promise<void> {
    const targets = sessionId ? [this.data.get(sessionId)].filter((d) => d !== undefined) : [...this.data.values()];
    const results = await Promise.allSettled(targets.map((d) => this.load(d)));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  /** Concurrent refreshes of one account share the load in flight. */
  private readonly inFlight = new Map<string, Promise<void>>();

  private load(d: AccountData): Promise<void> {
    const id = d.record.sessionId;
    let p = this.inFlight.get(id);
    if (!p) {
      p = this.doLoad(d).finally(() => this.inFlight.delete(id));
      this.inFlight.set(id, p);
    }
    return p;
  }

  private async doLoad(d: AccountData): Promise<void> {
    if (isLocal(d.record)) {
      // Tokens on this machine: no list to fetch; their scopes were probed when added.
      d.tokens = this.local.list(d.record.sessionId).map(toTokenMeta);
      d.scopes = FAMILY_CATALOG;
      d.error = undefined;
      this.changed.fire();
      return;
    }
    d.loading = true;
    this.changed.fire();
    const t0 = Date.now();
    try {
      await this.withClient(d.record.sessionId, async (c) => {
        const [tokens, scopes] = await Promise.all([c.listAll(), c.scopes()]);
        d.tokens = tokens;
        d.scopes = scopes;
      });
      d.error = undefined;
      this.log.info(`loaded ${d.tokens?.length ?? 0} tokens of account ${d.record.accountId} in ${Date.now() - t0} ms`);
    } catch (e) {
      d.error = e;
      this.log.warn(
        `loading tokens of account ${d.record.accountId} failed: ${e instanceof Error ? e.message : String(e)}`,
      );
      throw e;
    } finally {
      d.loading = false;
      this.changed.fire();
    }
  }

  isLocal(sessionId: string): boolean {
    const d = this.data.get(sessionId);
    return d !== undefined && isLocal(d.record);
  }

  /** The local account of an API URL, created (empty) when missing; returns its session id. */
  async ensureLocalAccount(baseUrl: string): Promise<string> {
    const record = localRecord(coreApi().normalizeBaseUrl(baseUrl));
    await this.accounts.addLocal(record);
    if (!this.data.has(record.sessionId)) await this.syncAccounts();
    return record.sessionId;
  }

  /**
   * Stores a token added from the WebApp whole, or not at all: the value first (SecretStorage),
   * then its metadata; if the metadata cannot be written, the value is removed again.
   */
  async addLocal(
    sessionId: string,
    input: { name: string; value: string; fingerprint: string; probe: LocalProbe },
  ): Promise<LocalToken> {
    const d = this.require(sessionId);
    if (!isLocal(d.record)) throw new Error('Tokens can be added only to "Tokens on this machine".');
    const token: LocalToken = {
      id: newLocalId(),
      name: input.name,
      addedAt: new Date().toISOString(),
      fingerprint: input.fingerprint,
      probe: input.probe,
    };
    await this.secrets.store(sessionId, token.id, input.value);
    try {
      await this.local.put(sessionId, token);
    } catch (e) {
      await this.secrets.delete(sessionId, token.id).catch(() => undefined);
      throw e;
    }
    d.tokens = this.local.list(sessionId).map(toTokenMeta);
    this.log.info(
      `added token ${token.id} to ${d.record.baseUrl} (tokens on this machine); value stored in SecretStorage`,
    );
    this.changed.fire();
    return token;
  }

  /** Records a new probe or verify outcome of a local token (scopes, revoked). */
  async updateLocal(sessionId: string, tokenId: string, change: Partial<LocalToken>): Promise<LocalToken> {
    const updated = await this.local.update(sessionId, tokenId, change);
    const d = this.require(sessionId);
    d.tokens = this.local.list(sessionId).map(toTokenMeta);
    this.changed.fire();
    return updated;
  }

  localToken(sessionId: string, tokenId: string): LocalToken | undefined {
    return this.isLocal(sessionId) ? this.local.get(sessionId, tokenId) : undefined;
  }

  async scopes(sessionId: string): Promise<ScopeInfo[]> {
    const d = this.require(sessionId);
    if (isLocal(d.record)) return FAMILY_CATALOG;
    if (!d.scopes) d.scopes = await this.withClient(sessionId, (c) => c.scopes());
    return d.scopes;
  }

  /**
   * Creates a token and stores its value in SecretStorage before anything else can fail.
   * `idempotencyKey`: the key of an earlier attempt of the same create, so that the server
   * replays the token that attempt made instead of making a second one.
   */
  async create(
    sessionId: string,
    name: string,
    scopes: string[] | undefined,
    idempotencyKey?: string,
  ): Promise<CreatedToken> {
    const created = await this.withClient(sessionId, async (c) => {
      if (scopes) await c.scopes(); // lets core validate scope ids locally
      return c.create(name, { ...(scopes && { scopes }), ...(idempotencyKey && { idempotencyKey }) });
    });
    if (created.replayed) this.log.info(`the create of token ${created.id} was replayed by its Idempotency-Key`);
    await this.secrets.store(sessionId, created.id, created.value);
    const { value: _value, ...meta } = created;
    const d = this.require(sessionId);
    d.tokens = [...(d.tokens ?? []).filter((t) => t.id !== meta.id), toMeta(meta)];
    this.log.info(`created token ${created.id} with scopes ${created.scopes.join(',')}; value stored in SecretStorage`);
    this.changed.fire();
    return created;
  }

  async rename(sessionId: string, tokenId: string, name: string): Promise<TokenMeta> {
    if (this.isLocal(sessionId)) {
      const t = await this.updateLocal(sessionId, tokenId, { name: validateTokenName(name) });
      this.log.info(`renamed token ${tokenId} on this machine`);
      return toTokenMeta(t);
    }
    const updated = await this.withClient(sessionId, (c) => c.rename(tokenId, name));
    const d = this.require(sessionId);
    d.tokens = (d.tokens ?? []).map((t) => (t.id === tokenId ? updated : t));
    this.log.info(`renamed token ${tokenId}`);
    this.changed.fire();
    return updated;
  }

  /** Management account: deletes the token. Tokens on this machine: forgets the value here (no revoke). */
  async delete(sessionId: string, tokenId: string): Promise<void> {
    if (this.isLocal(sessionId)) {
      await this.secrets.delete(sessionId, tokenId);
      await this.local.remove(sessionId, tokenId);
      const d = this.require(sessionId);
      d.tokens = this.local.list(sessionId).map(toTokenMeta);
      this.log.info(`forgot token ${tokenId} on this machine (not revoked)`);
      this.changed.fire();
      return;
    }
    await this.withClient(sessionId, (c) => c.delete(tokenId));
    await this.secrets.delete(sessionId, tokenId);
    const d = this.require(sessionId);
    d.tokens = (d.tokens ?? []).filter((t) => t.id !== tokenId);
    this.log.info(`deleted token ${tokenId}`);
    this.changed.fire();
  }

  /** Records that `newId` replaced `oldId` (a rotation), so whatever followed the old token can follow the new one. */
  noteReplacement(oldId: string, newId: string): void {
    this.replacements.set(oldId, newId);
    this.changed.fire();
  }

  replacementOf(tokenId: string): string | undefined {
    return this.replacements.get(tokenId);
  }

  async importValue(sessionId: string, tokenId: string, value: string): Promise<void> {
    await this.secrets.store(sessionId, tokenId, value);
    this.log.info(`stored an imported value for token ${tokenId}`);
    this.changed.fire();
  }

  async forgetAccount(sessionId: string): Promise<void> {
    await this.secrets.deleteAll(sessionId);
    await this.local.removeAll(sessionId);
  }

  value(sessionId: string, tokenId: string): Thenable<string | undefined> {
    return this.secrets.get(sessionId, tokenId);
  }

  isStored(sessionId: string, tokenId: string): boolean {
    return this.secrets.isStored(sessionId, tokenId);
  }

  baseUrl(sessionId: string): string {
    return this.require(sessionId).record.baseUrl;
  }

  private require(sessionId: string): AccountData {
    const d = this.data.get(sessionId);
    if (!d) throw new Error('That account is not signed in any more.');
    return d;
  }

  private async withClient<T>(sessionId: string, fn: (c: TokenApiClient) => Promise<T>): Promise<T> {
    const d = this.require(sessionId);
    const credential = await this.accounts.credential(sessionId);
    if (!credential) throw new Error('The sign-in for this account is missing; sign in again.');
    const client = new (coreApi().TokenApiClient)({
      baseUrl: d.record.baseUrl,
      credential,
      retry: { retries: this.clientOptions().retries },
    });
    try {
      return await fn(client);
    } finally {
      await client.close();
    }
  }

  dispose(): void {
    this.disposables.forEach((x) => x.dispose());
    this.changed.dispose();
  }
}

function toMeta(t: TokenMeta & { replayed?: boolean }): TokenMeta {
  return { id: t.id, name: t.name, scopes: t.scopes, createdAt: t.createdAt, lastUsedAt: t.lastUsedAt };
}
