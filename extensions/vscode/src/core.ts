// @phq-tokens/core, split by weight. Its API client pulls in undici (half of this bundle),
// so the client side is required on first use instead of at load: activation stays cheap.
// The light parts (names, errors) are imported by file; the types cost nothing.
import type * as Core from '@phq-tokens/core';

export { parseTokenName, validateTokenName } from '@phq-tokens/core/src/names';
export { PhqError, isPhqError } from '@phq-tokens/core/src/errors';
export type { CreatedToken, ScopeInfo, TokenMeta, VerifyResult } from '@phq-tokens/core';

let loaded: typeof Core | undefined;

/** TokenApiClient, verifyToken, normalizeBaseUrl, ...: loaded on first call. */
export function coreApi(): typeof Core {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deferred on purpose, see above
  loaded ??= require('@phq-tokens/core') as typeof Core;
  return loaded;
}
