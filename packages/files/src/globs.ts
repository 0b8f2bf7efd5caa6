// VS Code's glob patterns (`files.exclude`, `predicthqTokens.ignore`, `**/node_modules/**`),
// matched against a path relative to the workspace folder with picomatch, whose syntax is the
// same for what these settings use: `**`, `*`, `?`, `{a,b}`, `[...]`. A folder is excluded
// when the pattern matches it or anything in it (`**/dist/**` excludes `dist`).
import picomatch from 'picomatch';

export type PathMatcher = (rel: string, isDir: boolean) => boolean;

export function globMatcher(globs: readonly string[]): PathMatcher {
  const clean = globs.map((g) => g.trim().replace(/^\.\//, '')).filter((g) => g !== '');
  if (clean.length === 0) return () => false;
  const isMatch = picomatch(clean, { dot: true });
  // A child no real glob names: `**/dist/**` matches it, `**/*.min.js` does not.
  return (rel, isDir) => isMatch(rel) || (isDir && isMatch(`${rel}/\u0000phq-probe`));
}
