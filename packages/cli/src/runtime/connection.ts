// Where to connect and with what: flags > env (PHQ_API_URL, PHQ_MANAGEMENT_TOKEN) > the
// login config > https://api.predicthq.com. The stored credential is only ever sent to
// the URL it was stored for.
import { TokenApiClient, normalizeBaseUrl, type RetryOptions } from '@phq-tokens/core';
import { loadConfig } from './config';
import { CliError, ExitCode } from './exit-codes';
import { info } from './io';

export { DEFAULT_API_URL } from '@phq-tokens/settings';
import { DEFAULT_API_URL } from '@phq-tokens/settings';

export interface ConnectionFlags {
  apiUrl?: string;
}

function sameUrl(a: string, b: string): boolean {
  try {
    return normalizeBaseUrl(a) === normalizeBaseUrl(b);
  } catch {
    return false;
  }
}

export function resolveApiUrl(flags: ConnectionFlags, env: NodeJS.ProcessEnv = process.env): string {
  return normalizeBaseUrl(flags.apiUrl ?? env.PHQ_API_URL ?? loadConfig(env).config?.apiUrl ?? DEFAULT_API_URL);
}

export function resolveCredential(apiUrl: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.PHQ_MANAGEMENT_TOKEN) return env.PHQ_MANAGEMENT_TOKEN.trim();
  const { config, looseMode } = loadConfig(env);
  if (config && sameUrl(config.apiUrl, apiUrl)) {
    if (looseMode)
      info('warning: the phq-tokens config file is readable by other users; run "phq-tokens login" again.');
    return config.credential;
  }
  const hint = config ? ` (you are logged in to ${config.apiUrl}, not ${apiUrl})` : '';
  throw new CliError(
    `Not logged in${hint}.\nhint: run "phq-tokens login --api-url ${apiUrl}" or set PHQ_MANAGEMENT_TOKEN.`,
    ExitCode.auth,
  );
}

/** The whole of `verify --scopes` ends by this many ms (core's default when unset). */
export function probeDeadline(env: NodeJS.ProcessEnv = process.env): number | undefined {
  return numberEnv(env, 'PHQ_TOKENS_PROBE_DEADLINE_MS');
}

/** Advanced knobs, mainly for tests and slow links (docs/cli.md, "Environment"). */
function numberEnv(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const v = env[name];
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
}

export function transportTuning(env: NodeJS.ProcessEnv = process.env): { timeoutMs?: number; retry: RetryOptions } {
  return {
    timeoutMs: numberEnv(env, 'PHQ_TOKENS_TIMEOUT_MS'),
    retry: {
      retries: numberEnv(env, 'PHQ_TOKENS_RETRIES'),
      baseDelayMs: numberEnv(env, 'PHQ_TOKENS_RETRY_BASE_MS'),
      jitterMs: numberEnv(env, 'PHQ_TOKENS_RETRY_JITTER_MS'),
      maxRetryAfterMs: numberEnv(env, 'PHQ_TOKENS_MAX_RETRY_AFTER_MS'),
      onRetry: ({ retry, delayMs, error }) =>
        info(
          `warning: ${error.kind}${error.status ? ` (${error.status})` : ''}; retry ${retry} in ${(delayMs / 1000).toFixed(1)} s`,
        ),
    },
  };
}

export function makeClient(apiUrl: string, credential: string, env: NodeJS.ProcessEnv = process.env): TokenApiClient {
  return new TokenApiClient({ baseUrl: apiUrl, credential, ...transportTuning(env) });
}
