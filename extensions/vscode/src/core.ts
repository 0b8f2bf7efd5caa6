// @phq-tokens/core, split by weight. Its API client pulls in undici (most of its size), so
// the build makes it a bundle of its own, dist/core.js, required on first use: activation
// evaluates only dist/extension.js (build.mjs maps the bare '@phq-tokens/core' import below
// to './core.js'). The light parts (names, errors, pasted-value checks, the API families)
// are imported by file and stay in the main bundle; types cost nothing.
import type * as Core from '@phq-tokens/core';

export { parseTokenName, validateTokenName } from '@phq-tokens/core/names';
export { PhqError, isPhqError } from '@phq-tokens/core/errors';
export { cleanTokenInput } from '@phq-tokens/core/tokenInput';
export { API_FAMILIES, familyPrefixes } from '@phq-tokens/families';
export type { CreatedToken, FamilyProbe, ProbeResult, ScopeInfo, TokenMeta, VerifyResult } from '@phq-tokens/core';

let loaded: typeof Core | undefined;

/** TokenApiClient, verifyToken, probeToken, normalizeBaseUrl, ...: loaded on first call. */
export function coreApi(): typeof Core {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deferred on purpose, see above
  loaded ??= require('@phq-tokens/core') as typeof Core;
  return loaded;
}
