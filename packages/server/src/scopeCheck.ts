// Scope check: a file that calls PredictHQ API families (endpoint findings) with a token
// whose scopes do not cover them will get 403 Forbidden. The token is the one inserted in
// the file (a known-token finding, matched by fingerprint) or, when the file holds none,
// the token the user chose for the workspace (the one its env variable holds).
import type { TokenInfo } from '@phq-tokens/protocol';
import type { Finding } from './engine';
import { covers, scopeLabel, type TokenState } from './tokens';

export const MISSING_SCOPE_RULE = 'phq/missing-scope';

export interface ScopeProblem {
  /** The endpoint finding (the call site). */
  offset: number;
  length: number;
  family: string;
  token: TokenInfo;
  message: string;
}

export function fileFamilies(findings: readonly Finding[]): Set<string> {
  const out = new Set<string>();
  for (const f of findings) if (f.kind === 'endpoint' && f.data.family) out.add(f.data.family);
  return out;
}

/** Tokens whose scopes matter for this file. */
export function tokensInUse(findings: readonly Finding[], tokens: TokenState): TokenInfo[] {
  const ids = new Set<string>();
  for (const f of findings) if (f.kind === 'known-token' && f.data.tokenId) ids.add(f.data.tokenId);
  if (ids.size === 0 && tokens.chosenTokenId) ids.add(tokens.chosenTokenId);
  const out: TokenInfo[] = [];
  for (const id of ids) {
    const t = tokens.byId.get(id);
    if (t) out.push(t);
  }
  return out;
}

export function scopeProblems(findings: readonly Finding[], tokens: TokenState): ScopeProblem[] {
  const used = tokensInUse(findings, tokens);
  if (used.length === 0) return [];
  const out: ScopeProblem[] = [];
  for (const f of findings) {
    const family = f.kind === 'endpoint' ? f.data.family : undefined;
    if (!family) continue;
    for (const t of used) {
      if (covers(t, [family])) continue; // granted, or not decided by a probe: never reported missing
      const label = scopeLabel(tokens, family);
      out.push({
        offset: f.offset,
        length: f.length,
        family,
        token: t,
        message: `Token "${t.name}" lacks the "${label}" scope this call needs: PredictHQ will answer 403 Forbidden.`,
      });
    }
  }
  return out;
}
