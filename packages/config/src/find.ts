// The walk up to the nearest `.phq-tokens.json`: its own file with no dependencies, so that a
// front end can look for the file without loading the validator (ajv) until there is one.
import { statSync } from 'node:fs';
import path from 'node:path';

export const CONFIG_FILE_NAME = '.phq-tokens.json';

/** The nearest `.phq-tokens.json` at or above `start` (a folder), if any. */
export function findRepoConfig(start: string): string | undefined {
  for (let d = path.resolve(start); ;) {
    const f = path.join(d, CONFIG_FILE_NAME);
    try {
      if (statSync(f).isFile()) return f;
    } catch {
      // not here: go up
    }
    const up = path.dirname(d);
    if (up === d) return undefined;
    d = up;
  }
}
