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

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}

/** Where docs/rules.md is published: the help link of every diagnostic and SARIF rule. */
export const RULES_DOC_URL = 'https://github.com/predicthq-tokens/predicthq-tokens/blob/main/docs/rules.md';

/** The rule's section of docs/rules.md (its descriptor's `docs` anchor). */
export function ruleDocsUrl(rule: Pick<Rule, 'id' | 'docs'> | string): string {
  const r = typeof rule === 'string' ? (ruleById(rule) ?? { id: rule, docs: rule.replace(/^phq\//, '') }) : rule;
  return `${RULES_DOC_URL}#${r.docs}`;
}
