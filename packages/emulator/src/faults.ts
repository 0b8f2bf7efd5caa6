// Fault rules: which requests misbehave and how. Matching happens once per request (in the
// app's onRequest hook), which also consumes one of the rule's `times`. The HTTP control
// API and the programmatic `faults` object share this class and its validation.
import { unprocessable } from './errors.js';
import { newFaultId } from './ids.js';

export type FaultKind = 'latency' | 'status' | 'drop' | 'malformed';
export type FaultWhen = 'before' | 'after';

export interface FaultSpec {
  /** "METHOD /path/" with {param} or a concrete path, "/path/" for any method, or "*". */
  route: string;
  kind: FaultKind;
  status?: number;
  /** seconds, sent as Retry-After */
  retryAfter?: number;
  delayMs?: number;
  /** matching requests to affect; undefined = until cleared */
  times?: number;
  /** before (default): instead of handling; after: once handled, on the response */
  when?: FaultWhen;
}

export interface Fault {
  id: string;
  route: string;
  kind: FaultKind;
  status?: number;
  retryAfter?: number;
  delayMs?: number;
  when: FaultWhen;
  timesLeft: number | null;
  hits: number;
}

export interface FaultControl {
  inject(spec: FaultSpec): Fault;
  remove(id: string): boolean;
  clear(): void;
  list(): Fault[];
}

const KINDS: readonly FaultKind[] = ['latency', 'status', 'drop', 'malformed'];
const MAX_DELAY_MS = 10 * 60_000;

const isInt = (v: unknown, min: number, max = Number.MAX_SAFE_INTEGER): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/** Validates a spec; throws a 422 ApiError naming the field (also for programmatic callers). */
export function checkFaultSpec(spec: FaultSpec): Required<Pick<FaultSpec, 'route' | 'kind' | 'when'>> & FaultSpec {
  const { route, kind, status, retryAfter, delayMs, times, when = 'before' } = spec;
  if (typeof route !== 'string' || route.trim() === '')
    throw unprocessable('route', 'route: must be "METHOD /path/" or "*".');
  if (!KINDS.includes(kind)) throw unprocessable('kind', `kind: must be one of ${KINDS.join(', ')}.`);
  if (when !== 'before' && when !== 'after') throw unprocessable('when', 'when: must be "before" or "after".');
  if (kind === 'status' && !isInt(status, 400, 599))
    throw unprocessable('status', 'status: must be an integer 400..599.');
  if (kind !== 'status' && status !== undefined && !isInt(status, 100, 599)) {
    throw unprocessable('status', 'status: must be an integer 100..599.');
  }
  if (kind === 'latency' && !isInt(delayMs, 0, MAX_DELAY_MS)) {
    throw unprocessable('delay_ms', `delay_ms: must be an integer 0..${MAX_DELAY_MS}.`);
  }
  if (kind !== 'latency' && delayMs !== undefined)
    throw unprocessable('delay_ms', 'delay_ms: only for kind "latency".');
  if (retryAfter !== undefined && !isInt(retryAfter, 0, 86_400)) {
    throw unprocessable('retry_after', 'retry_after: must be an integer number of seconds.');
  }
  if (times !== undefined && !isInt(times, 1)) throw unprocessable('times', 'times: must be an integer >= 1.');
  return { ...spec, route: normalizeRoute(route), when };
}

/** "post /v1/tokens/{id}/" -> "POST /v1/tokens/:id/" (fastify's template syntax). */
function normalizeRoute(route: string): string {
  const r = route.trim();
  if (r === '*') return r;
  const m = /^([A-Za-z]+)\s+(\S+)$/.exec(r);
  const [method, path] = m ? [m[1]!.toUpperCase(), m[2]!] : ['', r];
  const p = path.replace(/\{(\w+)\}/g, ':$1');
  return method ? `${method} ${p}` : p;
}

export class Faults implements FaultControl {
  private rules: Fault[] = [];

  inject(spec: FaultSpec): Fault {
    const s = checkFaultSpec(spec);
    const fault: Fault = {
      id: newFaultId(),
      route: s.route,
      kind: s.kind,
      ...(s.status !== undefined && { status: s.status }),
      // The contract promises Retry-After on every 429.
      ...((s.retryAfter !== undefined || s.status === 429) && { retryAfter: s.retryAfter ?? 1 }),
      ...(s.delayMs !== undefined && { delayMs: s.delayMs }),
      when: s.when,
      timesLeft: s.times ?? null,
      hits: 0,
    };
    this.rules.push(fault);
    return { ...fault };
  }

  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.id !== id);
    return this.rules.length < before;
  }

  clear(): void {
    this.rules = [];
  }

  list(): Fault[] {
    return this.rules.map((r) => ({ ...r }));
  }

  /**
   * The first rule matching this request, consuming one of its `times`.
   * `template` is fastify's route template (undefined for unrouted paths).
   */
  take(method: string, template: string | undefined, path: string): Fault | undefined {
    const candidates = [`${method} ${path}`, path, ...(template ? [`${method} ${template}`, template] : [])];
    const rule = this.rules.find((r) => r.route === '*' || candidates.includes(r.route));
    if (!rule) return undefined;
    rule.hits++;
    if (rule.timesLeft !== null && --rule.timesLeft === 0) this.remove(rule.id);
    return { ...rule };
  }
}
