// Which paths a scan skips: the --ignore globs (relative to the current folder) and the
// repository file's `ignore` (relative to that file's folder), in every scan mode.
import path from 'node:path';
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
  const dir = req.configIgnore?.dir ?? req.root;
  const config = createPathFilter(globs);
  return {
    ignores(rel) {
      if (flags.ignores(rel)) return true;
      const abs = path.resolve(req.root, rel);
      if (skip.has(abs)) return true;
      const fromConfig = path.relative(dir, abs).split(path.sep).join('/');
      return globs.length > 0 && config.ignores(rel.endsWith('/') ? fromConfig + '/' : fromConfig);
    },
  };
}
