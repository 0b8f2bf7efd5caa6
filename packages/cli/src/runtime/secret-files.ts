// Writing a token value where the user asked: a new private file, or one variable of an
// env file (updated in place), plus a .gitignore entry so the env file is not committed.
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync, appendFileSync } from 'node:fs';
import path from 'node:path';
import { EnvFileRefused, planEnvFile, writeEnvFile, type EnvFilePlan } from '@phq-tokens/core/envFile';
import { envVarValues, setEnvVar } from '@phq-tokens/detect/env-file';
import { isEnvVarName } from '@phq-tokens/settings';
import { CliError, ExitCode, UsageError } from './exit-codes';
import { IgnoreRules } from '@phq-tokens/files';

/** Checks done before the token is created, so a bad path never costs a lost secret. */
export function checkOutFile(file: string): void {
  if (existsSync(file)) throw new UsageError(`${file} already exists; choose a new file for the token value.`);
  checkDir(file);
}

/**
 * The env file checks, before any token exists: the variable name, the folder, and the
 * shared write policy's verdict on the file (a read-only file, a link to nothing).
 */
export function checkEnvFile(file: string, varName: string): EnvFilePlan {
  if (!isEnvVarName(varName)) throw new UsageError(`"${varName}" is not a valid environment variable name.`);
  checkDir(file);
  try {
    return planEnvFile(file);
  } catch (e) {
    if (!(e instanceof EnvFileRefused)) throw e;
    if (e.reason === 'not-a-file') throw new UsageError(e.message);
    throw new CliError(`${e.message} Nothing was changed.`, ExitCode.failed);
  }
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
  /** The file written: the env file itself, or the real file a symbolic link leads to. */
  target: string;
  link: boolean;
}

/**
 * Sets `NAME=value` in an env file with the shared text edit (detect's setEnvVar) and the
 * shared write policy (core's envFile.ts: links written through, read-only files refused,
 * new files mode 600, readable files made owner-only; the caller says so).
 */
export function upsertEnvVar(file: string, name: string, value: string): EnvUpsert {
  let how: EnvUpsert['how'] = 'created';
  const w = writeEnvFile(file, (text) => {
    if (text === undefined) return setEnvVar('', name, value).text;
    const edit = setEnvVar(text, name, value);
    how = edit.how;
    return edit.text;
  });
  return {
    how,
    target: w.target,
    link: w.link,
    ...(w.tightenedFrom !== undefined && { tightenedFrom: w.tightenedFrom }),
  };
}

/** The values an env file assigns to `name` (reads through a link). */
export function envFileValues(file: string, name: string): string[] {
  return envVarValues(readFileSync(file, 'utf8'), name);
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
