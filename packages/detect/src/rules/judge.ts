// Runs the rules over one line that a trigger selected. Built once from the rule list: the
// union of the rules' triggers (for the trigger search), one regex that ORs their prefilters
// plus their function prefilters (mayFire), and the judges in list order.
import type { Finding } from '../types';
import type { Segments } from '../lexer/types';
import type { ScanContext } from './context';
import { RULES, type Rule, type Trigger } from './index';
import type { LineCtx } from './line';
import { suppressionFor } from './suppress';

const ENGINE_RULES = RULES.filter((r) => r.runsIn === 'engine' && r.judge);
const JUDGES = ENGINE_RULES.map((r) => r.judge!);
const FN_PREFILTERS = ENGINE_RULES.filter((r) => r.mayFire).map((r) => r.mayFire!);
const EXTRA_TRIGGERS = ENGINE_RULES.filter((r) => r.extraTriggers).map((r) => r.extraTriggers!);

/** One case-insensitive regex: any rule's prefilter matches. */
export function combinePrefilters(rules: readonly Rule[]): RegExp | null {
  const sources = rules.filter((r) => r.prefilter).map((r) => r.prefilter!.source);
  return sources.length ? new RegExp(sources.join('|'), 'i') : null;
}

const MAY_FIRE = combinePrefilters(ENGINE_RULES);

/** Every trigger anchor some engine rule needs. */
export const TRIGGERS: readonly Trigger[] = [...new Set(ENGINE_RULES.flatMap((r) => r.triggers))];

/**
 * Cheap test of a selected line: false when no rule can fire on it, so the line needs
 * neither segments nor judging. A superset of every rule's condition.
 */
export function mayFire(ctx: ScanContext, lt: string): boolean {
  if (MAY_FIRE !== null && MAY_FIRE.test(lt)) return true;
  for (const f of FN_PREFILTERS) if (f(ctx, lt)) return true;
  return false;
}

/** Extra sources of lines to judge: the user's patterns, and token runs when fingerprints are known. */
export function extraTriggers(ctx: ScanContext): RegExp[] {
  const out: RegExp[] = [];
  for (const f of EXTRA_TRIGGERS) out.push(...f(ctx));
  return out;
}

/** Kinds that describe one value: a second finding of the same family on the same text is dropped. */
function family(f: Finding): number {
  if (f.ruleId === 'phq/custom-placeholder') return 0; // the user's own patterns are always reported
  return f.kind === 'placeholder' ? 1 : f.kind === 'known-token' || f.kind === 'hardcoded-token' ? 2 : 0;
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
  const lc: LineCtx = {
    ctx,
    text,
    ls,
    le,
    base,
    line,
    segs,
    sup: suppressions ? suppressionFor(text, ls, le) : null,
    out,
    sinks: undefined,
  };
  const from = out.length;
  for (const judge of JUDGES) judge(lc, lt);
  if (out.length - from > 1) {
    // Earlier rules win (known-token before hardcoded-token, a placeholder spelling before
    // the sink rule's dummy value): a later finding overlapping one of its family is dropped.
    const mine = out.splice(from);
    const kept: Finding[] = [];
    for (const f of mine) {
      const fam = family(f);
      if (
        fam !== 0 &&
        kept.some((g) => family(g) === fam && g.offset < f.offset + f.length && f.offset < g.offset + g.length)
      )
        continue;
      kept.push(f);
    }
    kept.sort(compareFindings);
    for (const f of kept) out.push(f);
  }
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.offset - b.offset || a.length - b.length || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
