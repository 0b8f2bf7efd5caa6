// Path ignore globs, gitignore syntax, shared by every front end (CLI walk, language server).
import ignore from 'ignore';

export interface PathFilter {
  /** Whether a path relative to the workspace/scan root is ignored. */
  ignores(relativePath: string): boolean;
}

export function createPathFilter(globs: readonly string[]): PathFilter {
  const ig = ignore().add(globs.filter((g) => g.trim() !== ''));
  return {
    ignores(relativePath) {
      const p = relativePath.replace(/\\/g, '/').replace(/^\.\//, '');
      if (p === '' || p.startsWith('../') || p.startsWith('/')) return false;
      return ig.ignores(p);
    },
  };
}
