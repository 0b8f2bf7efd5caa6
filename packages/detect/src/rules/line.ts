// The judged line as the rules see it: its text, its segments (from the lexer), and how a
// rule reports a finding. Shared helpers only; every rule lives in its own module.
import type { Finding, FindingKind, FixData } from '../types';
import { dialectById, type Dialect } from '../dialects';
import { envReference } from '../env-reference';
import { SEG_WIDTH, type Segments } from '../lexer/types';
import type { ScanContext } from './context';
import { isSuppressed, type Suppression } from './suppress';

export interface LineCtx {
  ctx: ScanContext;
  text: string;
  ls: number;
  le: number;
  /** Absolute offset of text[0] (DocumentScanner scans one block at a time). */
  base: number;
  /** The line number, counted only when a finding needs it. */
  line: () => number;
  segs: Segments;
  sup: Suppression | null;
  out: Finding[];
  /** Per-line cache of the token sinks (see sinks.ts), filled on first use. */
  sinks: unknown;
  /** Default severity of every rule being judged (from the rule descriptors; judge.ts). */
  defaults: ReadonlyMap<string, Finding['severity']>;
}

/**
 * A copy of `s` that does not keep the text it was cut from alive. V8 represents slices of
 * long strings as views of the parent: a finding holding a slice would retain its whole
 * file (tens of MB over a scan). Concatenating and re-slicing forces a flat copy.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/**
 * The UTF-16 code at `i`, or -1 outside the string. A read past either end would give NaN
 * and, in optimised code, a deoptimisation each time: V8 bails out of code that assumed
 * in-bounds reads (seen over and over in `--trace-deopt` on large scans).
 */
export function code(s: string, i: number): number {
  return i >= 0 && i < s.length ? s.charCodeAt(i) : -1;
}

/** Index (into segs) of the segment containing offset `at`, or -1 (code). */
export function segAt(segs: Segments, at: number): number {
  let lo = 0;
  let hi = segs.length / SEG_WIDTH - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const k = mid * SEG_WIDTH;
    if (at < segs[k]!) hi = mid - 1;
    else if (at >= segs[k + 1]!) lo = mid + 1;
    else return k;
  }
  return -1;
}

export function dialectOf(lc: LineCtx, k: number): Dialect {
  const id = k >= 0 ? lc.segs[k + 4]! : 0;
  return id ? dialectById(id) : lc.ctx.dialect;
}

/** Appends a finding unless suppressed or turned off; returns it (or null). */
export function push(
  lc: LineCtx,
  kind: FindingKind,
  ruleId: string,
  start: number,
  end: number,
  match: string,
  message: string,
  d: Dialect,
  extra: Partial<Finding['data']>,
  envVar = lc.ctx.envVar,
): Finding | null {
  if (isSuppressed(lc.sup, ruleId, kind)) return null;
  const sev = lc.ctx.severities[ruleId] ?? lc.ctx.severities[kind] ?? lc.defaults.get(ruleId);
  if (sev === undefined) throw new Error(`${ruleId} reported a finding but is not in the rule list`);
  if (sev === 'off') return null;
  const col = start - lc.ls;
  const line = lc.line();
  const data: FixData = { language: d.languageId, envVar, envReference: envReference(d.languageId, envVar), ...extra };
  if (data.placeholder !== undefined) data.placeholder = detach(data.placeholder);
  if (data.family !== undefined) data.family = detach(data.family);
  data.envVar = detach(data.envVar);
  const f: Finding = {
    kind,
    ruleId,
    range: { start: { line, character: col }, end: { line, character: col + end - start } },
    offset: lc.base + start,
    length: end - start,
    severity: sev,
    match: detach(match),
    message: detach(message),
    data,
  };
  lc.out.push(f);
  return f;
}

/** Whether a rule or kind has an explicit severity in the options (then it is never lowered). */
export function severityPinned(lc: LineCtx, ruleId: string, kind: string): boolean {
  return lc.ctx.severities[ruleId] !== undefined || lc.ctx.severities[kind] !== undefined;
}

/**
 * The whole name around a match found inside it (`PHQ_API_TOKEN` around "TOKEN"), as
 * [start, end) offsets in `lt`.
 */
export function nameAround(lt: string, at: number, length: number): [number, number] {
  let a = at;
  while (a > 0 && isNameChar(lt.charCodeAt(a - 1))) a--;
  let p = at + length;
  while (p < lt.length && isNameChar(lt.charCodeAt(p))) p++;
  return [a, p];
}

export function isNameChar(c: number): boolean {
  return (
    (c >= 48 && c <= 57) ||
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    c === 95 ||
    c === 36 ||
    c === 46 ||
    c === 45
  );
}

/** After a name ending at `p`: the start of the assigned value (`= `, `: `, `:= `, `=> `, a closing quote first), or -1. */
export function assignedAt(lt: string, p: number): number {
  const c0 = code(lt, p);
  if (c0 === 92 && (code(lt, p + 1) === 34 || code(lt, p + 1) === 39))
    p += 2; // \" in a JSON string (notebooks)
  else if (c0 === 34 || c0 === 39 || c0 === 96) p++;
  if (code(lt, p) === 93) p++;
  while (code(lt, p) === 32 || code(lt, p) === 9) p++;
  const c = code(lt, p);
  if (c === 58)
    p += code(lt, p + 1) === 61 ? 2 : 1; // : or :=
  else if (c === 61) {
    const n = code(lt, p + 1);
    if (n === 61) return -1; // ==
    p += n === 62 ? 2 : 1; // = or =>
  } else if (c === 43 && code(lt, p + 1) === 61) p += 2;
  else return -1;
  while (code(lt, p) === 32 || code(lt, p) === 9) p++;
  return p < lt.length ? p : -1;
}

/**
 * Whether segment k is a string that holds source code: a source map's sourcesContent, a
 * bundle's inlined module (two or more `\n` escapes in a long string). What looks like a
 * placeholder or a token there is code of the embedded program, judged where it came from.
 */
export function holdsCode(lc: LineCtx, k: number): boolean {
  if (k < 0) return false;
  const s = lc.segs[k]!;
  const e = lc.segs[k + 1]!;
  if (e - s < 200) return false;
  const first = lc.text.indexOf('\\n', s);
  if (first < 0 || first >= e) return false;
  const second = lc.text.indexOf('\\n', first + 2);
  return second >= 0 && second < e;
}
