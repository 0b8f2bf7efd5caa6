// Token values on this machine: each in SecretStorage under its own key; the ids of stored
// tokens (not secret) in globalState so the tree can show "stored" without reading secrets.
import type { KnownValue } from '@phq-tokens/protocol';
import * as vscode from 'vscode';

const INDEX_KEY = 'predicthqTokens.storedTokens';
const valueKey = (sessionId: string, tokenId: string) => `predicthqTokens.token.${sessionId}.${tokenId}`;

type Index = Record<string, string[]>;

export class TokenSecrets {
  /**
   * Values read or written in this session, by token id. The language client redacts them
   * from document sync, and must know a value the moment it is stored: an insertion right
   * after a create must not reach the server before an async reload would have caught up.
   */
  private readonly cache = new Map<string, KnownValue>();

  constructor(
    private readonly state: vscode.Memento,
    private readonly secrets: vscode.SecretStorage,
  ) {}

  private index(): Index {
    const raw = this.state.get<unknown>(INDEX_KEY, {});
    return typeof raw === 'object' && raw !== null ? (raw as Index) : {};
  }

  isStored(sessionId: string, tokenId: string): boolean {
    return this.index()[sessionId]?.includes(tokenId) ?? false;
  }

  storedIds(sessionId: string): ReadonlySet<string> {
    return new Set(this.index()[sessionId] ?? []);
  }

  async get(sessionId: string, tokenId: string): Promise<string | undefined> {
    const value = await this.secrets.get(valueKey(sessionId, tokenId));
    if (value) this.cache.set(tokenId, { tokenId, value });
    return value;
  }

  /** Every value known in this session (see `cache`). */
  known(): KnownValue[] {
    return [...this.cache.values()];
  }

  /** Reads every stored value of the given accounts into the cache. */
  async warm(sessionIds: readonly string[]): Promise<void> {
    for (const sessionId of sessionIds) for (const id of this.index()[sessionId] ?? []) await this.get(sessionId, id);
  }

  async store(sessionId: string, tokenId: string, value: string): Promise<void> {
    this.cache.set(tokenId, { tokenId, value });
    await this.secrets.store(valueKey(sessionId, tokenId), value);
    const idx = this.index();
    const ids = new Set(idx[sessionId] ?? []);
    ids.add(tokenId);
    await this.state.update(INDEX_KEY, { ...idx, [sessionId]: [...ids] });
  }

  async delete(sessionId: string, tokenId: string): Promise<void> {
    this.cache.delete(tokenId);
    await this.secrets.delete(valueKey(sessionId, tokenId));
    const idx = this.index();
    await this.state.update(INDEX_KEY, { ...idx, [sessionId]: (idx[sessionId] ?? []).filter((i) => i !== tokenId) });
  }

  async deleteAll(sessionId: string): Promise<void> {
    for (const id of this.index()[sessionId] ?? []) {
      this.cache.delete(id);
      await this.secrets.delete(valueKey(sessionId, id));
    }
    const idx = this.index();
    delete idx[sessionId];
    await this.state.update(INDEX_KEY, idx);
  }
}
