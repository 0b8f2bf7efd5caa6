// Hovers: what a placeholder is and why it fails; which of the user's tokens a recognised
// value is (masked); what a call site needs.
import type { Hover } from 'vscode-languageserver';
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
  switch (f.kind) {
    case 'placeholder':
      return [
        `**${code(f.data.placeholder ?? f.match)} is a placeholder**, not a token.`,
        '',
        'Here it is sent to PredictHQ literally, so every request fails with **401 Unauthorized**.',
        `Replace it with one of your tokens, or with ${code(f.data.envReference)} so the token stays out of the file.`,
      ].join('\n');
    case 'known-token': {
      const t = f.data.tokenId ? tokens.byId.get(f.data.tokenId) : undefined;
      if (!t) return `**One of your PredictHQ tokens** (${code(f.match)}).`;
      return `${tokenMarkdown(tokens, t, f.match)}\n\nThis file holds the token's value; ${code(f.data.envReference)} keeps it out.`;
    }
    case 'hardcoded-token':
      return `**A hardcoded API token** (${code(f.match)}): anyone who can read this file can use it. Use ${code(f.data.envReference)} and keep the value in a secret store.`;
    case 'browser-exposure':
      return `**This token is shipped to browsers** (${code(f.match)}): variables with this prefix are bundled into client code. Call PredictHQ from a server instead.`;
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
