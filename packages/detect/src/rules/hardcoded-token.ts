// phq/hardcoded-token: a long random-looking value after `Bearer `, assigned to a token /
// API-key name, or written in a token sink (see sinks.ts). Masked in match and message.
import { fingerprint, maskSecret } from '../fingerprint';
import { envReference } from '../env-reference';
import { Seg } from '../lexer/types';
import { assignedAt, dialectOf, holdsCode, nameAround, push, segAt, type LineCtx } from './line';
import * as M from './messages';
import * as P from './patterns';
import type { Rule } from './rule';
import { hasTokenRun, isLikelyToken, MIN_TOKEN_LENGTH } from './shape';
import { aboutPhq, nameClass } from './sink-names';
import { sinkApplies, sinksOf } from './sinks';

/** "Bearer " + name (a token name given a bare name is in dummy-token's prefilter, shared with its quoted form). */
const BEARER_PLUS = /bearer\s*["'`]\s*\+/i;
function readsName(lt: string): boolean {
  return lt.includes('+') && BEARER_PLUS.test(lt);
}

const VALUE = /[A-Za-z0-9_\-.~+/]+=*/y;
const TOKEN_WORD = /token|api[_-]?key|apikey/i;

/**
 * Reports a hardcoded token. `phq` says whether it is known to be PredictHQ's (a PredictHQ
 * sink or name, or a generic name in a file about PredictHQ); otherwise the message is about
 * a secret, with no PredictHQ advice (`name` says where it is).
 */
export function reportHardcoded(lc: LineCtx, s: number, value: string, k: number, phq = true, name = ''): void {
  const d = dialectOf(lc, k);
  const masked = maskSecret(value);
  const ref = envReference(d.languageId, lc.ctx.envVar);
  const message = phq ? M.hardcodedMessage(masked, ref) : M.secretMessage(masked, name);
  // Quick fixes and hovers suggest data.envVar: for a name that says another service, its own
  // variable; otherwise the user's (a generic name or a bare Bearer value may well be PredictHQ's).
  const envVar = phq || !name || nameClass(name) !== null ? lc.ctx.envVar : envName(name);
  push(
    lc,
    'hardcoded-token',
    'phq/hardcoded-token',
    s,
    s + value.length,
    masked,
    message,
    d,
    { fingerprint: fingerprint(value) },
    envVar,
  );
}

/** An environment variable name for a secret named `name` (`ticketmasterApiKey` -> TICKETMASTER_API_KEY). */
function envName(name: string): string {
  const last = name.slice(name.lastIndexOf('.') + 1).replace(/^[^A-Za-z_]+/, '');
  const snake = last
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .toUpperCase();
  return /^[A-Z_][A-Z0-9_]*$/.test(snake) ? snake : 'API_TOKEN';
}

/** Whether a token assigned to `name` is PredictHQ's: a PredictHQ name, or a generic one in a file about PredictHQ. */
function phqName(lc: LineCtx, name: string): boolean {
  const cls = nameClass(name);
  return cls === 'phq' || (cls === 'generic' && aboutPhq(lc));
}

export const hardcodedTokenRule: Rule = {
  id: 'phq/hardcoded-token',
  kind: 'hardcoded-token',
  overlap: 'token',
  severity: 'error',
  sarif: {
    name: 'HardcodedToken',
    short: 'Hardcoded API token',
    full: 'A long random value after "Bearer ", assigned to a token or API-key variable, or written where PredictHQ reads its token: anyone who can read the file can use it.',
  },
  docs: 'hardcoded-token',
  runsIn: 'engine',
  triggers: ['ken', 'bearer'],
  prefilter: /bearer\s+[A-Za-z0-9_\-.~+/]{20}/,
  // Token assignments need a token-ish name and a value of at least MIN_TOKEN_LENGTH.
  // Lines that give a sink a bare name are judged too: the name is followed (follow.ts).
  mayFire: (_ctx, lt) => (TOKEN_WORD.test(lt) && hasTokenRun(lt, MIN_TOKEN_LENGTH)) || readsName(lt),
  judge(lc, lt) {
    const seen = new Set<number>();
    const hardcoded = (s: number, value: string, k: number, phq: boolean, name: string): void => {
      if (seen.has(s) || !isLikelyToken(value)) return;
      seen.add(s);
      reportHardcoded(lc, s, value, k, phq, name);
    };
    const bearer = P.BEARER_VALUE;
    bearer.lastIndex = 0;
    for (let m = bearer.exec(lt); m; m = bearer.exec(lt)) {
      const v = m[1]!;
      const s = lc.ls + m.index + m[0].length - v.length;
      const k = segAt(lc.segs, s);
      if (k < 0 || s + v.length > lc.segs[k + 1]!) continue;
      if (lc.segs[k + 2] === Seg.Prose && !lc.ctx.prose) continue;
      hardcoded(s, v, k, aboutPhq(lc), '');
    }
    const words = P.TOKEN_NAME_WORD;
    words.lastIndex = 0;
    for (let m = words.exec(lt); m; m = words.exec(lt)) {
      const [a, end] = nameAround(lt, m.index, m[0].length);
      const name = lt.slice(a, end);
      let p = end;
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
      // A name and an unquoted value inside a string of embedded code (a source map) are
      // that code's expressions, not an assignment of a literal.
      if (holdsCode(lc, k)) continue;
      hardcoded(s, value, k, phqName(lc, name), name);
    }
    // Token sinks: a value that is not a dummy can be a real token, whatever its shape.
    for (const sink of sinksOf(lc, lt)) {
      if (sink.verdict === 'token' && !seen.has(sink.start) && sinkApplies(lc, sink)) {
        seen.add(sink.start);
        reportHardcoded(lc, sink.start, sink.value, sink.k);
      }
    }
  },
  fixtures: [
    { text: 'api_token = "FAKEq1w2e3r4t5y6u7i8o9p0AsDfGhJkLzXcVbNm"', options: { languageId: 'python' } },
    {
      text: 'curl -H "Authorization: Bearer FAKEq1w2e3r4t5y6u7i8o9p0AsDfGhJkLzXcVbNm" https://api.predicthq.com/v1/events/',
      options: { languageId: 'shellscript' },
    },
  ],
};
