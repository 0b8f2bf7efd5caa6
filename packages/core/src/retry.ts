// Retry policy from PredictHQ's guidance (docs/api/README.md, "Retry guidance"): retry 429, 5xx and
// network failures up to 3 times, exponential backoff about 1 s, 2 s, 4 s, each +/- 500 ms,
// and wait what Retry-After says when the server says it. Everything time-related is
// injectable so tests can run fast and record the schedule.
import { PhqError } from './errors';

export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

export interface RetryOptions {
  /** Retries after the first attempt. Default 3. */
  retries?: number;
  /** Delay before retry n (0-based) is baseDelayMs * 2^n. Default 1000. */
  baseDelayMs?: number;
  /** Uniform jitter added to each delay, in [-jitterMs, +jitterMs]. Default 500. */
  jitterMs?: number;
  /** A Retry-After longer than this is not waited for: the call fails with retryAfterMs set. Default 30000. */
  maxRetryAfterMs?: number;
  /** Waits; must reject when the signal aborts. Default: a timer. */
  sleep?: Sleep;
  /** Random source in [0, 1). Default Math.random. */
  random?: () => number;
  /** Told before each wait (e.g. for "retrying in 2 s" in a UI). */
  onRetry?: (info: RetryInfo) => void;
  /** Narrows what is retried: a transient error for which this returns false fails at once. */
  retryIf?: (error: PhqError) => boolean;
}

export interface RetryInfo {
  /** 1 for the first retry. */
  retry: number;
  delayMs: number;
  error: PhqError;
}

export type RetryPolicy = Required<Omit<RetryOptions, 'onRetry' | 'retryIf'>> &
  Pick<RetryOptions, 'onRetry' | 'retryIf'>;

export const abortableSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });

export function retryPolicy(o: RetryOptions = {}): RetryPolicy {
  return {
    retries: o.retries ?? 3,
    baseDelayMs: o.baseDelayMs ?? 1000,
    jitterMs: o.jitterMs ?? 500,
    maxRetryAfterMs: o.maxRetryAfterMs ?? 30_000,
    sleep: o.sleep ?? abortableSleep,
    random: o.random ?? Math.random,
    onRetry: o.onRetry,
    retryIf: o.retryIf,
  };
}

/**
 * The delay before retry number `retry` (0-based), or null when the error must not be
 * retried at all. Retry-After wins over backoff when the server sent one.
 */
export function retryDelay(policy: RetryPolicy, retry: number, error: PhqError): number | null {
  if (!error.transient || retry >= policy.retries) return null;
  if (policy.retryIf && !policy.retryIf(error)) return null;
  if (error.retryAfterMs !== undefined) {
    return error.retryAfterMs <= policy.maxRetryAfterMs ? error.retryAfterMs : null;
  }
  const jitter = (policy.random() * 2 - 1) * policy.jitterMs;
  return Math.max(0, Math.round(policy.baseDelayMs * 2 ** retry + jitter));
}

/** Retry-After is either delay-seconds or an HTTP date (RFC 9110 10.2.3). */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const date = Date.parse(v);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
