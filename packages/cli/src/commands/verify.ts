import type { Command } from 'commander';
import { PhqError, verifyToken, type VerifyResult } from '@phq-tokens/core';
import { action } from '../runtime/action';
import { resolveApiUrl, transportTuning } from '../runtime/connection';
import { ExitCode, UsageError, exitCodeFor } from '../runtime/exit-codes';
import { out, readStdin } from '../runtime/io';
import { bool, connection, json, withApiUrl, withJson } from './options';

function describe(r: VerifyResult): string {
  switch (r.status) {
    case 'valid':
      return 'valid: the token can call the Events API.';
    case 'invalid':
      return 'invalid: the API rejected the token (401: unknown, deleted or mistyped).';
    case 'missing-scope':
      return `missing scope: the token works but lacks the "${r.scope}" scope (403).`;
    case 'error':
      return `error: could not verify the token: ${r.message}`;
  }
}

function exitCode(r: VerifyResult): number {
  if (r.status === 'valid') return ExitCode.ok;
  if (r.status === 'error') return exitCodeFor(new PhqError(r.kind ?? 'server', r.message));
  return ExitCode.auth;
}

/** The value comes from stdin or $PHQ_API_TOKEN, never argv (shell history, ps). */
export function register(program: Command): void {
  withJson(
    withApiUrl(
      program
        .command('verify')
        .description('Check a token with GET /v1/events/?limit=1 (value from --stdin or $PHQ_API_TOKEN)')
        .option('--stdin', 'read the token value from stdin'),
    ),
  ).action(
    action(async (ctx, opts: unknown) => {
      const value = bool(opts, 'stdin') ? await readStdin() : process.env.PHQ_API_TOKEN?.trim();
      if (!value) throw new UsageError('No token to verify: pipe it with --stdin or set PHQ_API_TOKEN.');
      ctx.apiUrl = resolveApiUrl(connection(opts));
      const result = await verifyToken(ctx.apiUrl, value, { signal: ctx.signal, ...transportTuning() });
      out(bool(opts, 'json') ? json(result) : describe(result));
      process.exitCode = exitCode(result);
    }),
  );
}
