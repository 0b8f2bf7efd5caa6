// Writing a token value where the user asked: a new private file, or one variable of an
// env file (updated in place), plus a .gitignore entry so the env file is not committed.
import {
  chmodSync,
  existsSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  appendFileSync,
} from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { IgnoreRules } from '@phq-tokens/files';
import { isEnvVarName } from '@phq-tokens/protocol/src/settings';
import { UsageError } from './exit-codes';

/** Checks done before the token is created, so a bad path never costs a lost secret. */
export function checkOutFile(file: string): void {
  if (existsSync(file)) throw new UsageError(`${file} already exists; choose a new file for the token value.`);
  checkDir(file);
}

export function checkEnvFile(file: string, varName: string): void {
  if (!isEnvVarName(varName)) throw new UsageError(`"${varName}" is not a valid environment variable name.`);
  if (existsSync(file) && !statSync(file).isFile()) throw new UsageError(`${file} is not a file.`);
  checkDir(file);
}

function checkDir(file: string): void {
  const dir = path.dirname(path.resolve(file));
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`The folder ${dir} does not exist.`);
}

export function writeOutFile(file: string, value: string): void {
  writeFileSync(file, `${value}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
}

export interface EnvUpsert {
  how: 'created' | 'updated' | 'added';
  /** The mode the file had when it was readable by group or others (it is now owner-only). */
  tightenedFrom?: number;
}

/** Owner-only: a file that holds a token keeps no group or other access (not on Windows, which has no such bits). */
function privateMode(mode: number): number {
  return process.platform === 'win32' || (mode & 0o077) === 0 ? mode : (mode & 0o700) | 0o600;
}

/**
 * Sets `NAME=value` in an env file: replaces the existing line (also `export NAME=`), or
 * appends. A new file gets mode 600; an existing file keeps its mode unless group or others
 * could read it, in which case it becomes owner-only (the caller says so).
 */
export function upsertEnvVar(file: string, name: string, value: string): EnvUpsert {
  const line = `${name}=${value}`;
  if (!existsSync(file)) {
    writeFileSync(file, `${line}\n`, { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
    return { how: 'created' };
  }
  const text = readFileSync(file, 'utf8');
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const matcher = new RegExp(`^(\\s*export\\s+)?${name}\\s*=`);
  const lines = text.split(/\r?\n/);
  let found = false;
  const next = lines.map((l) => {
    const m = matcher.exec(l);
    if (!m) return l;
    found = true;
    return `${m[1] ?? ''}${line}`;
  });
  if (!found) {
    if (next.length > 0 && next[next.length - 1] === '') next.pop();
    next.push(line, '');
  }
  // Same directory temp file + rename: the env file is never half-written.
  const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  const was = statSync(file).mode & 0o777;
  const mode = privateMode(was);
  try {
    // 'wx' + mode: the temp file is private from its first byte, whatever the umask.
    writeFileSync(tmp, next.join(eol), { mode: mode & 0o600, flag: 'wx' });
    chmodSync(tmp, mode);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  return { how: found ? 'updated' : 'added', ...(mode !== was && { tightenedFrom: was }) };
}

/** Escapes what .gitignore would read as a pattern or a comment, so the entry matches the name only. */
function gitignoreLiteral(name: string): string {
  return name.replace(/[\\*?[\]!#]/g, (c) => `\\${c}`).replace(/ $/, '\\ ');
}

/**
 * Makes sure a .gitignore covers `file`: when git's rules (every .gitignore from the
 * repository root, or the file's folder outside a repository, down to the file, and
 * .git/info/exclude) do not ignore it, appends `/<name>` to the .gitignore beside it.
 */
export function ensureGitignored(file: string): { gitignore: string; changed: boolean } {
  const abs = path.resolve(file);
  const dir = path.dirname(abs);
  // The one answer to "would git commit this file?" (@phq-tokens/files), as the editor gives it.
  const ignored = new IgnoreRules().ignored(abs);
  const gitignore = path.join(dir, '.gitignore');
  if (ignored) return { gitignore, changed: false };
  const existing = existsSync(gitignore) ? readFileSync(gitignore, 'utf8') : '';
  const sep = existing === '' || existing.endsWith('\n') ? '' : '\n';
  appendFileSync(gitignore, `${sep}/${gitignoreLiteral(path.basename(abs))}\n`);
  return { gitignore, changed: true };
}
