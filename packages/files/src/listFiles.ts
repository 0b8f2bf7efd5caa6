// Lists the files of a folder the way Scan Workspace and `phq-tokens scan` agree on: what
// .gitignore files (and .git/info/exclude) leave, minus what the caller excludes (VS Code's
// files.exclude and the ignore setting), never inside .git/.hg/.svn, symlinks not followed.
// Several folders are read at once; an ignored or excluded folder is never opened.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { IgnoreRules } from './ignoreRules';
import type { PathMatcher } from './globs';

export interface ListOptions {
  rules: IgnoreRules;
  /** Excluded by the caller (relative to the folder listed, `/`-separated). */
  exclude: PathMatcher;
  /** Checked between folders: the listing stops early when it says so. */
  cancelled?: () => boolean;
  /** Folders read at once (default 8). */
  inFlight?: number;
}

const ALWAYS_SKIPPED = new Set(['.git', '.hg', '.svn']);

/** Files under `root`, relative to it with `/` separators, in no particular order. */
export async function listFiles(root: string, o: ListOptions): Promise<string[]> {
  const base = o.rules.repoRoot(root) ?? root;
  const out: string[] = [];
  const queue: string[] = [''];
  const limit = o.inFlight ?? 8;
  let running = 0;
  await new Promise<void>((resolve) => {
    const pump = (): void => {
      if (o.cancelled?.()) queue.length = 0;
      while (running < limit && queue.length > 0) {
        const rel = queue.pop()!;
        running++;
        void one(rel).finally(() => {
          running--;
          pump();
        });
      }
      if (running === 0 && queue.length === 0) resolve();
    };
    const one = async (dirRel: string): Promise<void> => {
      const dirAbs = dirRel === '' ? root : path.join(root, dirRel);
      let entries;
      try {
        entries = await readdir(dirAbs, { withFileTypes: true });
      } catch {
        return; // unreadable or gone: nothing to list
      }
      for (const e of entries) {
        if (ALWAYS_SKIPPED.has(e.name)) continue;
        const isDir = e.isDirectory();
        if (!isDir && !e.isFile()) continue;
        const rel = dirRel === '' ? e.name : `${dirRel}/${e.name}`;
        if (o.exclude(rel, isDir)) continue;
        if (o.rules.decides(base, path.join(dirAbs, e.name), isDir)) continue;
        if (isDir) queue.push(rel);
        else out.push(rel);
      }
    };
    pump();
  });
  return out;
}

/**
 * Whether one file would be listed by `listFiles(root)`: not excluded, and neither it nor a
 * folder on its way is ignored (for a file created after the listing).
 */
export function wouldList(root: string, rel: string, o: Pick<ListOptions, 'rules' | 'exclude'>): boolean {
  const parts = rel.split('/');
  if (parts.some((p) => ALWAYS_SKIPPED.has(p) || p === '..')) return false;
  const base = o.rules.repoRoot(root) ?? root;
  // Folders above `root` inside the repository are not looked at, as in the listing.
  for (let i = 1; i <= parts.length; i++) {
    const sub = parts.slice(0, i).join('/');
    const isDir = i < parts.length;
    if (o.exclude(sub, isDir) || o.rules.decides(base, path.join(root, ...parts.slice(0, i)), isDir)) return false;
  }
  return true;
}
