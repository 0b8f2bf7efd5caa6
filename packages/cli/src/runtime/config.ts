// The login config: $XDG_CONFIG_HOME/phq-tokens/config.json (default ~/.config), mode 0600
// in a 0700 directory, replaced atomically so it is never half-written.
import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export interface StoredConfig {
  apiUrl: string;
  credential: string;
}

export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  const base =
    env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(homedir(), '.config');
  return path.join(base, 'phq-tokens');
}

export function configFile(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(configDir(env), 'config.json');
}

export interface LoadedConfig {
  config: StoredConfig | undefined;
  /** Set when the file is readable by group or others (we tell the user, once). */
  looseMode: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): LoadedConfig {
  const file = configFile(env);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { config: undefined, looseMode: false };
  }
  const looseMode = process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0;
  try {
    const o = JSON.parse(text) as Partial<StoredConfig>;
    if (typeof o.apiUrl === 'string' && typeof o.credential === 'string')
      return { config: { apiUrl: o.apiUrl, credential: o.credential }, looseMode };
  } catch {
    // A corrupt file is treated as "not logged in"; login rewrites it.
  }
  return { config: undefined, looseMode };
}

export function saveConfig(config: StoredConfig, env: NodeJS.ProcessEnv = process.env): string {
  const dir = configDir(env);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = configFile(env);
  const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  // 'wx' + mode: the temp file is private from its first byte, whatever the umask.
  writeFileSync(tmp, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  try {
    chmodSync(tmp, 0o600);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  return file;
}

/** Returns whether there was a file to remove. */
export function removeConfig(env: NodeJS.ProcessEnv = process.env): boolean {
  const file = configFile(env);
  try {
    statSync(file);
  } catch {
    return false;
  }
  rmSync(file);
  return true;
}
