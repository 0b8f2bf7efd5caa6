// Short texts for tree items; pure so they are unit tested.
import type { ScopeInfo } from '@phq-tokens/core';

/** "all scopes", "no scopes", "events, places" or "events, places, beam +2". */
export function scopesSummary(scopes: readonly string[], catalog: readonly ScopeInfo[] | undefined): string {
  if (catalog && catalog.length > 0 && catalog.every((s) => scopes.includes(s.id))) return 'all scopes';
  if (scopes.length === 0) return 'no scopes';
  return scopes.length <= 3 ? scopes.join(', ') : `${scopes.slice(0, 3).join(', ')} +${scopes.length - 3}`;
}
