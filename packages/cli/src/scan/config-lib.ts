// @phq-tokens/config, loaded on first use: it brings the JSON Schema validator (ajv), which
// a scan without a .phq-tokens.json or a baseline (most pre-commit runs) never needs.
// `scan` start-up is measured (docs/benchmarks.md); a static import costs every run.
import type * as ConfigLib from '@phq-tokens/config';

let loaded: typeof ConfigLib | undefined;

export function configLib(): typeof ConfigLib {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deferred on purpose, see above
  loaded ??= require('@phq-tokens/config') as typeof ConfigLib;
  return loaded;
}
