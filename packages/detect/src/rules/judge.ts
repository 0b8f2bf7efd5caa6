// Judges one line that a trigger selected: runs every rule over it and keeps the matches
// that sit in the right kind of segment (string, value, comment, prose) for that rule.
import type { Finding, FindingKind, FixData, Severity } from '../types';
import { dialectById, type Dialect } from '../dialects';
import { envReference } from '../env-reference';
import { fingerprint, maskSecret } from '../fingerprint';
import { Interp, Seg, SEG_WIDTH, type Segments } from '../lexer/types';
import type { ScanContext } from './context';
import * as M from './messages';
import * as P from './patterns';
import { isLikelyToken, MIN_TOKEN_LENGTH } from './shape';
import { isSuppressed, suppressionFor, type Suppression } from './suppress';

const BASE: Readonly<Record<string, Severity>> = {
  'phq/placeholder': 'error',
  'phq/placeholder-in-docs': 'warning',
  'phq/custom-placeholder': 'error',
  'phq/hardcoded-token': 'error',
  'phq/known-token': 'error',
  'phq/browser-exposure': 'warning',
  'phq/endpoint': 'hint',
};

/** Interps in which `$NAME` is expanded by whatever runs the text. */
const DOLLAR_EXPANDS: ReadonlySet<number> = new Set([Interp.Shell, Interp.Make, Interp.Dollar, Interp.PowerShell]);
/** Interps in which `${NAME}` is expanded (JS templates never get here: the lexer cuts `${...}` out). */
const DOLLAR_BRACE_EXPANDS: ReadonlySet<number> = new Set([
  Interp.Shell,
  Interp.Make,
  Interp.Dollar,
  Interp.PowerShell,
  Interp.Yaml,
  Interp.PyFormat,
  Interp.CSharp,
  Interp.Rust,
]);
/** Interps in which `{NAME}` is an interpolation or format argument. */
const BRACE_EXPANDS: ReadonlySet<number> = new Set([Interp.PyFormat, Interp.CSharp, Interp.Rust]);

const BEARER_BEFORE = /bearer\s+$/i;

interface LineCtx {
  ctx: ScanContext;
  text: string;
  ls: number;
  /** Absolute offset of text[0] (DocumentScanner scans one block at a time). */
  base: number;
  /** The line number, counted only when a finding needs it. */
  line: () => number;
  segs: Segments;
  sup: Suppression | null;
  out: Finding[];
}

/**
 * A copy of `s` that does not keep the text it was cut from alive. V8 represents slices of
 * long strings as views of the parent: a finding holding a slice would retain its whole
 * file (tens of MB over a scan). Concatenating and re-slicing forces a flat copy.
 */
function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/**
 * The UTF-16 code at `i`, or -1 outside the string. A read past either end would give NaN
 * and, in optimised code, a deoptimisation each time: V8 bails out of code that assumed
 * in-bounds reads (seen over and over in `--trace-deopt` on large scans).
 */
function code(s: string, i: number): number {
  return i >= 0 && i < s.length ? s.charCodeAt(i) : -1;
}

/** Index (into segs) of the segment containing offset `at`, or -1 (code). */
function segAt(segs: Segments, at: number): number {
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

function dialectOf(lc: LineCtx, k: number): Dialect {
  const id = lc.segs[k + 4]!;
  return id ? dialectById(id) : lc.ctx.dialect;
}

function push(
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
): void {
  if (isSuppressed(lc.sup, ruleId, kind)) return;
  const sev = lc.ctx.severities[ruleId] ?? lc.ctx.severities[kind] ?? BASE[ruleId]!;
  if (sev === 'off') return;
  const col = start - lc.ls;
  const line = lc.line();
  const data: FixData = { language: d.languageId, envVar, envReference: envReference(d.languageId, envVar), ...extra };
  if (data.placeholder !== undefined) data.placeholder = detach(data.placeholder);
  if (data.family !== undefined) data.family = detach(data.family);
  data.envVar = detach(data.envVar);
  lc.out.push({
    kind,
    ruleId,
    range: { start: { line, character: col }, end: { line, character: col + end - start } },
    offset: lc.base + start,
    length: end - start,
    severity: sev,
    match: detach(match),
    message: detach(message),
    data,
  });
}

/** Whether placeholder-ish text at [s, e) in segment k is sent literally (group = form, see PLACEHOLDER). */
function sentLiterally(lc: LineCtx, k: number, s: number, e: number, group: number): boolean {
  const interp = lc.segs[k + 3]!;
  const prose = lc.segs[k + 2] === Seg.Prose;
  if (interp === Interp.BearerOnly || prose) {
    if (group !== 7 && !BEARER_BEFORE.test(lc.text.slice(Math.max(lc.ls, s - 24), s))) return false;
  }
  switch (group) {
    case 1:
      return !DOLLAR_BRACE_EXPANDS.has(interp);
    case 2:
      if (interp === Interp.Ruby && code(lc.text, s - 1) === 35) return false; // "#$NAME"
      return !DOLLAR_EXPANDS.has(interp);
    case 3:
      return !BRACE_EXPANDS.has(interp);
    default:
      return true;
  }
}

/** Form of a sigil placeholder from its first characters: 1 `${`, 2 `$`, 3 `{`, 4 `[` or `<`. */
function sigilGroup(m: string): number {
  if (m.charCodeAt(0) === 36) return m.charCodeAt(1) === 123 ? 1 : 2;
  return m.charCodeAt(0) === 123 ? 3 : 4;
}

function placeholders(lc: LineCtx, lt: string): void {
  const sigil = P.SIGIL_PLACEHOLDER;
  sigil.lastIndex = 0;
  for (let m = sigil.exec(lt); m; m = sigil.exec(lt)) {
    let group = sigilGroup(m[0]);
    let s = lc.ls + m.index;
    let e = s + m[0].length;
    if (group === 3 && code(lc.text, s - 1) === 123 && code(lc.text, e) === 125) {
      // {{NAME}}: a template variable (Postman, Jinja, .http), except in f-strings and C#
      // interpolated strings, where {{ is an escaped brace and the text goes out as {NAME}.
      const k0 = segAt(lc.segs, s - 1);
      const interp = k0 >= 0 ? lc.segs[k0 + 3] : -1;
      if (interp !== Interp.PyFormat && interp !== Interp.CSharp) continue;
      s--;
      e++;
      group = 0;
    }
    judgePlaceholder(lc, s, e, group, 'phq/placeholder');
  }
  const lower = lt.toLowerCase();
  if (lower.includes('your')) {
    const re = P.YOUR_PLACEHOLDER;
    re.lastIndex = 0;
    for (let m = re.exec(lt); m; m = re.exec(lt)) {
      const s = lc.ls + m.index;
      judgePlaceholder(lc, s, s + m[0].length, 5, 'phq/placeholder');
    }
  }
  if (lower.includes('bearer')) {
    const re = P.BEARER_NAME;
    re.lastIndex = 0;
    for (let m = re.exec(lt); m; m = re.exec(lt)) {
      const s = lc.ls + m.index + m[0].length - m[1]!.length;
      judgePlaceholder(lc, s, s + m[1]!.length, 7, 'phq/placeholder');
    }
  }
  for (let at = lt.indexOf(P.SDK_FAKE_TOKEN); at >= 0; at = lt.indexOf(P.SDK_FAKE_TOKEN, at + 1)) {
    judgePlaceholder(lc, lc.ls + at, lc.ls + at + P.SDK_FAKE_TOKEN.length, 6, 'phq/placeholder');
  }
  for (const x of lc.ctx.extra) {
    x.lastIndex = 0;
    for (let m = x.exec(lt); m; m = x.exec(lt)) {
      if (m[0].length === 0) {
        x.lastIndex++;
        continue;
      }
      const s = lc.ls + m.index;
      const group = m[0].startsWith('${') ? 1 : m[0].startsWith('$') ? 2 : 0;
      judgePlaceholder(lc, s, s + m[0].length, group, 'phq/custom-placeholder');
    }
  }
}

function judgePlaceholder(lc: LineCtx, s: number, e: number, group: number, rule: string): void {
  const k = segAt(lc.segs, s);
  if (k < 0) return;
  const kind = lc.segs[k + 2]!;
  if (kind === Seg.Comment || (kind === Seg.Prose && !lc.ctx.prose)) return;
  if (e > lc.segs[k + 1]!) return;
  if (!sentLiterally(lc, k, s, e, group)) return;
  const d = dialectOf(lc, k);
  const docs = kind === Seg.Prose || lc.segs[k + 4] !== 0 || d.markdown;
  const ph = lc.text.slice(s, e);
  const ruleId = docs && rule === 'phq/placeholder' ? 'phq/placeholder-in-docs' : rule;
  const ref = envReference(d.languageId, lc.ctx.envVar);
  const why = kind === Seg.Prose ? 'readers copy it as written' : M.sentAsIs(d, lc.segs[k + 3]!, ph);
  const f0 = lc.out.length;
  push(lc, 'placeholder', ruleId, s, e, ph, M.placeholderMessage(ph, why, ref, docs), d, { placeholder: ph });
  if (kind === Seg.Prose && lc.out.length > f0 && !lc.ctx.severities[ruleId]) lc.out[f0]!.severity = 'info';
}

function tokens(lc: LineCtx, lt: string): void {
  const seen = new Set<number>();
  if (lc.ctx.known) {
    const re = P.TOKEN_RUN;
    re.lastIndex = 0;
    for (let m = re.exec(lt); m; m = re.exec(lt)) {
      const fp = fingerprint(m[0]);
      const tok = lc.ctx.known.get(fp);
      if (!tok) continue;
      const s = lc.ls + m.index;
      const k = segAt(lc.segs, s);
      const d = k >= 0 ? dialectOf(lc, k) : lc.ctx.dialect;
      const masked = maskSecret(m[0]);
      seen.add(s);
      const ref = envReference(d.languageId, lc.ctx.envVar);
      push(lc, 'known-token', 'phq/known-token', s, s + m[0].length, masked, M.knownMessage(tok.name, masked, ref), d, {
        fingerprint: fp,
        tokenId: tok.id,
      });
    }
  }
  const hardcoded = (s: number, value: string, k: number): void => {
    if (seen.has(s) || !isLikelyToken(value)) return;
    seen.add(s);
    const d = dialectOf(lc, k);
    const masked = maskSecret(value);
    const ref = envReference(d.languageId, lc.ctx.envVar);
    push(
      lc,
      'hardcoded-token',
      'phq/hardcoded-token',
      s,
      s + value.length,
      masked,
      M.hardcodedMessage(masked, ref),
      d,
      {
        fingerprint: fingerprint(value),
      },
    );
  };
  const bearer = P.BEARER_VALUE;
  bearer.lastIndex = 0;
  for (let m = bearer.exec(lt); m; m = bearer.exec(lt)) {
    const v = m[1]!;
    const s = lc.ls + m.index + m[0].length - v.length;
    const k = segAt(lc.segs, s);
    if (k < 0 || s + v.length > lc.segs[k + 1]!) continue;
    if (lc.segs[k + 2] === Seg.Prose && !lc.ctx.prose) continue;
    hardcoded(s, v, k);
  }
  const words = P.TOKEN_NAME_WORD;
  words.lastIndex = 0;
  for (let m = words.exec(lt); m; m = words.exec(lt)) {
    let a = m.index;
    while (a > 0 && isNameChar(lt.charCodeAt(a - 1))) a--;
    let p = m.index + m[0].length;
    while (p < lt.length && isNameChar(lt.charCodeAt(p))) p++;
    words.lastIndex = p;
    if (P.NOT_A_TOKEN_NAME.test(lt.slice(a, p))) continue;
    const nk = segAt(lc.segs, lc.ls + a);
    if (nk >= 0 && lc.segs[nk + 2] === Seg.Comment) continue;
    p = assignedAt(lt, p);
    if (p < 0) continue;
    const q = lt[p];
    let vs: number;
    let value: string;
    if (q === '"' || q === "'" || q === '`') {
      vs = p + 1;
      const close = lt.indexOf(q, vs);
      value = lt.slice(vs, close < 0 ? lt.length : close);
    } else {
      vs = p;
      VALUE.lastIndex = p;
      const v = VALUE.exec(lt);
      if (!v) continue;
      value = v[0];
    }
    const s = lc.ls + vs;
    const k = segAt(lc.segs, s);
    if (k < 0 || lc.segs[k + 2] === Seg.Comment || s + value.length > lc.segs[k + 1]!) continue;
    if (lc.segs[k + 2] === Seg.Prose && !lc.ctx.prose) continue;
    hardcoded(s, value, k);
  }
}

function isNameChar(c: number): boolean {
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
function assignedAt(lt: string, p: number): number {
  const c0 = code(lt, p);
  if (c0 === 34 || c0 === 39 || c0 === 96) p++;
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

const VALUE = /[A-Za-z0-9_\-.~+/]+=*/y;
const HAS_PHQ = /PHQ|PREDICTHQ/i;
const SECRETISH = /TOKEN|KEY/i;

function browser(lc: LineCtx, lt: string): void {
  const re = P.BROWSER_VAR;
  re.lastIndex = 0;
  for (let m = re.exec(lt); m; m = re.exec(lt)) {
    const rest = m[2]!;
    if (!HAS_PHQ.test(rest) || !SECRETISH.test(rest)) continue;
    const s = lc.ls + m.index;
    const k = segAt(lc.segs, s);
    const kind = k >= 0 ? lc.segs[k + 2] : 0;
    if (kind === Seg.Comment || (kind === Seg.Prose && !lc.ctx.prose)) continue;
    const d = k >= 0 ? dialectOf(lc, k) : lc.ctx.dialect;
    push(
      lc,
      'browser-exposure',
      'phq/browser-exposure',
      s,
      s + m[0].length,
      m[0],
      M.browserMessage(m[0], m[1]!),
      d,
      {},
      rest,
    );
  }
}

function endpoints(lc: LineCtx, lt: string): void {
  const re = P.ENDPOINT;
  re.lastIndex = 0;
  for (let m = re.exec(lt); m; m = re.exec(lt)) {
    const s = lc.ls + m.index;
    const k = segAt(lc.segs, s);
    const kind = k >= 0 ? lc.segs[k + 2] : 0;
    if (kind === Seg.Comment || kind === Seg.Prose) continue;
    const d = k >= 0 ? dialectOf(lc, k) : lc.ctx.dialect;
    if (d.markdown || (k >= 0 && lc.segs[k + 4] !== 0)) continue; // documentation, not a call
    const family = m[1]!;
    push(lc, 'endpoint', 'phq/endpoint', s, s + m[0].length, m[0], M.endpointMessage(family), d, { family });
  }
}

/** Judges the line text[ls, le) (segments from its lexer) and appends findings to `out`. */
export function judgeLine(
  ctx: ScanContext,
  text: string,
  ls: number,
  le: number,
  line: () => number,
  segs: Segments,
  out: Finding[],
  base = 0,
  suppressions = true,
): void {
  const lt = text.slice(ls, le);
  const lc: LineCtx = { ctx, text, ls, base, line, segs, sup: suppressions ? suppressionFor(text, ls, le) : null, out };
  const from = out.length;
  placeholders(lc, lt);
  tokens(lc, lt);
  browser(lc, lt);
  endpoints(lc, lt);
  if (out.length - from > 1) {
    const mine = out.splice(from).sort(compareFindings);
    for (const f of mine) out.push(f);
  }
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.offset - b.offset || a.length - b.length || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

const MAY_FIRE =
  /[${[<](?:PHQ_|PREDICTHQ_)?(?:API_|ACCESS_|OAUTH2_ACCESS_)?TOKEN|[${[<](?:PHQ_|PREDICTHQ_)API_KEY|YOUR[_-]|Acc3sS|bearer\s+(?:TOKEN|API_|ACCESS_|PHQ_|PREDICTHQ_|[A-Za-z0-9_\-.~+/]{20})|(?:_PUBLIC_|VITE_|REACT_APP_)\w*(?:TOKEN|KEY)|\/v1\//i;
const TOKEN_WORD = /token|api[_-]?key|apikey/i;

/** Token characters: [A-Za-z0-9_-.~+/]. */
const TOKEN_CHAR = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.~+/') TOKEN_CHAR[c.charCodeAt(0)] = 1;

/** Whether `lt` has a run of at least `n` token characters (a loop: several times faster than a regex). */
function hasTokenRun(lt: string, n: number): boolean {
  let run = 0;
  for (let i = 0; i < lt.length; i++) {
    const c = lt.charCodeAt(i);
    if (c < 128 && TOKEN_CHAR[c] === 1) {
      if (++run >= n) return true;
    } else run = 0;
  }
  return false;
}

/**
 * Cheap test of a selected line: false when no rule can fire on it, so the line needs
 * neither segments nor judging. A superset of every rule's condition (see the rules above).
 */
export function mayFire(ctx: ScanContext, lt: string): boolean {
  if (MAY_FIRE.test(lt)) return true;
  // Token assignments need a token-ish name and a value of at least MIN_TOKEN_LENGTH.
  if (TOKEN_WORD.test(lt) && hasTokenRun(lt, MIN_TOKEN_LENGTH)) return true;
  if (ctx.known && hasTokenRun(lt, 16)) return true;
  for (const x of ctx.extra) {
    x.lastIndex = 0;
    if (x.test(lt)) return true;
  }
  return false;
}
