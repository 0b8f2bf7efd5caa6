// The action's inputs (action.yml), as the runner passes them: INPUT_<NAME> with the name
// upper-cased and hyphens kept (`fail-on` -> INPUT_FAIL-ON). Pure: takes the environment.
import { readFileSync } from 'node:fs';

export interface ActionInputs {
  /** Files or folders (pathspecs with --since), one per line. */
  paths: string[];
  failOn: string;
  /** Where to write the SARIF log; empty: none. */
  sarifFile: string;
  /** The commit to judge changes since; undefined: every file. */
  since: string | undefined;
}

type Env = Record<string, string | undefined>;

const input = (env: Env, name: string, fallback: string): string => {
  const v = env[`INPUT_${name.toUpperCase()}`]?.trim();
  return v === undefined || v === '' ? fallback : v;
};

/**
 * `since: auto` (the default): the pull request's base commit on pull_request events (only the
 * pull request's changes are judged), nothing otherwise (every file). `none`: every file.
 */
export function resolveSince(
  value: string,
  env: Env,
  read = (f: string) => readFileSync(f, 'utf8'),
): string | undefined {
  if (value === 'none') return undefined;
  if (value !== 'auto') return value;
  const event = env.GITHUB_EVENT_NAME ?? '';
  if (!event.startsWith('pull_request') || !env.GITHUB_EVENT_PATH) return undefined;
  const payload = JSON.parse(read(env.GITHUB_EVENT_PATH)) as { pull_request?: { base?: { sha?: unknown } } };
  const sha = payload.pull_request?.base?.sha;
  return typeof sha === 'string' && sha !== '' ? sha : undefined;
}

export function readInputs(env: Env): ActionInputs {
  const paths = input(env, 'paths', '.')
    .split('\n')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return {
    paths,
    failOn: input(env, 'fail-on', 'error'),
    sarifFile: input(env, 'sarif-file', ''),
    since: resolveSince(input(env, 'since', 'auto'), env),
  };
}
