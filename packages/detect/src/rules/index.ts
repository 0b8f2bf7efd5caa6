// The one list of rules. The engine judges lines with the `engine` rules in this order
// (known tokens before the shape rule, so that one value gives one finding); the SARIF
// formatter, the language server's documentation links and the docs test read it too.
// A new rule is a new module here, with its fixtures; rules.unit.test.ts checks that every
// rule's fixtures pass its own triggers and prefilter and that docs/rules.md has its heading.
import { browserExposureRule } from './browser-exposure';
import { customPlaceholderRule } from './custom-placeholder';
import { dummyTokenRule } from './dummy-token';
import { endpointRule } from './endpoint';
import { hardcodedTokenRule } from './hardcoded-token';
import { knownTokenRule } from './known-token';
import { DEFAULT_SEVERITY } from './line';
import { missingScopeRule } from './missing-scope';
import { placeholderInDocsRule } from './placeholder-in-docs';
import { placeholderRule } from './placeholder';
import type { Rule } from './rule';

export type { Rule, RuleFixture, Trigger } from './rule';

export const RULES: readonly Rule[] = [
  placeholderRule,
  placeholderInDocsRule,
  customPlaceholderRule,
  dummyTokenRule,
  knownTokenRule,
  hardcodedTokenRule,
  browserExposureRule,
  endpointRule,
  missingScopeRule,
];

for (const r of RULES) DEFAULT_SEVERITY.set(r.id, r.severity);

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
