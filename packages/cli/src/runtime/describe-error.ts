// One clear line (plus a hint) for every error class. Built from PhqError fields, which
// never hold a secret, and from our own text.
import { PhqError } from '@phq-tokens/core';
import { CliError, UsageError } from './exit-codes';

function attempts(e: PhqError): string {
  return e.attempts && e.attempts > 1 ? ` after ${e.attempts} attempts` : '';
}

function seconds(ms: number): string {
  return `${Math.ceil(ms / 1000)} s`;
}

function describePhq(e: PhqError, apiUrl: string | undefined): string {
  const where = apiUrl ? ` (${apiUrl})` : '';
  switch (e.kind) {
    case 'unauthorized':
      return `Not authorized: ${e.message}\nhint: run "phq-tokens login" or set PHQ_MANAGEMENT_TOKEN.`;
    case 'forbidden':
      return e.missingScope
        ? `Forbidden: the credential lacks the "${e.missingScope}" scope.`
        : `Forbidden: ${e.message}`;
    case 'payment-required':
      return `Payment required: ${e.message}\nhint: renew the subscription in the PredictHQ WebApp.`;
    case 'not-found':
      return `Not found: ${e.message}`;
    case 'validation':
      return e.field ? `Invalid ${e.field}: ${e.message}` : `Invalid request: ${e.message}`;
    case 'conflict':
      return `Conflict: ${e.message}`;
    case 'rate-limited':
      return `Rate limited by the API${attempts(e)}: ${e.message}${
        e.retryAfterMs !== undefined ? `\nhint: try again in ${seconds(e.retryAfterMs)}.` : ''
      }`;
    case 'server':
      return `The API failed${e.status ? ` with ${e.status}` : ''}${attempts(e)}: ${e.message}${where}`;
    case 'network':
      return `Could not reach the API${where}${attempts(e)}${e.causeCode ? ` (${e.causeCode})` : ''}.`;
    case 'timeout':
      return `The API did not answer in time${where}${attempts(e)}.`;
    case 'cancelled':
      return 'Cancelled.';
    case 'bad-response':
      return `Unexpected response from the API${where}: ${e.message}`;
    default: {
      const never: never = e.kind;
      return never;
    }
  }
}

export function describeError(e: unknown, apiUrl?: string): string {
  if (e instanceof PhqError) {
    const id = e.requestId ? ` [request ${e.requestId}]` : '';
    const orphan =
      e.possiblyCreated === undefined
        ? ''
        : `\nhint: a token named "${e.possiblyCreated}" may have been created anyway, and its value cannot be ` +
          'read again. Find it with "phq-tokens list" (newest last) and, if it is there, delete it with ' +
          '"phq-tokens delete <id>"; then create the token again.';
    return `error: ${describePhq(e, apiUrl)}${id}${orphan}`;
  }
  if (e instanceof UsageError || e instanceof CliError) return `error: ${e.message}`;
  // File-system and other local errors: their messages name paths, never secrets.
  return `error: ${e instanceof Error ? e.message : String(e)}`;
}
