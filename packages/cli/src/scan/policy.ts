// Where scan's policy comes from: flags > the repository file (.phq-tokens.json) > defaults
// (docs/scan.md, "Repository config file"). Lists add up (a flag's --pattern or --ignore
// joins the file's); single values and each severity key take the most specific source.
import { statSync } from 'node:fs';
import path from 'node:path';
import type { RepoConfig } from '@phq-tokens/config';
import { findRepoConfig } from '@phq-tokens/config/find';
import { DEFAULT_ENV_VAR } from '@phq-tokens/detect';
import { IgnoreRules } from '@phq-tokens/files';
import { UsageError } from '../runtime/exit-codes';
import { configLib } from './config-lib';
import type { FailOn } from './severity';

export interface PolicyFlags {
  /** --config FILE, or false for --no-config. */
  config?: string | false;
  failOn?: FailOn;
  envVar?: string;
  markdownProse: boolean;
  /** --baseline FILE, or false for --no-baseline. */
  baseline?: string | false;
}

export interface Policy {
  config?: RepoConfig;
  failOn: FailOn;
  envVarName: string;
  markdownProse: boolean;
  /** The file's patterns (the flags' are added by the caller). */
  extraPatterns: string[];
  severities: Record<string, 'error' | 'warning' | 'info' | 'hint' | 'off'>;
  /** Absolute; from --baseline or the file's `baseline`. */
  baselineFile?: string;
  /** Baseline paths are relative to this: the config's folder, else the git work tree, else cwd. */
  projectRoot: string;
}

/** The folder a repository file is looked for from: the one path scanned, else the current folder. */
function startDir(cwd: string, paths: string[], gitMode: boolean): string {
  if (gitMode || paths.length !== 1) return cwd;
  const p = path.resolve(cwd, paths[0]!);
  try {
    return statSync(p).isDirectory() ? p : path.dirname(p);
  } catch {
    return cwd;
  }
}

function load(file: string): RepoConfig {
  const { readRepoConfig, ConfigFileError } = configLib();
  try {
    return readRepoConfig(file);
  } catch (e) {
    if (e instanceof ConfigFileError) throw new UsageError(`invalid repository config file:\n${e.message}`);
    throw e;
  }
}

export function resolvePolicy(flags: PolicyFlags, cwd: string, paths: string[], gitMode: boolean): Policy {
  let config: RepoConfig | undefined;
  if (typeof flags.config === 'string') config = load(path.resolve(cwd, flags.config));
  else if (flags.config !== false) {
    const found = findRepoConfig(startDir(cwd, paths, gitMode));
    if (found) config = load(found);
  }
  const baselineFile =
    flags.baseline === false
      ? undefined
      : typeof flags.baseline === 'string'
        ? path.resolve(cwd, flags.baseline)
        : config?.baselineFile;
  return {
    config,
    failOn: flags.failOn ?? config?.failOn ?? 'error',
    envVarName: flags.envVar ?? config?.envVarName ?? DEFAULT_ENV_VAR,
    markdownProse: flags.markdownProse || config?.markdownProse === true,
    extraPatterns: config?.extraPatterns ?? [],
    severities: { ...config?.severity },
    baselineFile,
    projectRoot: config?.dir ?? new IgnoreRules().repoRoot(cwd) ?? cwd,
  };
}
