// One HTTP exchange with retries, a per-attempt timeout and caller cancellation, over a
// keep-alive undici Agent. Turns every failure into a PhqError; knows nothing of tokens.
import { EnvHttpProxyAgent, request, type Dispatcher } from 'undici';
import { PhqError, defaultMessage, kindForStatus } from './errors';
import { redact } from './redact';
import { parseRetryAfter, retryDelay, retryPolicy, type RetryOptions, type RetryPolicy } from './retry';
import { parseWireError } from './wire';
// The release version, written once in the root package.json (docs/release.md).
import { version } from '../../../package.json';

export const DEFAULT_TIMEOUT_MS = 30_000;
const USER_AGENT = `phq-tokens-core/${version}`;

export interface TransportOptions {
  /** e.g. https://api.predicthq.com (a trailing slash is ignored). */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <credential>`. */
  credential: string;
  /** Timeout of each attempt in ms (a timed-out attempt counts as a transient failure). Default 30000. */
  timeoutMs?: number;
  retry?: RetryOptions;
  /** Share a dispatcher between clients; by default each transport owns a keep-alive, proxy-aware Agent. */
  dispatcher?: Dispatcher;
  /**
   * Sees every response whose body parsed (tests check them against the contract). Careful:
   * a create response body carries the new token's value; never log bodies.
   */
  onResponse?: (r: ObservedResponse) => void;
}

export interface ObservedResponse {
  method: string;
  url: string;
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export interface CallOptions {
  /** Cancels the call, including any backoff wait. */
  signal?: AbortSignal;
  /** Overrides the transport's per-attempt timeout. */
  timeoutMs?: number;
}

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string; // starts with "/", ends with "/"
  query?: Record<string, string | number>;
  body?: unknown;
  headers?: Record<string, string>;
  /** Safe to send twice (GET/PATCH/DELETE, or a POST carrying an Idempotency-Key). */
  retrySafe: boolean;
}

export interface HttpResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON, or undefined for an empty body (204). */
  body: unknown;
  attempts: number;
}

const HEADER_SAFE = /^[\x21-\x7e]+$/;

export function normalizeBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new PhqError('validation', 'The API URL is not a valid URL.', { field: 'baseUrl' });
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash || url.username)
    throw new PhqError('validation', 'The API URL must be a plain http(s) URL.', { field: 'baseUrl' });
  return url.toString().replace(/\/+$/, '');
}

export function checkCredential(credential: unknown, field: string): string {
  // Checked here so that undici never builds an error message around a bad header value.
  if (typeof credential !== 'string' || !HEADER_SAFE.test(credential))
    throw new PhqError('validation', `The ${field} is empty or contains spaces or control characters.`, {
      field,
    });
  return credential;
}

function header(headers: HttpResult['headers'], name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** The contract sends `Request-Id`; some proxies use `X-Request-Id`. */
function requestIdOf(headers: HttpResult['headers']): string | undefined {
  return header(headers, 'request-id') ?? header(headers, 'x-request-id');
}

export class Transport {
  readonly baseUrl: string;
  private readonly credential: string;
  private readonly timeoutMs: number;
  private readonly policy: RetryPolicy;
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;
  private readonly onResponse: TransportOptions['onResponse'];

  constructor(o: TransportOptions, credentialField = 'credential') {
    this.baseUrl = normalizeBaseUrl(o.baseUrl);
    this.credential = checkCredential(o.credential, credentialField);
    this.timeoutMs = o.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.policy = retryPolicy(o.retry);
    this.onResponse = o.onResponse;
    this.ownsDispatcher = !o.dispatcher;
    // A keep-alive Agent that also honours HTTP(S)_PROXY / NO_PROXY, as corporate networks need.
    this.dispatcher = o.dispatcher ?? new EnvHttpProxyAgent({ keepAliveTimeout: 10_000, connections: 8 });
  }

  /** Closes the keep-alive connections (only when this transport created the Agent). */
  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.dispatcher.close();
  }

  async send(req: HttpRequest, call: CallOptions = {}): Promise<HttpResult> {
    const signal = call.signal;
    for (let retry = 0; ; retry++) {
      if (signal?.aborted) throw this.cancelled(retry);
      let error: PhqError;
      try {
        return { ...(await this.attempt(req, call)), attempts: retry + 1 };
      } catch (e) {
        error = e as PhqError;
      }
      Object.assign(error, { attempts: retry + 1 });
      if (error.kind === 'cancelled' || !req.retrySafe) throw error;
      const delay = retryDelay(this.policy, retry, error);
      if (delay === null) throw error;
      this.policy.onRetry?.({ retry: retry + 1, delayMs: delay, error });
      try {
        await this.policy.sleep(delay, signal ?? new AbortController().signal);
      } catch {
        throw this.cancelled(retry + 1);
      }
    }
  }

  private cancelled(attempts: number): PhqError {
    return new PhqError('cancelled', defaultMessage('cancelled'), { attempts });
  }

  private async attempt(req: HttpRequest, call: CallOptions): Promise<Omit<HttpResult, 'attempts'>> {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), call.timeoutMs ?? this.timeoutMs);
    const signal = call.signal ? AbortSignal.any([call.signal, timeout.signal]) : timeout.signal;
    const url = new URL(this.baseUrl + req.path);
    for (const [k, v] of Object.entries(req.query ?? {})) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = {
      accept: 'application/json',
      authorization: `Bearer ${this.credential}`,
      'user-agent': USER_AGENT,
      ...req.headers,
    };
    let payload: string | undefined;
    if (req.body !== undefined) {
      payload = JSON.stringify(req.body);
      headers['content-type'] = 'application/json';
    }
    try {
      const res = await request(url, {
        method: req.method,
        headers,
        body: payload,
        signal,
        dispatcher: this.dispatcher,
      });
      const text = await res.body.text();
      const resHeaders = res.headers as HttpResult['headers'];
      let body: unknown;
      let parsed = true;
      if (text.length > 0) {
        try {
          body = JSON.parse(text);
        } catch {
          parsed = false;
        }
      }
      if (parsed)
        this.onResponse?.({
          method: req.method,
          url: url.toString(),
          status: res.statusCode,
          headers: resHeaders,
          body,
        });
      if (res.statusCode >= 200 && res.statusCode < 300) {
        if (!parsed)
          throw new PhqError(
            'bad-response',
            'The API sent a body that is not JSON.',
            this.ids(resHeaders, res.statusCode),
          );
        return { status: res.statusCode, headers: resHeaders, body };
      }
      throw this.httpError(res.statusCode, resHeaders, parsed ? body : undefined);
    } catch (e) {
      if (call.signal?.aborted) throw this.cancelled(1);
      const host = url.host;
      if (timeout.signal.aborted) throw new PhqError('timeout', defaultMessage('timeout'), { host });
      if (e instanceof PhqError) throw e;
      const code = typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : undefined;
      throw new PhqError('network', defaultMessage('network'), { causeCode: code ?? (e as Error).name, host });
    } finally {
      clearTimeout(timer);
    }
  }

  private ids(headers: HttpResult['headers'], status: number) {
    return { status, requestId: requestIdOf(headers) };
  }

  private httpError(status: number, headers: HttpResult['headers'], body: unknown): PhqError {
    const wire = parseWireError(body);
    const kind = kindForStatus(status);
    const message = redact(wire.message ?? defaultMessage(kind), [this.credential]);
    return new PhqError(kind, message, {
      status,
      requestId: wire.requestId ?? requestIdOf(headers),
      code: wire.code,
      field: wire.field,
      missingScope: wire.missingScope,
      retryAfterMs: parseRetryAfter(header(headers, 'retry-after')),
    });
  }
}

/** What a call authenticated by a token value (not a management credential) can take. */
export interface TokenCallOptions extends CallOptions {
  retry?: RetryOptions;
  dispatcher?: Dispatcher;
  onResponse?: TransportOptions['onResponse'];
}

/**
 * A transport that sends `value` as the bearer token, or undefined when the value cannot be
 * sent at all (empty, spaces, control characters): such a value is not a token.
 */
export function tokenTransport(baseUrl: string, value: string, opts: TokenCallOptions): Transport | undefined {
  try {
    return new Transport(
      {
        baseUrl,
        credential: value.trim(),
        timeoutMs: opts.timeoutMs,
        retry: opts.retry,
        dispatcher: opts.dispatcher,
        onResponse: opts.onResponse,
      },
      'token',
    );
  } catch (e) {
    if (e instanceof PhqError && e.field === 'token') return undefined;
    throw e;
  }
}
