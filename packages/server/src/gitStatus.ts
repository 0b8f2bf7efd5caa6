// Whether git would carry a file: inside a work tree and not ignored (.gitignore files from the
// repository root down, and .git/info/exclude, read with the `ignore` package, which follows
// git's rules). Decides how the server talks about a token written in that file: a known token
// in a file git ignores (a local .env) is a hint; anywhere git would commit it, an error.
// Reads only ignore files, never the document; results are cached per file for a short while.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ignore from 'ignore';

export type GitStatus = 'committed' | 'ignored' | 'no-repository';

const TTL_MS = 5_000;
const cache = new Map<string, { at: number; status: GitStatus }>();

function repoRoot(dir: string): string | undefined {
  for (let d = dir; ;) {
    if (existsSync(path.join(d, '.git'))) return d;
    const up = path.dirname(d);
    if (up === d) return undefined;
    d = up;
  }
}

function read(file: string): string {
  try {
    return statSync(file).isFile() ? readFileSync(file, 'utf8') : '';
  } catch {
    return '';
  }
}

function compute(file: string): GitStatus {
  const root = repoRoot(path.dirname(file));
  if (!root) return 'no-repository';
  const rel = path.relative(root, file).split(path.sep);
  // Each directory's .gitignore applies to paths below it; the deepest match decides, as in git.
  let ignored = ignore()
    .add(read(path.join(root, '.git', 'info', 'exclude')))
    .ignores(rel.join('/'));
  for (let i = 0; i < rel.length; i++) {
    const dir = path.join(root, ...rel.slice(0, i));
    const rules = read(path.join(dir, '.gitignore'));
    if (!rules) continue;
    const ig = ignore().add(rules);
    const sub = rel.slice(i).join('/');
    if (ig.ignores(sub)) ignored = true;
    else if (ig.test(sub).unignored) ignored = false;
    // A directory ignored above the file ignores everything in it.
    for (let k = i + 1; k < rel.length; k++) if (ig.ignores(`${rel.slice(i, k).join('/')}/`)) ignored = true;
  }
  return ignored ? 'ignored' : 'committed';
}

/** The git status of a `file:` URI; other schemes (untitled, notebooks) have no repository. */
export function gitStatus(uri: string, now = Date.now()): GitStatus {
  if (!uri.startsWith('file:')) return 'no-repository';
  let file: string;
  try {
    file = fileURLToPath(uri);
  } catch {
    return 'no-repository';
  }
  const hit = cache.get(file);
  if (hit && now - hit.at < TTL_MS) return hit.status;
  const status = compute(file);
  cache.set(file, { at: now, status });
  return status;
}
