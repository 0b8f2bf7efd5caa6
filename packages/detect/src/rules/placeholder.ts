// phq/placeholder: a known token placeholder spelling ($API_TOKEN, {TOKEN}, <api_token>,
// YOUR_API_TOKEN, "Bearer TOKEN", the SDKs' Acc3sS-t0keN) where it is sent as written.
// Also reports phq/placeholder-in-docs (the same inside Markdown code blocks and prose).
import { Interp, Seg } from '../lexer/types';
import { envReference } from '../env-reference';
import { code, dialectOf, holdsCode, push, segAt, type LineCtx } from './line';
import { aboutPhq } from './sink-names';
import * as M from './messages';
import * as P from './patterns';
import type { Rule } from './rule';
import { holdsShell } from './shell-strings';
import { lowerInTemplates } from './templates';
import { lowerInTests } from './test-paths';

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

/**
 * A bare lower-case `token` ($token, ${token}, [token], <token>, "Bearer token") is a variable,
 * a usage metavariable or someone else's test value far more often than a PredictHQ
 * placeholder: it counts only in files about PredictHQ. The documented spellings are upper
 * case (TOKEN, $API_TOKEN) or name the kind of token ({api_token}, <access_token>).
 */
function documented(m: string): boolean {
  const name = m.replace(/^[$]?[{[<]?|[}\]>]$/g, '');
  return name.toLowerCase() !== 'token' || name === 'TOKEN';
}
/** YOUR_API_TOKEN, YOUR_ACCESS_TOKEN and any YOUR_..._ that names PredictHQ: the docs' own spellings. */
const YOUR_DOCUMENTED = /PREDICTHQ|PHQ|(?:API|ACCESS)[_-]TOKEN/i;

/** Whether placeholder-ish text at [s, e) in segment k is sent literally (group = form, see sigilGroup). */
export function sentLiterally(lc: LineCtx, k: number, s: number, e: number, group: number): boolean {
  const interp = interpOf(lc, k);
  const prose = lc.segs[k + 2] === Seg.Prose;
  if (interp === Interp.BearerOnly || prose) {
    if (group !== 7 && !BEARER_BEFORE.test(lc.text.slice(Math.max(lc.ls, s - 24), s))) return false;
  }
  // Shell text held in a YAML value or an npm script: single quotes there stop expansion.
  if (interp === Interp.Shell && (group === 1 || group === 2) && quotedInShellText(lc, k, s)) return true;
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

/** The segment's interpolation kind; package.json strings are npm scripts, run by a shell. */
export function interpOf(lc: LineCtx, k: number): number {
  const interp = lc.segs[k + 3]!;
  return interp === Interp.None && holdsShell(lc, k) ? Interp.Shell : interp;
}

/** Whether `s` is inside '...' in shell text that a YAML value or package.json string holds. */
function quotedInShellText(lc: LineCtx, k: number, s: number): boolean {
  const lang = dialectOf(lc, k).languageId;
  if (lang !== 'yaml' && !holdsShell(lc, k)) return false;
  let single = false;
  let double = false;
  for (let i = lc.segs[k]!; i < s; i++) {
    const c = lc.text.charCodeAt(i);
    if (c === 39 && !double) single = !single;
    else if (c === 34 && !single) double = !double;
  }
  return single;
}

/** Form of a sigil placeholder from its first characters: 1 `${`, 2 `$`, 3 `{`, 4 `[` or `<`. */
function sigilGroup(m: string): number {
  if (m.charCodeAt(0) === 36) return m.charCodeAt(1) === 123 ? 1 : 2;
  return m.charCodeAt(0) === 123 ? 3 : 4;
}

/**
 * Reports placeholder text at [s, e) if it sits in a string or value where it is sent as
 * written. `why` overrides the message's reason (the sink rule says why a value cannot work).
 */
export function judgePlaceholder(lc: LineCtx, s: number, e: number, group: number, rule: string, why?: string): void {
  const k = segAt(lc.segs, s);
  if (k < 0) return;
  const kind = lc.segs[k + 2]!;
  if (kind === Seg.Comment || (kind === Seg.Prose && !lc.ctx.prose)) return;
  if (e > lc.segs[k + 1]!) return;
  if (!sentLiterally(lc, k, s, e, group)) return;
  if (holdsCode(lc, k)) return;
  const d = dialectOf(lc, k);
  const docs = kind === Seg.Prose || lc.segs[k + 4] !== 0 || d.markdown;
  const ph = lc.text.slice(s, e);
  const ruleId = docs && rule !== 'phq/custom-placeholder' ? 'phq/placeholder-in-docs' : rule;
  const ref = envReference(d.languageId, lc.ctx.envVar);
  const reason = why ?? (kind === Seg.Prose ? 'readers copy it as written' : M.sentAsIs(d, lc.segs[k + 3]!, ph));
  const message = why ? M.dummyMessage(ph, reason, ref, docs) : M.placeholderMessage(ph, reason, ref, docs);
  const f = push(lc, 'placeholder', ruleId, s, e, ph, message, d, { placeholder: ph });
  if (!f || lc.ctx.severities[ruleId]) return;
  if (kind === Seg.Prose) f.severity = 'info';
  else lowerInTests(lc, f);
  lowerInTemplates(lc, f);
}

export const placeholderRule: Rule = {
  id: 'phq/placeholder',
  kind: 'placeholder',
  overlap: 'placeholder',
  severity: 'error',
  sarif: {
    name: 'UnfilledTokenPlaceholder',
    short: 'Unfilled API token placeholder',
    full: 'A token placeholder such as $API_TOKEN sits where it is sent as written (a string literal, a single-quoted shell string, a config value), so the API receives the literal text and answers 401.',
  },
  docs: 'placeholder',
  runsIn: 'engine',
  triggers: ['ken', 'bearer'],
  prefilter:
    /[${[<](?:PHQ_|PREDICTHQ_)?(?:API_|ACCESS_|OAUTH2_ACCESS_)?TOKEN|[${[<](?:PHQ_|PREDICTHQ_)API_KEY|YOUR[_-]|Acc3sS|bearer\s+(?:TOKEN|API_|ACCESS_|PHQ_|PREDICTHQ_)/,
  judge(lc, lt) {
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
      if (!documented(m[0]) && !aboutPhq(lc)) continue;
      judgePlaceholder(lc, s, e, group, 'phq/placeholder');
    }
    const lower = lt.toLowerCase();
    if (lower.includes('your')) {
      const re = P.YOUR_PLACEHOLDER;
      re.lastIndex = 0;
      for (let m = re.exec(lt); m; m = re.exec(lt)) {
        const s = lc.ls + m.index;
        if (!YOUR_DOCUMENTED.test(m[0]) && !aboutPhq(lc)) continue;
        judgePlaceholder(lc, s, s + m[0].length, 5, 'phq/placeholder');
      }
    }
    if (lower.includes('bearer')) {
      const re = P.BEARER_NAME;
      re.lastIndex = 0;
      for (let m = re.exec(lt); m; m = re.exec(lt)) {
        const s = lc.ls + m.index + m[0].length - m[1]!.length;
        if (!documented(m[1]!) && !aboutPhq(lc)) continue;
        judgePlaceholder(lc, s, s + m[1]!.length, 7, 'phq/placeholder');
      }
    }
    for (let at = lt.indexOf(P.SDK_FAKE_TOKEN); at >= 0; at = lt.indexOf(P.SDK_FAKE_TOKEN, at + 1)) {
      judgePlaceholder(lc, lc.ls + at, lc.ls + at + P.SDK_FAKE_TOKEN.length, 6, 'phq/placeholder');
    }
  },
  fixtures: [
    { text: 'h = {"Authorization": "Bearer $API_TOKEN"}', options: { languageId: 'python' } },
    { text: "fetch(u, { headers: { Authorization: 'Bearer {TOKEN}' } })", options: { languageId: 'javascript' } },
    { text: 'phq = Client(access_token="Acc3sS-t0keN")', options: { languageId: 'python' } },
    { text: 'token: YOUR_PREDICTHQ_API_TOKEN', options: { languageId: 'yaml' } },
    { text: "curl -H 'Authorization: Bearer TOKEN' https://api.predicthq.com", options: { languageId: 'shellscript' } },
  ],
};
