// "Would git commit this file?", answered once for the whole product (the CLI's .env writes,
// the extension's Save to .env, the language server's wording of a token in a file, Scan
// Workspace's listing): docs/files.md. Git's rules, read with the `ignore` package: the
// repository's .git/info/exclude, then every .gitignore from the repository root down to the
// file's folder, the deepest file that decides winning; a folder that is ignored ignores
// everything in it (a later `!` cannot bring a file back, as in git). Parsed rules are cached
// per folder and dropped by `invalidate` (a watcher calls it when an ignore file or a .git
// changes) or, for a user without a watcher, after `maxAgeMs`.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';

export type GitStatus = 'committed' | 'ignored' | 'no-repository';

export interface IgnoreRulesOptions {
  /** Forget everything read after this long (for callers with no watcher to call `invalidate`). */
  maxAgeMs?: number;
}

function readRules(file: string): Ignore | null {
  try {
    if (!statSync(file).isFile()) return null;
    const text = readFileSync(file, 'utf8');
    return text.trim() === '' ? null : ignore().add(text);
  } catch {
    return null;
  }
}

export class IgnoreRules {
  /** Folder -> its parsed .gitignore (null: none). */
  private readonly rules = new Map<string, Ignore | null>();
  /** Folder -> the repository root above it (null: none). */
  private readonly roots = new Map<string, string | null>();
  /** Repository root -> its parsed .git/info/exclude. */
  private readonly excludes = new Map<string, Ignore | null>();
  private loadedAt = Date.now();

  constructor(private readonly options: IgnoreRulesOptions = {}) {}

  /** The nearest folder at or above `dir` holding a `.git` (folder or file, as in a worktree). */
  repoRoot(dir: string): string | undefined {
    this.expire();
    const seen: string[] = [];
    let found: string | null = null;
    for (let d = path.resolve(dir); ;) {
      const hit = this.roots.get(d);
      if (hit !== undefined) {
        found = hit;
        break;
      }
      seen.push(d);
      if (exists(path.join(d, '.git'))) {
        found = d;
        break;
      }
      const up = path.dirname(d);
      if (up === d) break;
      d = up;
    }
    for (const d of seen) this.roots.set(d, found);
    return found ?? undefined;
  }

  /** The parsed .gitignore of one folder, read once. */
  private folderRules(dir: string): Ignore | null {
    let r = this.rules.get(dir);
    if (r === undefined) this.rules.set(dir, (r = readRules(path.join(dir, '.gitignore'))));
    return r;
  }

  private excludeRules(root: string): Ignore | null {
    let r = this.excludes.get(root);
    if (r === undefined) this.excludes.set(root, (r = readRules(path.join(root, '.git', 'info', 'exclude'))));
    return r;
  }

  /**
   * Whether the rules ignore `abs` itself (not looking at its folders: a caller walking down
   * has already passed them). `base` is where rules start: the repository root, or a folder
   * outside any repository.
   */
  decides(base: string, abs: string, isDir: boolean): boolean {
    this.expire();
    const parts = path.relative(base, abs).split(path.sep);
    if (parts.length === 0 || parts[0] === '' || parts[0] === '..') return false;
    const slash = isDir ? '/' : '';
    let ignored = false;
    const exclude = this.excludeRules(base);
    if (exclude?.ignores(parts.join('/') + slash)) ignored = true;
    let dir = base;
    for (let i = 0; i < parts.length; i++) {
      if (i > 0) dir = path.join(dir, parts[i - 1]!);
      const ig = this.folderRules(dir);
      if (!ig) continue;
      const t = ig.test(parts.slice(i).join('/') + slash);
      if (t.ignored) ignored = true;
      else if (t.unignored) ignored = false;
    }
    return ignored;
  }

  /** Whether a .gitignore (or .git/info/exclude) ignores `file`: from the repository root down, or from the file's folder outside one. */
  ignored(file: string): boolean {
    const abs = path.resolve(file);
    const base = this.repoRoot(path.dirname(abs)) ?? path.dirname(abs);
    const parts = path.relative(base, abs).split(path.sep);
    let at = base;
    for (let i = 0; i < parts.length - 1; i++) {
      at = path.join(at, parts[i]!);
      if (this.decides(base, at, true)) return true;
    }
    return this.decides(base, abs, false);
  }

  /** Would git commit this file: 'committed' (in a work tree, not ignored), 'ignored', or 'no-repository'. */
  status(file: string): GitStatus {
    const abs = path.resolve(file);
    if (!this.repoRoot(path.dirname(abs))) return 'no-repository';
    return this.ignored(abs) ? 'ignored' : 'committed';
  }

  /**
   * Something changed at `changed` (an ignore file, a .git, a folder): what was read there
   * is read again when next needed. With no argument, everything is.
   */
  invalidate(changed?: string): void {
    if (changed === undefined) {
      this.clear();
      return;
    }
    const abs = path.resolve(changed);
    const name = path.basename(abs);
    if (name === '.git' || abs.includes(`${path.sep}.git${path.sep}`)) {
      this.roots.clear();
      this.excludes.clear();
      return;
    }
    if (name === '.gitignore') {
      this.rules.delete(path.dirname(abs));
      return;
    }
    // A folder created, deleted or renamed: whatever was read at or below it.
    const below = abs + path.sep;
    for (const m of [this.rules, this.roots, this.excludes])
      for (const k of m.keys()) if (k === abs || k.startsWith(below)) m.delete(k);
  }

  private clear(): void {
    this.rules.clear();
    this.roots.clear();
    this.excludes.clear();
    this.loadedAt = Date.now();
  }

  private expire(): void {
    const max = this.options.maxAgeMs;
    if (max !== undefined && Date.now() - this.loadedAt > max) this.clear();
  }
}

function exists(p: string): boolean {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
}
