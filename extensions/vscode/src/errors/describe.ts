// Turns any failure into what the user sees: a message and the actions that help
// (docs/conventions.md, "Errors"). Pure, so every branch is unit tested. Messages come from PhqError (whose
// text never contains a credential or token value) or from our own wording.
import { causeWords } from '@phq-tokens/core/network';
import { isPhqError } from '../core';

export type ErrorAction = 'Sign In' | 'Retry' | 'Show Logs';

export interface ErrorView {
  message: string;
  actions: ErrorAction[];
  /** Cancellation is not an error: nothing is shown. */
  silent: boolean;
}

export class CancelledError extends Error {
  constructor() {
    super('Cancelled');
  }
}

export function describeError(e: unknown, what: string): ErrorView {
  const view = describeKind(e, what);
  if (!isPhqError(e) || e.possiblyCreated === undefined || view.silent) return view;
  // The server may have made the token although its answer could not be read (core has
  // already retried with the same Idempotency-Key). Retrying would make a second one.
  return {
    message:
      `${view.message} A token named "${e.possiblyCreated}" may have been created anyway, and its value cannot ` +
      'be read again: refresh the API Tokens view and, if it is there, delete it; then create the token again.',
    actions: view.actions.filter((a) => a !== 'Retry'),
    silent: false,
  };
}

function describeKind(e: unknown, what: string): ErrorView {
  if (e instanceof CancelledError) return { message: '', actions: [], silent: true };
  if (!isPhqError(e)) {
    const msg = e instanceof Error ? e.message : String(e);
    return { message: `Could not ${what}: ${msg}`, actions: ['Show Logs'], silent: false };
  }
  switch (e.kind) {
    case 'cancelled':
      return { message: '', actions: [], silent: true };
    case 'unauthorized':
      return {
        message: `Could not ${what}: PredictHQ rejected the sign-in (it may have been revoked). Sign in again.`,
        actions: ['Sign In', 'Show Logs'],
        silent: false,
      };
    case 'forbidden':
      return {
        message: e.missingScope
          ? `Could not ${what}: the credential lacks the "${e.missingScope}" scope.`
          : `Could not ${what}: PredictHQ refused it (403 Forbidden). ${e.message}`,
        actions: ['Show Logs'],
        silent: false,
      };
    case 'rate-limited': {
      // A time of day, not "in 2 s": the toast can stay on screen long after (see handleError's countdown).
      const wait = e.retryAfterMs ? ` Try again after ${clockTime(Date.now() + e.retryAfterMs)}.` : '';
      return {
        message: `Could not ${what}: PredictHQ is rate limiting this organization (429).${wait}`,
        actions: ['Retry', 'Show Logs'],
        silent: false,
      };
    }
    case 'network':
    case 'timeout':
      return {
        message: `Could not ${what}: the PredictHQ API${e.host ? ` at ${e.host}` : ''} could not be reached (${e.kind === 'timeout' ? 'timed out' : causeWords(e.causeCode)}).`,
        actions: ['Retry', 'Show Logs'],
        silent: false,
      };
    case 'server':
      return {
        message: `Could not ${what}: the PredictHQ API had a server error${e.status ? ` (${e.status})` : ''}.`,
        actions: ['Retry', 'Show Logs'],
        silent: false,
      };
    case 'payment-required':
    case 'not-found':
    case 'validation':
    case 'conflict':
    case 'bad-response':
      return { message: `Could not ${what}: ${e.message}`, actions: ['Show Logs'], silent: false };
    default: {
      const never: never = e.kind;
      return { message: `Could not ${what}: ${String(never)}`, actions: ['Show Logs'], silent: false };
    }
  }
}

/** 09:41:07 in the user's locale (24-hour where the locale says so). */
export function clockTime(ms: number): string {
  return new Date(ms).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}
