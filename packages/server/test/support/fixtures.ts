// Test data. Token values are generated at run time (43 base64url characters, like the
// emulator's), never written in the repo.
import { randomBytes } from 'node:crypto';
import type { Finding } from '@phq-tokens/detect';
import type { ScopeInfo, TokenInfo, TokensChangedParams } from '@phq-tokens/protocol';

export function newTokenValue(): string {
  return randomBytes(32).toString('base64url');
}

export const SCOPES: ScopeInfo[] = [
  { id: 'events', label: 'Events', description: 'Events API', pathPrefixes: ['/v1/events/'] },
  { id: 'features', label: 'Features', description: 'Features API', pathPrefixes: ['/v1/features/'] },
  { id: 'places', label: 'Places', description: 'Places API', pathPrefixes: ['/v1/places/'] },
];

export function token(id: string, name: string, scopes: string[], extra: Partial<TokenInfo> = {}): TokenInfo {
  return {
    id,
    name,
    scopes,
    createdAt: '2026-03-01T10:00:00Z',
    lastUsedAt: null,
    fingerprint: null,
    valueAvailable: true,
    ...extra,
  };
}

export function tokensParams(
  tokens: TokenInfo[],
  workspaceTrusted = true,
  chosenTokenId?: string,
): TokensChangedParams {
  return { tokens, scopes: SCOPES, workspaceTrusted, ...(chosenTokenId ? { chosenTokenId } : {}) };
}

/** A hand-made finding for pure-handler tests (offsets on a one-line text unless given). */
export function finding(
  kind: Finding['kind'],
  text: string,
  match: string,
  data: Partial<Finding['data']> = {},
  at?: number,
): Finding {
  const offset = at ?? text.indexOf(match);
  if (offset < 0) throw new Error(`${match} not in text`);
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  const character = offset - (before.lastIndexOf('\n') + 1);
  return {
    kind,
    ruleId: `phq/${kind}`,
    range: { start: { line, character }, end: { line, character: character + match.length } },
    offset,
    length: match.length,
    severity: kind === 'endpoint' ? 'info' : 'warning',
    match,
    message: `${kind} here`,
    data: { language: 'python', envVar: 'PHQ_API_TOKEN', envReference: 'os.environ["PHQ_API_TOKEN"]', ...data },
  };
}
