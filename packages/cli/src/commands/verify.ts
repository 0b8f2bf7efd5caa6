import type { Command } from 'commander';
import {
  API_FAMILIES,
  PhqError,
  cleanTokenInput,
  probeToken,
  verifyToken,
  type ProbeResult,
  type VerifyResult,
} from '@phq-tokens/core';
import { action } from '../runtime/action';
import { probeDeadline, resolveApiUrl, transportTuning } from '../runtime/connection';
import { ExitCode, UsageError, exitCodeFor } from '../runtime/exit-codes';
import { info, out, readStdin } from '../runtime/io';
import { table } from '../runtime/table';
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

const STATE_TEXT = { granted: 'yes', missing: 'no (403)', unknown: 'unknown' } as const;

/** One line per family: the scope, whether the token has it, what the API answered, the request used. */
export function describeProbe(r: ProbeResult, apiUrl: string): string {
  if (r.status === 'invalid') return 'invalid: the API rejected the token (401: unknown, revoked or mistyped).';
  // Stopped before anything answered: the families were never asked, a table would say nothing.
  if (r.status === 'unreachable' && r.stopped)
    return `unreachable: ${r.stopped.message}; no API family was asked after that.\nchecked at ${r.checkedAt}`;
  const rows = r.families.map((f) => {
    const family = API_FAMILIES.find((x) => x.id === f.scope)!;
    const answer = f.status !== undefined ? String(f.status) : (f.kind ?? '');
    const note = f.inferred ? ' *' : '';
    return [f.scope, STATE_TEXT[f.state] + note, answer, `${family.probe.method} ${family.probe.path}`];
  });
  const lines = [
    headline(r, apiUrl),
    ...(r.subscriptionExpired ? ['warning: the subscription has expired (402): calls fail until it is renewed.'] : []),
    ...(r.status === 'valid' && r.stopped
      ? [`warning: ${r.stopped.message}: the families after that are unknown.`]
      : []),
    '',
    table(['SCOPE', 'GRANTED', 'ANSWER', 'PROBE'], rows),
  ];
  if (r.families.some((f) => f.inferred && f.state === 'granted'))
    lines.push(
      '',
      '* refused for missing parameters (400/422), which PredictHQ checks after the scope (likely, not documented).',
    );
  lines.push(`checked at ${r.checkedAt}`);
  return lines.join('\n');
}

function headline(r: ProbeResult, apiUrl: string): string {
  switch (r.status) {
    case 'valid':
      return 'valid: PredictHQ accepted the token.';
    case 'unconfirmed':
      return (
        `not confirmed: no API family accepted the token at ${apiUrl}, and no answer there is PredictHQ's ` +
        '(a 404 page or a proxy is not a grant). Check the API URL.'
      );
    default:
      return `unreachable: no API family gave an answer${r.stopped ? ` (${r.stopped.message})` : ''}.`;
  }
}

function probeExitCode(r: ProbeResult): number {
  switch (r.status) {
    case 'invalid':
      return ExitCode.auth;
    case 'unreachable':
      return ExitCode.unavailable;
    case 'unconfirmed':
      // As plain `verify` says of the same answers: 404 is "not found", the rest "auth".
      return r.families.every((f) => f.status === undefined || f.status === 404) ? ExitCode.notFound : ExitCode.auth;
    case 'valid':
      return r.subscriptionExpired ? ExitCode.failed : ExitCode.ok;
  }
}

/** The value comes from stdin or $PHQ_API_TOKEN, never argv (shell history, ps). */
export function register(program: Command): void {
  withJson(
    withApiUrl(
      program
        .command('verify')
        .description(
          'Check a token with GET /v1/events/?limit=1 (value from --stdin or $PHQ_API_TOKEN); --scopes probes every API family',
        )
        .option('--stdin', 'read the token value from stdin')
        .option('--scopes', 'discover the scopes: one cheap request per API family, one at a time'),
    ),
  ).action(
    action(async (ctx, opts: unknown) => {
      const raw = bool(opts, 'stdin') ? await readStdin() : (process.env.PHQ_API_TOKEN ?? '');
      if (!raw.trim()) throw new UsageError('No token to verify: pipe it with --stdin or set PHQ_API_TOKEN.');
      const cleaned = cleanTokenInput(raw);
      if (!cleaned.ok) throw new UsageError(cleaned.message);
      ctx.apiUrl = resolveApiUrl(connection(opts));
      if (bool(opts, 'scopes')) {
        const tty = process.stderr.isTTY === true && !bool(opts, 'json');
        const result = await probeToken(ctx.apiUrl, cleaned.value, {
          signal: ctx.signal,
          ...transportTuning(),
          deadlineMs: probeDeadline(),
          onFamily: (f, i, n) => tty && info(`probing ${f.id} (${i + 1}/${n})…`),
        });
        out(bool(opts, 'json') ? json(result) : describeProbe(result, ctx.apiUrl));
        process.exitCode = probeExitCode(result);
        return;
      }
      const result = await verifyToken(ctx.apiUrl, cleaned.value, { signal: ctx.signal, ...transportTuning() });
      out(bool(opts, 'json') ? json(result) : describe(result));
      process.exitCode = exitCode(result);
    }),
  );
}
