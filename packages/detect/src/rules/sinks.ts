// The token sink model: the places where text is sent to PredictHQ as the token, and the
// value written there. A literal in a sink is always a finding: either it cannot be a real
// token (dummy-token: short, words, spaces, brackets, sequences) or it can (hardcoded-token).
// References are fine: env and config lookups, variables, secret stores, interpolation.
//
// Sinks:
// - "Bearer <value>" in a string or value (an Authorization header in any language, curl -H,
//   .http files), where <value> is the whole rest of the string: prose ("Bearer token
//   authentication is not permitted") is not a sink.
// - <name> <op> <value>, where <name> is a token / api key / access token name and <op> is
//   =, :, :=, =>: assignments, keyword arguments (Client(access_token=...)), object and
//   JSON keys, .env, TOML, INI / predicthq.conf, YAML, .properties, shell and Dockerfile.
//   A name that says PredictHQ / PHQ is a sink anywhere; a generic one (token, api_key,
//   ACCESS_TOKEN, apiKey) only in a file about PredictHQ; a name with any other qualifier
//   (OPENAI_API_KEY, csrfToken, next_page_token) is someone else's.
import { Interp, Seg } from '../lexer/types';
import { code, dialectOf, holdsCode, nameAround, segAt, type LineCtx } from './line';
import { continuedAbove, leadingOperator } from './continuation';
import { fallbackStarts, hasFallback } from './fallback';
import { followable, followName } from './follow';
import { holdsShell } from './shell-strings';
import { aboutPhq, nameClass } from './sink-names';
import { isPlaceholderShaped, whyNotAToken } from './sink-values';

export type Verdict = 'dummy' | 'token';

export interface Sink {
  /** Absolute offsets of the value. */
  start: number;
  value: string;
  /** Segment of the value. */
  k: number;
  verdict: Verdict;
  /** Why a dummy cannot work (for the message). */
  why: string;
  /** The sink is a PredictHQ one whatever the file (a PHQ name); else it needs a file about PredictHQ. */
  strong: boolean;
  /** A bracketed, sigil or instructional text: a placeholder in any file. */
  placeholderShaped: boolean;
}

/** `$NAME` / `${NAME}` / `$(...)` / `{{...}}` / `%(...)s` / `<%= %>`: a reference when the text is expanded. */
const REFERENCE = /\$\{|\$\(|\{\{|%\(|<%|^\$\$?[A-Za-z_]\w*$|^%[A-Za-z_]\w*%$|^!ENV|^secrets?\./;
const DOLLAR_EXPANDS: ReadonlySet<number> = new Set([
  Interp.Shell,
  Interp.Make,
  Interp.Dollar,
  Interp.PowerShell,
  Interp.Yaml,
]);

/** Dialects whose values are written without quotes (the rest are code: an unquoted value is an expression). */
export const LOOSE: ReadonlySet<string> = new Set([
  'dotenv',
  'ini',
  'properties',
  'yaml',
  'http',
  'plaintext',
  'markdown',
  'shellscript',
  'dockerfile',
  'makefile',
]);
const CONFIG: ReadonlySet<string> = new Set(['dotenv', 'ini', 'properties', 'yaml', 'toml']);
const SHELLISH = new Set(['shellscript', 'dockerfile', 'makefile']);

function isQuote(c: number): boolean {
  return c === 34 || c === 39 || c === 96;
}

/**
 * The value written at `p` on the line (quoted or not), as [start, end) in line offsets, or
 * null when it is not a literal (an expression, a reference, interpolation).
 */
function valueAt(lc: LineCtx, lt: string, p: number, annotated = true): { s: number; e: number; k: number } | null {
  // A literal wrapped in a conversion is the same literal: JSON.stringify('...') in a bundler's `define`.
  const wrap = WRAPPER.exec(lt.slice(p, p + 16));
  if (wrap && segAt(lc.segs, lc.ls + p) < 0) p += wrap[0].length;
  // Python annotations: `api_key: str = "..."`.
  const ann = /^[A-Za-z_][\w.[\], |]*\s*=(?!=)\s*/.exec(lt.slice(p, p + 60));
  const k0 = segAt(lc.segs, lc.ls + p);
  if (annotated && ann && k0 < 0 && !isQuote(code(lt, p))) p += ann[0].length;
  // String prefixes (f, r, b, u) in code.
  let q = p;
  let fstring = false;
  while (q < p + 2 && /[rRbBuUfF]/.test(lt[q] ?? '') && segAt(lc.segs, lc.ls + q) < 0) {
    if (lt[q] === 'f' || lt[q] === 'F') fstring = true;
    q++;
  }
  const prefixed = q !== p;
  let c = code(lt, q);
  let escaped = false;
  if (c === 92 && isQuote(code(lt, q + 1))) {
    escaped = true; // \" inside a JSON string (notebook cells)
    q++;
    c = code(lt, q);
  }
  if (isQuote(c)) {
    if (prefixed && !fstring && !/[rRbBuU]/.test(lt[p]!)) return null;
    const vs = q + 1;
    const k = segAt(lc.segs, lc.ls + vs);
    if (k < 0 || lc.segs[k + 2] !== Seg.Str) return null;
    // The closing quote (escaped the same way as the opening one).
    let close = -1;
    for (let i = vs; i < lt.length; i++) {
      const ci = lt.charCodeAt(i);
      if (escaped) {
        if (ci === 92 && code(lt, i + 1) === c) {
          close = i;
          break;
        }
        if (ci === 92) i++;
      } else if (ci === 92 && c !== 96) i++;
      else if (ci === c) {
        close = i;
        break;
      }
    }
    if (close < 0) return null;
    const segEnd = lc.segs[k + 1]! - lc.ls;
    // The string's segment stops before its end: interpolation cut it (f-string, template literal).
    if (segEnd < close && !LOOSE.has(dialectOf(lc, k).languageId)) return null;
    if (fstring && lt.slice(vs, close).includes('{')) return null;
    // An expression continues after the string ("..." + x, "...".format(), "..." % x).
    let a = close + (escaped ? 2 : 1);
    while (code(lt, a) === 32) a++;
    const after = code(lt, a);
    if (after === 43 || after === 46 || after === 37 || after === 42 || after === 91) return null;
    return { s: vs, e: close, k };
  }
  // Unquoted: a literal only in value languages (in code it is an expression).
  const k = segAt(lc.segs, lc.ls + p);
  if (k < 0 || lc.segs[k + 2] !== Seg.Str) return null;
  const d = dialectOf(lc, k);
  if (!LOOSE.has(d.languageId)) return null;
  const segEnd = lc.segs[k + 1]! - lc.ls;
  let e = p;
  if (SHELLISH.has(d.languageId) || lc.segs[k + 3] === Interp.Shell) {
    while (e < segEnd && !/[\s;&|)`'"]/.test(lt[e]!)) e++;
  } else {
    e = segEnd;
    while (e > p && (lt.charCodeAt(e - 1) === 32 || lt.charCodeAt(e - 1) === 9)) e--;
  }
  if (e <= p) return null;
  return { s: p, e, k };
}

const WRAPPER = /^(?:JSON\.stringify|String|str)\(\s*(?=["'`])/;

/** Whether the value's text is a reference rather than a literal, given its segment. */
function isReference(lc: LineCtx, v: string, k: number): boolean {
  const interp = holdsShell(lc, k) ? Interp.Shell : lc.segs[k + 3]!;
  // printf and format placeholders: "Bearer %s" % t, fmt.Sprintf, "Bearer {}".format(t), $"{t}".
  if (/^%[sv]$|^%\(\w+\)s$/.test(v)) return true;
  if (/^\{\w*\}$/.test(v) && (interp === Interp.PyFormat || interp === Interp.CSharp || interp === Interp.Rust))
    return true;
  if (!REFERENCE.test(v)) return false;
  // `$NAME` in a string that is sent as written is not a reference but a placeholder.
  const lang = dialectOf(lc, k).languageId;
  // ${NAME} in a config value: resolved by the framework (Spring, compose, dotenv-expand).
  if (/^\$\{[A-Za-z_]\w*\}$/.test(v) && CONFIG.has(lang)) return true;
  if (/^\$\{?[A-Za-z_]\w*\}?$/.test(v)) return DOLLAR_EXPANDS.has(interp) || lang === 'dotenv';
  return true;
}

function sinkOf(lc: LineCtx, s: number, e: number, k: number, strong: boolean): Sink | null {
  let value = lc.text.slice(s, e);
  // YAML / INI / .env values may carry their own quotes.
  const q = value.charCodeAt(0);
  if (value.length >= 2 && isQuote(q) && value.charCodeAt(value.length - 1) === q) {
    value = value.slice(1, -1);
    s++;
  }
  if (value === '' || isReference(lc, value, k)) return null;
  // A string that holds code (a source map, an inlined module, a script in a JSON value):
  // placeholders there belong to the embedded program; only a token-shaped value is a leak.
  const inCode = holdsCode(lc, k);
  if (inCode && (value.length < 20 || value.length > 512)) return null;
  // Hex digests and UUIDs are ids and checksums, not PredictHQ tokens nor placeholders.
  if (
    value.length >= 20 &&
    /^(?:0x)?[0-9a-f]+$|^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)
  )
    return null;
  const why = whyNotAToken(value);
  if (why && inCode) return null;
  return {
    start: s,
    value,
    k,
    verdict: why ? 'dummy' : 'token',
    why,
    strong,
    placeholderShaped: why !== '' && (isPlaceholderShaped(value) || /^\$\{?[A-Za-z_]\w*\}?$/.test(value)),
  };
}

/** Whether the name at [a, p) (line offsets) sits where a name can be assigned: code, a config key, a quoted key. */
function nameUsable(lc: LineCtx, lt: string, a: number, p: number): boolean {
  const nk = segAt(lc.segs, lc.ls + a);
  if (nk < 0) return true;
  const kind = lc.segs[nk + 2];
  if (kind === Seg.Comment || (kind === Seg.Prose && !lc.ctx.prose)) return false;
  const interp = lc.segs[nk + 3];
  if (interp === Interp.Shell || interp === Interp.Make || interp === Interp.Yaml || interp === Interp.Http)
    return true;
  if (LOOSE.has(dialectOf(lc, nk).languageId)) return true;
  if (lc.ctx.notebook) return true; // a notebook cell's source line is a JSON string
  // A quoted key: "api_key": ..., ['PHQ_API_TOKEN'] = ...
  const before = code(lt, a - 1);
  const after = code(lt, p);
  return (isQuote(before) || before === 92) && (isQuote(after) || after === 92);
}

const BEARER = /\bBearer[ \t]+/gi;
const INSTRUCTION = /^(?:your|my|insert|enter|paste|put|replace)\b[\w .-]{0,40}\b(?:token|key)\b(?:[\w .-]{0,12})$/i;
/** Words that make a name a token's: token, api key, and PHQ_KEY / PREDICTHQ_KEY. */
const SINK_NAME_WORD = /token|api[_-]?key|apikey|(?:phq|predicthq)[_-]?key/gi;
const ENV_SPACE = /^\s*(?:ENV|ARG)\s+([A-Za-z_][\w.-]*)\s+(?=\S)/i;

/** Longest "Bearer <instruction>" text judged as a placeholder ("Bearer Your PredictHQ API Token Here"). */
const INSTRUCTION_MAX = 120;

function findSinks(lc: LineCtx, lt: string): Sink[] {
  const out: Sink[] = [];
  // The value of a token expression that the line above left open (continuation.ts).
  const cont = continuedAbove(lc.text, lc.ls);
  if (cont !== null) {
    let first = leadingOperator(lt);
    while (code(lt, first) === 32 || code(lt, first) === 9) first++;
    // Only code goes on across lines: in .env, INI, YAML or TOML `KEY=` is an empty value.
    const d = dialectOf(lc, lc.segs.length > 0 ? 0 : -1).languageId; // a fence's own language in Markdown
    const val = LOOSE.has(d) || CONFIG.has(d) ? null : valueAt(lc, lt, first, false);
    if (val) {
      const sink = sinkOf(lc, lc.ls + val.s, lc.ls + val.e, val.k, cont === 'phq');
      if (sink) out.push(sink);
    } else if (!LOOSE.has(d) && !CONFIG.has(d)) fallbackSinks(lc, lt, first, cont === 'phq', out);
  }
  {
    BEARER.lastIndex = 0;
    for (let m = BEARER.exec(lt); m; m = BEARER.exec(lt)) {
      const vs = m.index + m[0].length;
      const k = segAt(lc.segs, lc.ls + m.index);
      if (k < 0 || lc.segs[k + 2] === Seg.Comment || (lc.segs[k + 2] === Seg.Prose && !lc.ctx.prose)) continue;
      const segEnd = lc.segs[k + 1]! - lc.ls;
      if (vs >= segEnd) {
        // "Bearer " + token, `Bearer ${token}`: the string ends here; the name is followed (follow.ts).
        BEARER_REF.lastIndex = segEnd;
        const ref = BEARER_REF.exec(lt);
        const name = ref ? followable(ref[1] ?? ref[2]!) : '';
        if (name && aboutPhq(lc)) followName(lc, name);
        continue;
      }
      let e: number;
      const open = lt[vs]!;
      const close = open === '<' ? '>' : open === '[' ? ']' : open === '{' ? '}' : open === '(' ? ')' : '';
      if (close) {
        e = lt.indexOf(close, vs + 1);
        if (e < 0 || e >= segEnd) continue;
        e++;
      } else {
        e = vs;
        while (e < segEnd && !/[\s"'`,;\\]/.test(lt[e]!)) e++;
      }
      // The value must be the rest of the string: more words after it make it prose.
      let r = e;
      while (r < segEnd && (lt[r] === ' ' || lt[r] === '\t')) r++;
      if (r < segEnd && !/["'`,;\\]/.test(lt[r]!)) {
        // Prose, unless it is an instruction that names the token: "Bearer Your Api Token".
        // Bounded: an instruction is short, and an unbounded look-ahead per "Bearer" made a
        // long line of them quadratic (seconds for one line in the server's fuzz test).
        const limit = Math.min(segEnd, vs + INSTRUCTION_MAX);
        let q = r;
        while (q < limit && !/["'`\\]/.test(lt[q]!)) q++;
        if (q >= limit && limit < segEnd) continue;
        if (!INSTRUCTION.test(lt.slice(vs, q))) continue;
        e = q;
        while (e > vs && lt[e - 1] === ' ') e--;
      }
      if (e <= vs) continue;
      const interp = lc.segs[k + 3];
      if (interp === Interp.BearerOnly && lc.segs[k + 4] === 0 && lc.ctx.dialect.languageId !== 'plaintext') continue;
      if (interp === Interp.PyFormat && lt[vs] === '{' && aboutPhq(lc)) {
        const ref = /^\{([A-Za-z_][\w.]*)\}$/.exec(lt.slice(vs, e)); // f"Bearer {name}"
        const name = ref ? followable(ref[1]!) : '';
        if (name) followName(lc, name);
      }
      const sink = sinkOf(lc, lc.ls + vs, lc.ls + e, k, false);
      if (sink) out.push(sink);
    }
  }
  const words = SINK_NAME_WORD;
  words.lastIndex = 0;
  for (let m = words.exec(lt); m; m = words.exec(lt)) {
    const [a, p] = nameAround(lt, m.index, m[0].length);
    words.lastIndex = p;
    if (code(lt, a - 1) === 123 && code(lt, a - 2) === 36) continue; // ${NAME:-default}: a shell expansion
    const name = lt.slice(a, p);
    const cls = nameClass(name);
    if (cls === null) continue;
    if (!nameUsable(lc, lt, a, p)) {
      const sink = embeddedAssignment(lc, lt, a, p, cls === 'phq');
      if (sink) out.push(sink);
      continue;
    }
    let v = assignedValueStart(lt, p);
    if (v < 0 && lc.ctx.dialect.languageId === 'dockerfile') {
      const env = ENV_SPACE.exec(lt); // ENV NAME value
      if (env && env[1] === name) v = env[0].length;
    }
    if (v < 0) continue;
    const val = valueAt(lc, lt, v);
    if (val) {
      const sink = sinkOf(lc, lc.ls + val.s, lc.ls + val.e, val.k, cls === 'phq');
      if (sink) out.push(sink);
    } else {
      fallbackSinks(lc, lt, v, cls === 'phq', out);
      // access_token=secret, access_token: settings.phq: a bare name, followed (follow.ts).
      BARE_NAME.lastIndex = v;
      const bare = BARE_NAME.exec(lt);
      const name = bare && segAt(lc.segs, lc.ls + v) < 0 ? followable(bare[1]!) : '';
      if (name && (cls === 'phq' || aboutPhq(lc))) followName(lc, name);
    }
  }
  // The default of an environment lookup: os.getenv("PHQ_TOKEN", "<literal>"),
  // process.env.PHQ_API_TOKEN || '<literal>'. When the variable is unset the literal is sent.
  // Every lookup below names env / ENV / secrets: most lines have none, and indexOf is cheaper than the regexes.
  const lookups = lt.includes('env') || lt.includes('ENV') || lt.includes('secrets');
  for (const re of lookups ? ENV_LOOKUPS : NONE) {
    re.lastIndex = 0;
    for (let m = re.exec(lt); m; m = re.exec(lt)) {
      const name = m[1] ?? m[2] ?? m[3] ?? '';
      const cls = nameClass(name);
      if (cls === null) continue;
      const k = segAt(lc.segs, lc.ls + m.index);
      if (k >= 0 && lc.segs[k + 2] === Seg.Comment) continue;
      const val = valueAt(lc, lt, m.index + m[0].length);
      if (!val) continue;
      const sink = sinkOf(lc, lc.ls + val.s, lc.ls + val.e, val.k, cls === 'phq');
      if (sink) out.push(sink);
    }
  }
  // A lookup of a token variable with a fallback: os.environ.get("PHQ_TOKEN") or "...".
  const lookup = ENV_LOOKUP;
  lookup.lastIndex = 0;
  for (let m = lookups ? lookup.exec(lt) : null; m; m = lookup.exec(lt)) {
    const cls = nameClass(m[1] ?? m[2] ?? m[3] ?? '');
    if (cls === null) continue;
    const k = segAt(lc.segs, lc.ls + m.index);
    if (k >= 0) continue; // in a string or a comment: not code
    fallbackSinks(lc, lt, m.index, cls === 'phq', out);
  }
  return out;
}

/** After "Bearer " ends a string: `" + name`, `${name}` (a template literal), `{name}` (an f-string). */
const BEARER_REF = /(?:["'`]\s*\+\s*([A-Za-z_$][\w$.]*)|\$?\{\s*([A-Za-z_$][\w$.]*)\s*\})/y;
/** A bare name as the whole value: `secret,` `CREDS }` `settings.phq)`. */
const BARE_NAME = /([A-Za-z_$][\w$.]*)\s*(?=[,)};]|$)/y;

const NONE: readonly RegExp[] = [];

/** Lookups by name in the environment, secrets and settings (code only; the name in group 1, 2 or 3). */
const ENV_LOOKUP =
  /(?<![\w.])(?:(?:os\.)?(?:getenv|environ\.get)|st\.secrets\.get|Deno\.env\.get|ENV\.fetch|System\.getenv)\(\s*["']([A-Za-z_]\w*)["']\s*\)|(?<![\w])(?:os\.environ|st\.secrets|ENV)\[\s*["']([A-Za-z_]\w*)["']\s*\]|\b(?:process|import\.meta)\.env\.([A-Za-z_]\w*)(?=\s*(?:\|\||\?))/g;

/** The literal operands of fallbacks in the expression at `p` (line offset): each is sent when what precedes it is empty. */
function fallbackSinks(lc: LineCtx, lt: string, p: number, strong: boolean, out: Sink[]): void {
  if (!hasFallback(lt)) return;
  for (const f of fallbackStarts(lc, lt, p)) {
    const val = valueAt(lc, lt, f);
    if (!val || out.some((s) => s.start === lc.ls + val.s)) continue;
    const sink = sinkOf(lc, lc.ls + val.s, lc.ls + val.e, val.k, strong);
    if (sink) out.push(sink);
  }
}

/**
 * `NAME=value` inside a string of code or JSON: a shell assignment the string holds (a
 * command in a JSON settings file, `vercel -e NAME=value`, `NAME=value npm run dev`). A
 * real-looking token there is reported wherever the string is; a dummy value only where a
 * shell runs the string (elsewhere it is more often a message telling the user what to set).
 */
function embeddedAssignment(lc: LineCtx, lt: string, a: number, p: number, strong: boolean): Sink | null {
  if (code(lt, p) !== 61 || code(lt, p + 1) === 61) return null;
  const k = segAt(lc.segs, lc.ls + a);
  if (k < 0 || lc.segs[k + 2] !== Seg.Str) return null;
  const segStart = lc.segs[k]! - lc.ls;
  const segEnd = lc.segs[k + 1]! - lc.ls;
  const before = code(lt, a - 1);
  if (a !== segStart && before !== 32 && before !== 9 && before !== 40) return null;
  let e = p + 1;
  while (e < segEnd && !/[\s"'`;&|)\\]/.test(lt[e]!)) e++;
  if (e <= p + 1) return null;
  const sink = sinkOf(lc, lc.ls + p + 1, lc.ls + e, k, strong);
  if (!sink || (sink.verdict === 'dummy' && !holdsShell(lc, k) && lc.segs[k + 3] !== Interp.Shell)) return null;
  return sink;
}

/** getenv("NAME", / environ.get("NAME", / ENV.fetch("NAME", / Sys.getenv("NAME", unset = */
const ENV_DEFAULT =
  /(?<![\w.])(?:(?:os\.)?(?:getenv|environ\.get)|ENV\.fetch|Sys\.getenv)\(\s*["']([A-Za-z_][\w]*)["']\s*,\s*(?:unset\s*=\s*)?/g;
/** process.env.NAME || / ?? (and process.env["NAME"]) */
const JS_ENV_DEFAULT = /\bprocess\.env(?:\.([A-Za-z_]\w*)|\[\s*["']([A-Za-z_]\w*)["']\s*\])\s*(?:\|\||\?\?)\s*()/g;
const ENV_LOOKUPS: readonly RegExp[] = [ENV_DEFAULT, JS_ENV_DEFAULT];

/** After a name ending at `p`: the start of the assigned value, or -1 (`==`, `=~`, `:` of a ternary are not). */
function assignedValueStart(lt: string, p: number): number {
  const c0 = code(lt, p);
  if (c0 === 92 && isQuote(code(lt, p + 1))) p += 2;
  else if (isQuote(c0)) p++;
  if (code(lt, p) === 93) p++;
  while (code(lt, p) === 32 || code(lt, p) === 9) p++;
  const c = code(lt, p);
  if (c === 58) p += code(lt, p + 1) === 61 ? 2 : code(lt, p + 1) === 58 ? 99 : 1;
  else if (c === 61) {
    const n = code(lt, p + 1);
    if (n === 61 || n === 126) return -1;
    p += n === 62 ? 2 : 1;
  } else return -1;
  while (code(lt, p) === 32 || code(lt, p) === 9) p++;
  return p < lt.length ? p : -1;
}

/** The sinks on the judged line (computed once per line, shared by the rules that read them). */
export function sinksOf(lc: LineCtx, lt: string): readonly Sink[] {
  if (lc.sinks === undefined) lc.sinks = findSinks(lc, lt);
  return lc.sinks as Sink[];
}

/** Whether the sink counts here: PredictHQ sinks always; generic ones in a file about PredictHQ, or when placeholder-shaped. */
export function sinkApplies(lc: LineCtx, s: Sink): boolean {
  return s.strong || (s.verdict === 'dummy' && s.placeholderShaped) || aboutPhq(lc);
}
