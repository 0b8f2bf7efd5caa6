// Runs the rules over one line that a trigger selected. Built once from a rule list (RULES,
// or a test's own): the union of the rules' triggers (for the trigger search), one regex that
// ORs their prefilters plus their function prefilters (mayFire), the judges in list order,
// and each rule's default severity and overlap group, read from its descriptor.
import type { Finding } from '../types';
import type { Segments } from '../lexer/types';
import type { ScanContext } from './context';
import { RULES, type Rule, type Trigger } from './index';
import type { LineCtx } from './line';
import { suppressionFor } from './suppress';

/** A rule list made ready for the engine's loop: everything the engine asks of the rules. */
export interface CompiledRules {
  /** Every trigger anchor some engine rule needs. */
  triggers: readonly Trigger[];
  /** Default severity per rule id, from the descriptors. */
  defaults: ReadonlyMap<string, Finding['severity']>;
  /**
   * Cheap test of a selected line: false when no rule can fire on it, so the line needs
   * neither segments nor judging. A superset of every rule's condition.
   */
  mayFire(ctx: ScanContext, lt: string): boolean;
  /** Extra sources of lines to judge: the user's patterns, and token runs when fingerprints are known. */
  extraTriggers(ctx: ScanContext): RegExp[];
  /** Judges the line text[ls, le) (segments from its lexer) and appends findings to `out`. */
  judgeLine(
    ctx: ScanContext,
    text: string,
    ls: number,
    le: number,
    line: () => number,
    segs: Segments,
    out: Finding[],
    base?: number,
    suppressions?: boolean,
  ): void;
}

/** One case-insensitive regex: any rule's prefilter matches. */
export function combinePrefilters(rules: readonly Rule[]): RegExp | null {
  const sources = rules.filter((r) => r.prefilter).map((r) => r.prefilter!.source);
  return sources.length ? new RegExp(sources.join('|'), 'i') : null;
}

/**
 * Everything the engine needs, derived from the rule descriptors alone: a new rule is a new
 * descriptor in RULES (rules/index.ts), nothing here names one.
 */
export function compileRules(rules: readonly Rule[]): CompiledRules {
  const engineRules = rules.filter((r) => r.runsIn === 'engine' && r.judge);
  const judges = engineRules.map((r) => r.judge!);
  const fnPrefilters = engineRules.filter((r) => r.mayFire).map((r) => r.mayFire!);
  const extra = engineRules.filter((r) => r.extraTriggers).map((r) => r.extraTriggers!);
  const anyPrefilter = combinePrefilters(engineRules);
  const defaults = new Map(rules.map((r) => [r.id, r.severity]));
  // Overlap group per rule id; a rule reported by another's judge shares its descriptor's group.
  const group = new Map<string, number>();
  for (const r of rules) if (r.overlap) group.set(r.id, r.overlap === 'placeholder' ? 1 : 2);
  const familyOf = (f: Finding) => group.get(f.ruleId) ?? 0;

  return {
    triggers: [...new Set(engineRules.flatMap((r) => r.triggers))],
    defaults,
    mayFire(ctx, lt) {
      if (anyPrefilter !== null && anyPrefilter.test(lt)) return true;
      for (const f of fnPrefilters) if (f(ctx, lt)) return true;
      return false;
    },
    extraTriggers(ctx) {
      const out: RegExp[] = [];
      for (const f of extra) out.push(...f(ctx));
      return out;
    },
    judgeLine(ctx, text, ls, le, line, segs, out, base = 0, suppressions = true) {
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
        defaults,
      };
      const from = out.length;
      for (const judge of judges) judge(lc, lt);
      if (out.length - from > 1) {
        // Earlier rules win (known-token before hardcoded-token, a placeholder spelling before
        // the sink rule's dummy value): a later finding overlapping one of its group is dropped.
        const mine = out.splice(from);
        const kept: Finding[] = [];
        for (const f of mine) {
          const fam = familyOf(f);
          if (
            fam !== 0 &&
            kept.some((g) => familyOf(g) === fam && g.offset < f.offset + f.length && f.offset < g.offset + g.length)
          )
            continue;
          kept.push(f);
        }
        kept.sort(compareFindings);
        for (const f of kept) out.push(f);
      }
    },
  };
}

/** The built-in rule list, compiled once. */
export const BUILT_IN_RULES = compileRules(RULES);

export function compareFindings(a: Finding, b: Finding): number {
  return a.offset - b.offset || a.length - b.length || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
