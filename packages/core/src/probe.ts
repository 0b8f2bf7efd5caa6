// Verifies a token and discovers its scopes with PredictHQ's public API alone (no
// management endpoints): one cheap request per API family, one at a time (rate limits are
// per organization), each under the usual retry rules, all within one overall deadline.
// Only answers recognisably PredictHQ's count (docs/core.md, "Scope discovery"): a 2xx, or a
// 4xx with the public API's `{"error": "..."}` body. A connection that cannot be opened is an
// answer about the network, not about a family: probing stops there and names the host.
import { PhqError, type PhqErrorKind } from './errors';
import { API_FAMILIES, type ApiFamily } from '@phq-tokens/families';
import { causeWords, isConnectFailure } from './network';
import {
  tokenTransport,
  type CallOptions,
  type ObservedResponse,
  type TokenCallOptions,
  type Transport,
} from './transport';

export type ScopeState = 'granted' | 'missing' | 'unknown';

export interface FamilyProbe {
  scope: string;
  state: ScopeState;
  /** HTTP status of the answer, when there was one. */
  status?: number;
  /** Error kind when the state is unknown (e.g. "server", "timeout", "rate-limited"). */
  kind?: PhqErrorKind;
  /** For a `network` failure: its low-level code (e.g. ECONNREFUSED). */
  causeCode?: string;
  /** Granted only because a request without required parameters was refused after the scope check. */
  inferred: boolean;
}

export type ProbeStatus =
  /** The API accepted the token: at least one family answered with success (2xx). */
  | 'valid'
  /** 401: unknown, revoked or not a token. Probing stopped there. */
  | 'invalid'
  /**
   * Something answered, but no family accepted the token: 403s, or 404s and other errors
   * (a wrong API URL, a proxy, an error page). Nothing proves PredictHQ accepts it.
   */
  | 'unconfirmed'
  /** No family gave an answer at all (network down, deadline passed, every call 5xx...). */
  | 'unreachable';

/** Why probing ended before every family was asked. */
export interface ProbeStop {
  /** `network`: no connection to the host could be opened; `deadline`: the overall deadline passed. */
  reason: 'network' | 'deadline';
  /** The host (and port) probed, as the message names it. */
  host: string;
  /** The low-level code of a network stop (e.g. ECONNREFUSED). */
  causeCode?: string;
  /** Our words, naming the host: "could not connect to api.predicthq.com (connection refused)". */
  message: string;
}

export interface ProbeResult {
  status: ProbeStatus;
  /** 402 from any family: the organization's subscription has expired. */
  subscriptionExpired: boolean;
  /** Every family asked for, in catalog order; those never probed (after a stop) are unknown. */
  families: FamilyProbe[];
  /** ISO 8601 time the probe finished. */
  checkedAt: string;
  /** Set when probing stopped early (network failure or deadline). */
  stopped?: ProbeStop;
}

/** The whole probe (every family, retry and backoff) ends within this by default. */
export const DEFAULT_PROBE_DEADLINE_MS = 8_000;

export interface ProbeOptions extends TokenCallOptions {
  /** Only these families (default: all); events always first because it doubles as the verify call. */
  families?: readonly string[];
  /** Called before each family's request (for progress). */
  onFamily?: (family: ApiFamily, index: number, total: number) => void;
  /**
   * One deadline for the whole probe in ms (default 8000): requests in flight and backoff
   * waits are cut there, and the families not decided by then are unknown (`timeout`).
   */
  deadlineMs?: number;
}

/** Scope ids a probe found granted, in catalog order. */
export const grantedScopes = (r: ProbeResult): string[] =>
  r.families.filter((f) => f.state === 'granted').map((f) => f.scope);

/** Scope ids a probe could not decide. */
export const unknownScopes = (r: ProbeResult): string[] =>
  r.families.filter((f) => f.state === 'unknown').map((f) => f.scope);

export async function probeToken(baseUrl: string, value: string, opts: ProbeOptions = {}): Promise<ProbeResult> {
  const families = API_FAMILIES.filter((f) => !opts.families || opts.families.includes(f.id));
  let last: ObservedResponse | undefined;
  const userRetryIf = opts.retry?.retryIf;
  // A value that cannot be sent as a header cannot be a token.
  const http = tokenTransport(baseUrl, value, {
    ...opts,
    // Retrying a connection that cannot be opened only delays the answer: stop at once.
    retry: { ...opts.retry, retryIf: (e) => !connectFailure(e) && (userRetryIf?.(e) ?? true) },
    onResponse: (r) => {
      last = r;
      opts.onResponse?.(r);
    },
  });
  if (!http) return finish('invalid', false, []);
  const host = new URL(http.baseUrl).host;
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), opts.deadlineMs ?? DEFAULT_PROBE_DEADLINE_MS);
  const signal = opts.signal ? AbortSignal.any([opts.signal, deadline.signal]) : deadline.signal;
  const call: CallOptions = { signal, timeoutMs: opts.timeoutMs };
  const out: FamilyProbe[] = [];
  let expired = false;
  let stopped: ProbeStop | undefined;
  try {
    for (const [i, family] of families.entries()) {
      if (deadline.signal.aborted) {
        stopped = deadlineStop(host, opts);
        break;
      }
      opts.onFamily?.(family, i, families.length);
      last = undefined;
      const outcome = await probeFamily(http, family, call, () => last);
      if (outcome === 'cancelled') {
        if (opts.signal?.aborted || !deadline.signal.aborted) throw cancelled();
        out.push({ scope: family.id, state: 'unknown', kind: 'timeout', inferred: false });
        stopped = deadlineStop(host, opts);
        break;
      }
      if (outcome.status === 401) return finish('invalid', expired, out);
      if (outcome.status === 402) expired = true;
      out.push(outcome);
      if (outcome.kind === 'network' && isConnectFailure(outcome.causeCode)) {
        stopped = {
          reason: 'network',
          host,
          causeCode: outcome.causeCode,
          message: `could not connect to ${host} (${causeWords(outcome.causeCode)})`,
        };
        break;
      }
    }
  } finally {
    clearTimeout(timer);
    await http.close();
  }
  // Families never asked are undecided, so that a caller keeping the result can ask again.
  const kind: PhqErrorKind = stopped?.reason === 'network' ? 'network' : 'timeout';
  for (const family of families.slice(out.length))
    out.push({ scope: family.id, state: 'unknown', kind, inferred: false });
  return finish(statusOf(out), expired, out, stopped);
}

/** valid: a family said yes (2xx); unconfirmed: something answered but none said yes. */
function statusOf(families: FamilyProbe[]): ProbeStatus {
  if (families.some((f) => f.state === 'granted' && success(f.status))) return 'valid';
  const answered = families.some((f) => f.status !== undefined && f.status < 500 && f.status !== 429);
  return answered ? 'unconfirmed' : 'unreachable';
}

const success = (status: number | undefined): boolean => status !== undefined && status >= 200 && status < 300;

function connectFailure(e: PhqError): boolean {
  return e.kind === 'network' && isConnectFailure(e.causeCode);
}

function deadlineStop(host: string, opts: ProbeOptions): ProbeStop {
  const seconds = Math.round((opts.deadlineMs ?? DEFAULT_PROBE_DEADLINE_MS) / 100) / 10;
  return { reason: 'deadline', host, message: `${host} did not answer within ${seconds} s` };
}

function cancelled(): PhqError {
  return new PhqError('cancelled', 'Cancelled.');
}

function finish(
  status: ProbeStatus,
  subscriptionExpired: boolean,
  families: FamilyProbe[],
  stopped?: ProbeStop,
): ProbeResult {
  return { status, subscriptionExpired, families, checkedAt: new Date().toISOString(), ...(stopped && { stopped }) };
}

async function probeFamily(
  http: Transport,
  family: ApiFamily,
  call: CallOptions,
  lastResponse: () => ObservedResponse | undefined,
): Promise<FamilyProbe | 'cancelled'> {
  const { probe } = family;
  try {
    const res = await http.send(
      { method: probe.method, path: probe.path, query: probe.query, body: probe.body, retrySafe: true },
      call,
    );
    return { scope: family.id, state: 'granted', status: res.status, inferred: false };
  } catch (e) {
    if (!(e instanceof PhqError)) throw e;
    if (e.kind === 'cancelled') return 'cancelled';
    const seen = lastResponse();
    return classify(family, e, seen?.status === e.status ? seen?.body : undefined);
  }
}

/**
 * PredictHQ's public error body: exactly one field, `error`, a string. Proxies, error pages
 * and other servers send HTML, nothing, or richer JSON.
 */
export function isPublicErrorBody(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const keys = Object.keys(body);
  return keys.length === 1 && keys[0] === 'error' && typeof (body as { error: unknown }).error === 'string';
}

/** What a failed probe says about the family's scope; `body` is the error's parsed body, if any. */
function classify(family: ApiFamily, e: PhqError, body: unknown): FamilyProbe {
  const base = { scope: family.id, status: e.status, inferred: false };
  const unknown: FamilyProbe = {
    ...base,
    state: 'unknown',
    kind: e.kind,
    ...(e.causeCode && { causeCode: e.causeCode }),
  };
  // Only PredictHQ's own answer on the family's documented path says anything about the scope.
  if (e.status === undefined || !isPublicErrorBody(body)) return unknown;
  switch (e.status) {
    case 403:
      return { ...base, state: 'missing' };
    case 400:
    case 422:
      // Refused for missing parameters, which the API checks after the scope (likely, not documented).
      return { ...base, state: 'granted', inferred: true };
    case 404:
    case 405:
    case 409:
      // The API looked at the request past authorization: the scope is there.
      return { ...base, state: 'granted' };
    default:
      // 402, 429, 5xx: nothing about the scope.
      return unknown;
  }
}
