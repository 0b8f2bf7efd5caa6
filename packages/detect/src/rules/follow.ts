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
import { BUILT_IN_RULES } from './judge';
import { segAt, type LineCtx } from './line';
import { isLikelyToken } from './shape';
import { suppressionFor } from './suppress';

const NOT_A_NAME = /^(?:null|none|nil|undefined|true|false|this|self|new|await|os|process)$/i;
/** Names the line-by-line rules judge themselves (a literal assigned to them is a sink already). */
const SINK_WORD = /token|api[_-]?key|apikey|(?:phq|predicthq)[_-]?key/i;

/** The name to follow for a reference (`k`, `settings.phq`: its last member), or '' when there is none to follow. */
export function followable(ref: string): string {
  const name = ref.slice(ref.lastIndexOf('.') + 1);
  return !name || NOT_A_NAME.test(name) || SINK_WORD.test(name) ? '' : name;
}

/** Records that a PredictHQ sink reads `name` (from followable). */
export function followName(lc: LineCtx, name: string): void {
  (lc.ctx.follow ??= new Set()).add(name);
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
      defaults: (ctx.rules ?? BUILT_IN_RULES).defaults,
    };
    reportHardcoded(lc, s, value, k, true);
  }
}
