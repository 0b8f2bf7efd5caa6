// A token literal with no token name, followed to the sink within the file (docs/detection.md,
// "Following a value"): `const k = '<token>'` ... `Authorization: \`Bearer ${k}\``,
// `secret = "<token>"` ... `Client(access_token=secret)`. While lines are judged, the names a
// PredictHQ sink reads (`${k}`, `{k}`, `"Bearer " + k`, `access_token=k`, `settings.phq`) are
// collected; after the scan, a literal assigned to one of those names is a hardcoded token
// when it looks like one. Rare (most files have no such name), so the second pass costs
// nothing elsewhere; the incremental scanner falls back to a full scan in files that have one.
import type { Finding } from '../types';
import { Walker } from '../engine';
import { Seg, initialState, type Segments } from '../lexer/types';
import type { ScanContext } from './context';
import { reportHardcoded } from './hardcoded-token';
import { segAt, type LineCtx } from './line';
import { isLikelyToken } from './shape';
import { aboutPhq, nameClass } from './sinks';
import { suppressionFor } from './suppress';

/** `Bearer ${k}`, `Bearer {k}`, `"Bearer " + k`, `"Bearer %s" % k`: the name in groups 1-4. */
const BEARER_REF =
  /Bearer\s*(?:\$\{\s*([A-Za-z_$][\w$.]*)\s*\}|\{\s*([A-Za-z_][\w.]*)\s*\}|["'`]\s*\+\s*([A-Za-z_$][\w$.]*)|%s["']\s*%\s*([A-Za-z_][\w.]*))/g;
/** A token name given a bare name: `access_token=secret`, `access_token: CREDS`, `api_key = settings.phq`. */
const SINK_REF =
  /([\w$.-]*(?:token|api[_-]?key|apikey|(?:phq|predicthq)[_-]?key)[\w$.-]*)["'\]]?\s*(?:=|:)\s*([A-Za-z_$][\w$.]*)\s*(?=[,)};]|$)/gi;
const NOT_A_NAME = /^(?:null|none|nil|undefined|true|false|this|self|new|await|os|process)$/i;

/** A cheap test for the judge's prefilter: the line may hold a reference the collector reads. */
export const FOLLOW_PREFILTER = /bearer\s*["'`]\s*\+|(?:ken|key)\w*["'\]]?\s*[=:]\s*[A-Za-z_$][\w$.]*\s*(?:[,)};]|$)/;

function follow(lc: LineCtx, ref: string): void {
  const name = ref.slice(ref.lastIndexOf('.') + 1);
  if (!name || NOT_A_NAME.test(name)) return;
  (lc.ctx.follow ??= new Set()).add(name);
}

/** Collects the names the line's PredictHQ sinks read (called by the hardcoded-token judge). */
export function collectFollowed(lc: LineCtx, lt: string): void {
  if (lt.includes('earer')) {
    BEARER_REF.lastIndex = 0;
    for (let m = BEARER_REF.exec(lt); m; m = BEARER_REF.exec(lt)) {
      const k = segAt(lc.segs, lc.ls + m.index);
      if (k < 0 || lc.segs[k + 2] !== Seg.Str || !aboutPhq(lc)) continue;
      follow(lc, m[1] ?? m[2] ?? m[3] ?? m[4] ?? '');
    }
  }
  SINK_REF.lastIndex = 0;
  for (let m = SINK_REF.exec(lt); m; m = SINK_REF.exec(lt)) {
    const at = lc.ls + m.index + m[0].length - m[2]!.length;
    if (segAt(lc.segs, at) >= 0 || segAt(lc.segs, lc.ls + m.index) >= 0) continue; // code only
    const cls = nameClass(m[1]!.replace(/^[.$-]+|[.$-]+$/g, ''));
    if (cls === 'phq' || (cls === 'generic' && aboutPhq(lc))) follow(lc, m[2]!);
  }
}

const escape = (s: string): string => s.replace(/[$.]/g, '\\$&');

/** After a scan: literals assigned to the followed names, reported as hardcoded tokens (appended to `out`). */
export function reportFollowed(ctx: ScanContext, text: string, out: Finding[]): void {
  if (!ctx.follow || ctx.follow.size === 0) return;
  const names = [...ctx.follow].map(escape).join('|');
  const re = new RegExp(
    String.raw`(?<![\w$])(?:${names})["']?\s*(?::\s*[\w.[\]| ]+?\s*)?(?:=|:)\s*[rbuRBU]?(["'\`])([A-Za-z0-9_\-.~+/]{20,512}=*)\1`,
    'g',
  );
  const walker = new Walker(text, ctx.dialect.lexer, { pos: 0, line: 0, state: initialState() });
  const segs: Segments = [];
  const reported = new Set(out.map((f) => f.offset));
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const value = m[2]!;
    const s = m.index + m[0].length - value.length - 1;
    const ls = text.lastIndexOf('\n', m.index - 1) + 1;
    if (ls < walker.cur.pos || reported.has(s) || !isLikelyToken(value)) continue;
    walker.advance(ls);
    segs.length = 0;
    const le = walker.lexLine(segs);
    const k = segAt(segs, s);
    const nk = segAt(segs, m.index);
    if (k < 0 || segs[k + 2] !== Seg.Str || (nk >= 0 && segs[nk + 2] === Seg.Comment)) continue;
    const lc: LineCtx = {
      ctx,
      text,
      ls,
      le,
      base: 0,
      line: () => walker.lineAt(ls),
      segs,
      sup: suppressionFor(text, ls, le),
      out,
      sinks: undefined,
    };
    reportHardcoded(lc, s, value, k, true);
  }
}
