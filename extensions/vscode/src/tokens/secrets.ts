// Token values on this machine: each in SecretStorage under its own key; the ids of stored
// tokens (not secret) in globalState so the tree can show "stored" without reading secrets.
import * as vscode from 'vscode';

const INDEX_KEY = 'predicthqTokens.storedTokens';
const valueKey = (sessionId: string, tokenId: string) => `predicthqTokens.token.${sessionId}.${tokenId}`;

type Index = Record<string, string[]>;

export class TokenSecrets {
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

  get(sessionId: string, tokenId: string): Thenable<string | undefined> {
    return this.secrets.get(valueKey(sessionId, tokenId));
  }

  async store(sessionId: string, tokenId: string, value: string): Promise<void> {
    await this.secrets.store(valueKey(sessionId, tokenId), value);
    const idx = this.index();
    const ids = new Set(idx[sessionId] ?? []);
    ids.add(tokenId);
    await this.state.update(INDEX_KEY, { ...idx, [sessionId]: [...ids] });
  }

  async delete(sessionId: string, tokenId: string): Promise<void> {
    await this.secrets.delete(valueKey(sessionId, tokenId));
    const idx = this.index();
    await this.state.update(INDEX_KEY, { ...idx, [sessionId]: (idx[sessionId] ?? []).filter((i) => i !== tokenId) });
  }

  async deleteAll(sessionId: string): Promise<void> {
    for (const id of this.index()[sessionId] ?? []) await this.secrets.delete(valueKey(sessionId, id));
    const idx = this.index();
    delete idx[sessionId];
    await this.state.update(INDEX_KEY, idx);
  }
}
