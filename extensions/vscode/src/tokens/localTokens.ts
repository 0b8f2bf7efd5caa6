// Metadata of tokens added from the WebApp ("tokens on this machine"): name, probed scopes,
// when they were checked, whether the last check said revoked, and the value's fingerprint
// (to refuse adding the same value twice). In globalState; never the value, which lives in
// SecretStorage (TokenSecrets) under the same id.
import type { FamilyProbe, ProbeResult, TokenMeta } from '../core';
import type * as vscode from 'vscode';

const KEY = 'predicthqTokens.localTokens';

export interface LocalProbe {
  families: Pick<FamilyProbe, 'scope' | 'state' | 'status' | 'inferred'>[];
  checkedAt: string;
  subscriptionExpired: boolean;
}

export interface LocalToken {
  id: string;
  name: string;
  addedAt: string;
  fingerprint: string;
  probe: LocalProbe;
  /** ISO time of the check that answered 401; absent while the token works. */
  revokedAt?: string;
  /** Rotated: to be deleted in the WebApp (since this ISO time) until a check answers 401. */
  toRevokeSince?: string;
}

type Index = Record<string, LocalToken[]>;

export function localProbe(r: ProbeResult): LocalProbe {
  return {
    families: r.families.map(({ scope, state, status, inferred }) => ({ scope, state, status, inferred })),
    checkedAt: r.checkedAt,
    subscriptionExpired: r.subscriptionExpired,
  };
}

export const grantedOf = (t: LocalToken): string[] =>
  t.probe.families.filter((f) => f.state === 'granted').map((f) => f.scope);

export const unknownOf = (t: LocalToken): string[] =>
  t.probe.families.filter((f) => f.state === 'unknown').map((f) => f.scope);

/** As the rest of the extension sees a token: scopes are the granted ones; never used as far as we know. */
export function toTokenMeta(t: LocalToken): TokenMeta {
  return { id: t.id, name: t.name, scopes: grantedOf(t), createdAt: t.addedAt, lastUsedAt: null };
}

export class LocalTokenStore {
  constructor(private readonly state: vscode.Memento) {}

  private index(): Index {
    const raw = this.state.get<unknown>(KEY, {});
    return typeof raw === 'object' && raw !== null ? (raw as Index) : {};
  }

  list(sessionId: string): LocalToken[] {
    const v = this.index()[sessionId];
    return Array.isArray(v) ? v : [];
  }

  get(sessionId: string, tokenId: string): LocalToken | undefined {
    return this.list(sessionId).find((t) => t.id === tokenId);
  }

  /** Any account's token holding this fingerprint (same value added before). */
  byFingerprint(fp: string): { sessionId: string; token: LocalToken } | undefined {
    for (const [sessionId, tokens] of Object.entries(this.index())) {
      const token = tokens.find((t) => t.fingerprint === fp);
      if (token) return { sessionId, token };
    }
    return undefined;
  }

  async put(sessionId: string, token: LocalToken): Promise<void> {
    const idx = this.index();
    const others = (idx[sessionId] ?? []).filter((t) => t.id !== token.id);
    await this.state.update(KEY, { ...idx, [sessionId]: [...others, token] });
  }

  async update(sessionId: string, tokenId: string, change: Partial<LocalToken>): Promise<LocalToken> {
    const current = this.get(sessionId, tokenId);
    if (!current) throw new Error('That token is not on this machine any more.');
    const next: LocalToken = { ...current, ...change };
    for (const [k, v] of Object.entries(change))
      if (v === undefined) delete (next as unknown as Record<string, unknown>)[k];
    await this.put(sessionId, next);
    return next;
  }

  async remove(sessionId: string, tokenId: string): Promise<void> {
    const idx = this.index();
    await this.state.update(KEY, { ...idx, [sessionId]: (idx[sessionId] ?? []).filter((t) => t.id !== tokenId) });
  }

  async removeAll(sessionId: string): Promise<void> {
    const idx = this.index();
    delete idx[sessionId];
    await this.state.update(KEY, idx);
  }
}

/** What the language server learns of a local token beyond its metadata (never the value). */
export function serverFields(t: LocalToken | undefined): { unknownScopes?: string[]; revoked?: boolean } {
  if (!t) return {};
  const unknown = unknownOf(t);
  return { ...(unknown.length > 0 && { unknownScopes: unknown }), ...(t.revokedAt && { revoked: true }) };
}
