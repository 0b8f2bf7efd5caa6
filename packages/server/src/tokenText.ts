// Human text about a token, shared by completion documentation and hovers. Never a value:
// the masked form comes from the engine's finding.
import type { TokenInfo } from '@phq-tokens/protocol';
import { displayName } from './names';
import { scopeLabel, type TokenState } from './tokens';

export function scopesText(state: TokenState, token: TokenInfo): string {
  return token.scopes.length ? token.scopes.map((s) => scopeLabel(state, s)).join(', ') : 'no scopes';
}

function day(iso: string | null): string {
  if (!iso) return 'never';
  return iso.slice(0, 10);
}

export function tokenMarkdown(state: TokenState, token: TokenInfo, masked?: string): string {
  const name = displayName(token.name);
  const lines = [
    `**${escapeMd(name.token)}**${name.client ? ` (API client: ${escapeMd(name.client)})` : ''}`,
    '',
    `Scopes: ${escapeMd(scopesText(state, token))}`,
    '',
    `Created ${day(token.createdAt)}, last used ${day(token.lastUsedAt)}`,
    '',
    token.valueAvailable
      ? 'Value: stored on this machine.'
      : 'Value: not stored on this machine (PredictHQ shows a value only once, at creation).',
  ];
  if (token.unknownScopes?.length)
    lines.push('', `Not yet confirmed (the API did not answer the check): ${escapeMd(token.unknownScopes.join(', '))}`);
  if (token.revoked)
    lines.push(
      '',
      '**Revoked**: PredictHQ rejected this token (401) at its last check. Calls with it fail; replace it with a new token.',
    );
  if (masked) lines.push('', `Value (masked): \`${masked.replace(/`/g, '')}\``);
  return lines.join('\n');
}

export function escapeMd(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-!|<>]/g, (c) => `\\${c}`);
}
