// Hovers: what a placeholder is and why it fails; which of the user's tokens a recognised
// value is (masked); what a call site needs.
import type { Hover } from 'vscode-languageserver';
import { KINDS } from '@phq-tokens/detect';
import type { Finding } from './engine';
import type { PositionMapper } from './diagnostics';
import { findingAt } from './completionContext';
import { scopeProblems } from './scopeCheck';
import { tokenMarkdown, escapeMd } from './tokenText';
import { scopeLabel, type TokenState } from './tokens';

function code(s: string): string {
  return `\`${s.replace(/`/g, '')}\``;
}

function text(f: Finding, tokens: TokenState, findings: readonly Finding[]): string | undefined {
  const own = KINDS[f.kind].hover;
  if (own) return own(f, code);
  // The kinds whose hover depends on the user's tokens (which the engine does not know).
  switch (f.kind) {
    case 'known-token': {
      const t = f.data.tokenId ? tokens.byId.get(f.data.tokenId) : undefined;
      if (!t) return `**One of your PredictHQ tokens** (${code(f.match)}).`;
      return `${tokenMarkdown(tokens, t, f.match)}\n\nThis file holds the token's value; ${code(f.data.envReference)} keeps it out.`;
    }
    case 'endpoint': {
      const family = f.data.family;
      if (!family) return undefined;
      const label = scopeLabel(tokens, family);
      const lines = [
        `Calls the PredictHQ **${escapeMd(label)}** API: the token needs the ${code(family)} scope (otherwise 403 Forbidden).`,
      ];
      for (const p of scopeProblems(findings, tokens))
        if (p.offset === f.offset && p.family === family) lines.push('', `⚠ ${escapeMd(p.message)}`);
      return lines.join('\n');
    }
    default:
      return undefined;
  }
}

export function hover(
  findings: readonly Finding[],
  offset: number,
  doc: PositionMapper,
  tokens: TokenState,
): Hover | null {
  // Prefer a problem over the endpoint it sits in.
  const f = findingAt(findings, offset, (x) => x.kind !== 'endpoint') ?? findingAt(findings, offset, () => true);
  if (!f) return null;
  const value = text(f, tokens, findings);
  if (!value) return null;
  return {
    contents: { kind: 'markdown', value },
    range: { start: doc.positionAt(f.offset), end: doc.positionAt(f.offset + f.length) },
  };
}
