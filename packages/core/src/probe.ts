// Verifies a token and discovers its scopes with PredictHQ's public API alone (no
// management endpoints): one cheap request per API family, one at a time (rate limits are
// per organization), each under the usual retry rules. 403 = scope missing; any other
// answer from the API = granted; 5xx / 429 / timeout after retries = unknown.
import { PhqError, type PhqErrorKind } from './errors';
import { API_FAMILIES, type ApiFamily } from '@phq-tokens/families';
import { tokenTransport, type CallOptions, type TokenCallOptions, type Transport } from './transport';

export type ScopeState = 'granted' | 'missing' | 'unknown';

export interface FamilyProbe {
  scope: string;
  state: ScopeState;
  /** HTTP status of the answer, when there was one. */
  status?: number;
  /** Error kind when the state is unknown (e.g. "server", "timeout", "rate-limited"). */
  kind?: PhqErrorKind;
  /** Granted only because a request without required parameters was refused after the scope check. */
  inferred: boolean;
}

export type ProbeStatus =
  /** The API accepted the token (at least one family answered other than 401). */
  | 'valid'
  /** 401: unknown, revoked or not a token. Probing stopped there. */
  | 'invalid'
  /** No family gave an answer that proves anything (network down, every call 5xx...). */
  | 'unreachable';

export interface ProbeResult {
  status: ProbeStatus;
  /** 402 from any family: the organization's subscription has expired. */
  subscriptionExpired: boolean;
  families: FamilyProbe[];
  /** ISO 8601 time the probe finished. */
  checkedAt: string;
}

export interface ProbeOptions extends TokenCallOptions {
  /** Only these families (default: all); events always first because it doubles as the verify call. */
  families?: readonly string[];
  /** Called before each family's request (for progress). */
  onFamily?: (family: ApiFamily, index: number, total: number) => void;
}

/** Scope ids a probe found granted, in catalog order. */
export const grantedScopes = (r: ProbeResult): string[] =>
  r.families.filter((f) => f.state === 'granted').map((f) => f.scope);

/** Scope ids a probe could not decide. */
export const unknownScopes = (r: ProbeResult): string[] =>
  r.families.filter((f) => f.state === 'unknown').map((f) => f.scope);

export async function probeToken(baseUrl: string, value: string, opts: ProbeOptions = {}): Promise<ProbeResult> {
  const families = API_FAMILIES.filter((f) => !opts.families || opts.families.includes(f.id));
  // A value that cannot be sent as a header cannot be a token.
  const http = tokenTransport(baseUrl, value, opts);
  if (!http) return finish('invalid', false, []);
  const out: FamilyProbe[] = [];
  let expired = false;
  try {
    for (const [i, family] of families.entries()) {
      opts.onFamily?.(family, i, families.length);
      const probe = await probeFamily(http, family, opts);
      if (probe.status === 401) return finish('invalid', expired, out);
      if (probe.status === 402) expired = true;
      out.push(probe);
    }
  } finally {
    await http.close();
  }
  const answered = out.some((f) => f.state !== 'unknown' || f.status === 402);
  return finish(answered ? 'valid' : 'unreachable', expired, out);
}

function finish(status: ProbeStatus, subscriptionExpired: boolean, families: FamilyProbe[]): ProbeResult {
  return { status, subscriptionExpired, families, checkedAt: new Date().toISOString() };
}

async function probeFamily(http: Transport, family: ApiFamily, opts: CallOptions): Promise<FamilyProbe> {
  const { probe } = family;
  try {
    const res = await http.send(
      { method: probe.method, path: probe.path, query: probe.query, body: probe.body, retrySafe: true },
      opts,
    );
    return { scope: family.id, state: 'granted', status: res.status, inferred: false };
  } catch (e) {
    if (!(e instanceof PhqError)) throw e;
    if (e.kind === 'cancelled') throw e;
    return classify(family, e);
  }
}

/** What a failed probe says about the family's scope. */
function classify(family: ApiFamily, e: PhqError): FamilyProbe {
  const base = { scope: family.id, status: e.status, inferred: false };
  switch (e.kind) {
    case 'forbidden':
      return { ...base, state: 'missing' };
    case 'unauthorized':
      return { ...base, state: 'unknown', kind: e.kind };
    case 'validation':
    case 'not-found':
      // The API looked at the request past authorization: the scope is there.
      return { ...base, state: 'granted', inferred: e.status === 400 || e.status === 422 };
    case 'bad-response':
      // A 2xx whose body we could not read still passed the scope check.
      return { ...base, state: 'granted' };
    default:
      // 402, 405 (other 4xx), 429 / 5xx / network / timeout after retries.
      if (e.status === 405 || e.status === 409) return { ...base, state: 'granted' };
      return { ...base, state: 'unknown', kind: e.kind };
  }
}
