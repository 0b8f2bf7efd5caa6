// Finds the files to scan: walks folders depth-first, honouring every .gitignore on the way
// (each applies to its own folder, like git) and the user's --ignore globs. Files named
// explicitly on the command line are always scanned unless an --ignore glob matches them.
import { readdirSync, readFileSync, statSync, type Dirent, type Stats } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { PathFilter } from '@phq-tokens/detect';
import { decodeName, fsPath } from './raw-name';

export interface WalkOptions {
  gitignore: boolean;
  filter: PathFilter;
  /** Paths are reported relative to this folder. */
  root: string;
  /** A folder that cannot be read: reported, and the walk goes on. */
  onError(rel: string, e: unknown): void;
  /** A path named on the command line that is neither a file nor a folder (FIFO, socket, device). */
  onSkip(rel: string, reason: SpecialFile): void;
}

export type SpecialFile = 'fifo' | 'socket' | 'device';

function specialKind(st: Stats): SpecialFile {
  return st.isFIFO() ? 'fifo' : st.isSocket() ? 'socket' : 'device';
}

export interface WalkedFile {
  abs: string;
  /** Relative to the root, with forward slashes. */
  rel: string;
}

interface Rules {
  /** Folder the .gitignore sits in, relative to the root ('' for the root). */
  base: string;
  ig: Ignore;
}

const ALWAYS_SKIPPED = new Set(['.git', '.hg', '.svn']);

function toRel(root: string, abs: string): string {
  const r = path.relative(root, abs).split(path.sep).join('/');
  return r === '' ? '.' : r;
}

function loadGitignore(dirAbs: string, base: string): Rules | null {
  let text: string;
  try {
    text = readFileSync(fsPath(path.join(dirAbs, '.gitignore')), 'utf8');
  } catch {
    return null;
  }
  return { base, ig: ignore().add(text) };
}

function ignoredByGit(stack: readonly Rules[], rel: string, isDir: boolean): boolean {
  for (const r of stack) {
    const sub = r.base === '' ? rel : rel.startsWith(r.base + '/') ? rel.slice(r.base.length + 1) : null;
    if (sub !== null && sub !== '' && r.ig.ignores(isDir ? sub + '/' : sub)) return true;
  }
  return false;
}

/** Yields the files under `paths`; throws (ENOENT...) for a path that does not exist. */
export function* walk(paths: readonly string[], o: WalkOptions): Generator<WalkedFile> {
  for (const p of paths) {
    const abs = path.resolve(o.root, p);
    const st = statSync(abs);
    const rel = toRel(o.root, abs);
    if (st.isFile()) {
      if (!o.filter.ignores(rel)) yield { abs, rel };
      continue;
    }
    if (!st.isDirectory()) {
      // Never opened: reading a FIFO would wait for a writer, a device might never end.
      o.onSkip(rel, specialKind(st));
      continue;
    }
    const stack: Rules[] = [];
    // .gitignore files of the folders above a scanned folder inside the root apply too.
    if (o.gitignore && !rel.startsWith('..')) {
      const parts = rel === '.' ? [] : rel.split('/');
      for (let i = 0; i < parts.length; i++) {
        const base = parts.slice(0, i).join('/');
        const r = loadGitignore(path.join(o.root, base), base);
        if (r) stack.push(r);
      }
    }
    yield* walkDir(abs, rel === '.' ? '' : rel, stack, o);
  }
}

/**
 * A folder's entries. A name that is not UTF-8 comes back from readdir with U+FFFD in it; the
 * folder is then read again as bytes and every name decoded losslessly (raw-name.ts).
 */
function readEntries(dirAbs: string): { name: string; isDirectory(): boolean; isFile(): boolean }[] {
  const entries: Dirent[] = readdirSync(fsPath(dirAbs), { withFileTypes: true }) as Dirent[];
  if (!entries.some((e) => e.name.includes('\uFFFD'))) return entries;
  return readdirSync(fsPath(dirAbs), { withFileTypes: true, encoding: 'buffer' }).map((e) => ({
    name: decodeName(e.name),
    isDirectory: () => e.isDirectory(),
    isFile: () => e.isFile(),
  }));
}

function* walkDir(dirAbs: string, dirRel: string, stack: Rules[], o: WalkOptions): Generator<WalkedFile> {
  const own = o.gitignore ? loadGitignore(dirAbs, dirRel) : null;
  if (own) stack.push(own);
  let entries: { name: string; isDirectory(): boolean; isFile(): boolean }[];
  try {
    entries = readEntries(dirAbs);
  } catch (e) {
    o.onError(dirRel || '.', e);
    if (own) stack.pop();
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (ALWAYS_SKIPPED.has(e.name)) continue;
    const rel = dirRel === '' ? e.name : `${dirRel}/${e.name}`;
    const isDir = e.isDirectory();
    if (!isDir && !e.isFile()) continue; // symlinks, sockets: not followed
    if (o.gitignore && ignoredByGit(stack, rel, isDir)) continue;
    if (o.filter.ignores(isDir ? rel + '/' : rel)) continue;
    const abs = path.join(dirAbs, e.name);
    if (isDir) yield* walkDir(abs, rel, stack, o);
    else yield { abs, rel };
  }
  if (own) stack.pop();
}
