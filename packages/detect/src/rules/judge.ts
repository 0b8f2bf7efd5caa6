// Judges one line that a trigger selected: runs every rule over it and keeps the matches
// that sit in the right kind of segment (string, value, comment, prose) for that rule.
import type { Finding, FindingKind, Severity } from '../types';
import { dialectById, type Dialect } from '../dialects';
import { envReference } from '../env-reference';
import { fingerprint, maskSecret } from '../fingerprint';
import { Interp, Seg, SEG_WIDTH, type Segments } from '../lexer/types';
import type { ScanContext } from './context';
import * as M from './messages';
import * as P from './patterns';
import { isLikelyToken } from './shape';
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
  line: number;
  segs: Segments;
  sup: Suppression | null;
  out: Finding[];
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
  lc.out.push({
    kind,
    ruleId,
    range: { start: { line: lc.line, character: col }, end: { line: lc.line, character: col + end - start } },
    offset: start,
    length: end - start,
    severity: sev,
    match,
    message,
    data: { language: d.languageId, envVar, envReference: envReference(d.languageId, envVar), ...extra },
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
      if (interp === Interp.Ruby && lc.text.charCodeAt(s - 1) === 35) return false; // "#$NAME"
      return !DOLLAR_EXPANDS.has(interp);
    case 3:
      return !BRACE_EXPANDS.has(interp);
    default:
      return true;
  }
}

function placeholders(lc: LineCtx, lt: string): void {
  const re = P.PLACEHOLDER;
  re.lastIndex = 0;
  for (let m = re.exec(lt); m; m = re.exec(lt)) {
    let group = 1;
    while (group < 7 && m[group] === undefined) group++;
    let s = lc.ls + m.index;
    let e = s + m[0].length;
    if (group === 3 && lc.text.charCodeAt(s - 1) === 123 && lc.text.charCodeAt(e) === 125) {
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
  for (const x of lc.ctx.extra) {
    x.lastIndex = 0;
    for (let m = x.exec(lt); m; m = x.exec(lt)) {
      if (m[0].length === 0) {
        x.lastIndex++;
        continue;
      }
      const s = lc.ls + m.index;
      judgePlaceholder(
        lc,
        s,
        s + m[0].length,
        m[0].startsWith('${') ? 1 : m[0].startsWith('$') ? 2 : 0,
        'phq/custom-placeholder',
      );
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
  const why = kind === Seg.Prose ? 'readers copy it as written' : M.sentAsIs(d, lc.segs[k + 3]!);
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
  const assign = P.TOKEN_ASSIGNMENT;
  assign.lastIndex = 0;
  for (let m = assign.exec(lt); m; m = assign.exec(lt)) {
    if (P.NOT_A_TOKEN_NAME.test(m[1]!)) continue;
    const nk = segAt(lc.segs, lc.ls + m.index);
    if (nk >= 0 && lc.segs[nk + 2] === Seg.Comment) continue;
    const p = m.index + m[0].length;
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

const VALUE = /[A-Za-z0-9_\-.~+/]+=*/y;
const HAS_PHQ = /PHQ|PREDICTHQ/i;
const SECRETISH = /TOKEN|KEY|SECRET/i;

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
  line: number,
  segs: Segments,
  out: Finding[],
): void {
  const lt = text.slice(ls, le);
  const lc: LineCtx = { ctx, text, ls, line, segs, sup: suppressionFor(text, ls, le), out };
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
