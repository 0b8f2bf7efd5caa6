// Whether git would carry a file: inside a work tree and not ignored (.gitignore files from the
// repository root down, and .git/info/exclude, read with the `ignore` package, which follows
// git's rules). Decides how the server talks about a token written in that file: a known token
// in a file git ignores (a local .env) is a hint; anywhere git would commit it, an error.
// Reads only ignore files, never the document. Results are cached per file and checked against
// the ignore files' modification times on every call, so a .gitignore written a moment ago (the
// extension's Save to .env writes one) is seen at once.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ignore from 'ignore';

/** `unknown`: not a file (an untitled buffer), so nothing says where it will be saved. */
export type GitStatus = 'committed' | 'ignored' | 'no-repository' | 'unknown';

const cache = new Map<string, { stamp: string; status: GitStatus }>();

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

/** Modification times and sizes of what compute() reads for `file` ('-': missing): equal stamps, equal answers. */
function stamp(file: string): string {
  const root = repoRoot(path.dirname(file));
  if (!root) return 'none';
  const mtime = (f: string) => {
    try {
      const st = statSync(f);
      return `${st.mtimeMs}:${st.size}`;
    } catch {
      return '-';
    }
  };
  const parts = [root, mtime(path.join(root, '.git', 'info', 'exclude'))];
  const rel = path.relative(root, file).split(path.sep);
  for (let i = 0; i < rel.length; i++) parts.push(mtime(path.join(root, ...rel.slice(0, i), '.gitignore')));
  return parts.join('|');
}

/**
 * The git status of a `file:` URI, or of the notebook a `vscode-notebook-cell:` URI is a cell
 * of; other schemes (untitled) are `unknown`.
 */
export function gitStatus(uri: string): GitStatus {
  let file: string;
  try {
    if (uri.startsWith('file:')) file = fileURLToPath(uri);
    else if (uri.startsWith('vscode-notebook-cell:')) file = fileURLToPath(`file://${new URL(uri).pathname}`);
    else return 'unknown';
  } catch {
    return 'unknown';
  }
  const now = stamp(file);
  const hit = cache.get(file);
  if (hit && hit.stamp === now) return hit.status;
  const status = compute(file);
  cache.set(file, { stamp: now, status });
  return status;
}
