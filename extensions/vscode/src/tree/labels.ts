// Short texts for tree items; pure so they are unit tested.
import type { ScopeInfo } from '@phq-tokens/core';

/**
 * "all scopes", "no scopes", "events, places", or "4 of 11 scopes": short enough for the
 * view's default width (a list of names was cut mid-word there); the tooltip lists them all.
 */
export function scopesSummary(scopes: readonly string[], catalog: readonly ScopeInfo[] | undefined): string {
  if (catalog && catalog.length > 0 && catalog.every((s) => scopes.includes(s.id))) return 'all scopes';
  if (scopes.length === 0) return 'no scopes';
  if (scopes.length <= 2) return scopes.join(', ');
  return catalog && catalog.length > 0 ? `${scopes.length} of ${catalog.length} scopes` : `${scopes.length} scopes`;
}
