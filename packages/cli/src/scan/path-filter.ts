// Which paths a scan skips: the --ignore globs (relative to the current folder) and the
// repository file's `ignore` (relative to that file's folder), in every scan mode.
import path from 'node:path';
import { ignoredByConfig } from '@phq-tokens/config';
import { createPathFilter, type PathFilter } from '@phq-tokens/detect';

export interface PathFilterRequest {
  root: string;
  ignore: string[];
  /** The repository file's globs and its folder: plain data, as a scan request goes to worker threads. */
  configIgnore?: { dir: string; globs: string[] };
  /** Absolute paths never judged: the config file and the baseline (which lists placeholders by design). */
  skip?: string[];
}

export function pathFilterFor(req: PathFilterRequest): PathFilter {
  const flags = createPathFilter(req.ignore);
  const skip = new Set(req.skip ?? []);
  const globs = req.configIgnore?.globs ?? [];
  if (skip.size === 0 && globs.length === 0) return flags;
  const config = { dir: req.configIgnore?.dir ?? req.root, filter: createPathFilter(globs) };
  return {
    ignores(rel) {
      if (flags.ignores(rel)) return true;
      const abs = path.resolve(req.root, rel);
      return skip.has(abs) || (globs.length > 0 && ignoredByConfig(config, abs, rel.endsWith('/')));
    },
  };
}
