// What a detection rule is: one descriptor per rule (as ESLint's `meta` + `create`), read by
// the engine (triggers, prefilter, judge), the SARIF formatter (metadata), the language
// server (documentation links) and the docs test (one heading per rule in docs/rules.md).
import type { FindingKind, ScanOptions, Severity } from '../types';
import type { ScanContext } from './context';
import type { LineCtx } from './line';

/**
 * Anchors the trigger search knows (see triggers.ts): "ken" / "key" in any case (token,
 * api_key...), "bearer" in any case, "/v1/". A rule names the ones every match of it contains.
 */
export type Trigger = 'ken' | 'bearer' | 'v1';

export interface RuleFixture {
  /** A sample the rule must report on (its own table tests use more; these prove it can fire). */
  text: string;
  options: Omit<ScanOptions, 'severities'>;
}

export interface Rule {
  /** Stable id, e.g. "phq/placeholder". */
  id: string;
  kind: FindingKind | 'missing-scope';
  severity: Severity;
  /** SARIF reportingDescriptor fields. */
  sarif: { name: string; short: string; full: string };
  /** Heading anchor in docs/rules.md. */
  docs: string;
  /** Where the rule runs: the engine (every front end) or only the language server. */
  runsIn: 'engine' | 'server';
  /** Trigger anchors every match of this rule contains. */
  triggers: readonly Trigger[];
  /** Extra places to look at (user patterns, token runs), when the options ask for them. */
  extraTriggers?(ctx: ScanContext): readonly RegExp[];
  /**
   * A cheap test of a selected line (case-insensitive, no flags needed): a superset of the
   * lines the judge can report on. The engine ORs every rule's prefilter into one regex.
   */
  prefilter?: RegExp;
  /** A further cheap test, for conditions a regex cannot say (token-shaped runs, options). */
  mayFire?(ctx: ScanContext, lt: string): boolean;
  /** Reports on one selected line. Absent for a rule reported by another's judge (`reportedBy`). */
  judge?(lc: LineCtx, lt: string): void;
  /** The rule whose judge reports this id (placeholder-in-docs is reported by placeholder). */
  reportedBy?: string;
  /**
   * Findings that describe one value: where two findings of the same group overlap on one
   * line, the earlier rule's (in RULES order) is kept. No group: always reported (the user's
   * own patterns, endpoints).
   */
  overlap?: 'placeholder' | 'token';
  fixtures: readonly RuleFixture[];
}
