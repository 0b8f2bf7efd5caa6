// Adding a rule is one descriptor (docs/common-tasks.md, "Add a detection rule"): a throwaway
// rule, compiled with the built-in ones and never added to RULES, is triggered, prefiltered,
// judged, given its default severity, deduplicated by its overlap group and linked to its docs
// section, all from its descriptor. Nothing else in the engine names it.
import * as assert from 'node:assert/strict';
import { compileRules, KINDS, RULES, ruleDocsUrl, scan, type Rule } from '../src';
import { push, type LineCtx } from '../src/rules/line';

const SPELLING = 'ZZ_THROWAWAY_TOKEN';

function throwaway(overrides: Partial<Rule> = {}): Rule {
  return {
    id: 'phq/test-throwaway',
    kind: 'placeholder',
    severity: 'info',
    sarif: { name: 'TestThrowaway', short: 'A throwaway rule', full: 'Proves a rule is one descriptor.' },
    docs: 'test-throwaway',
    runsIn: 'engine',
    triggers: ['ken'],
    prefilter: /zz_throwaway_token/,
    judge(lc: LineCtx, lt: string) {
      const at = lt.indexOf(SPELLING);
      if (at < 0) return;
      const start = lc.ls + at;
      push(
        lc,
        'placeholder',
        'phq/test-throwaway',
        start,
        start + SPELLING.length,
        SPELLING,
        'throwaway',
        lc.ctx.dialect,
        {
          placeholder: SPELLING,
        },
      );
    },
    fixtures: [{ text: `key = "${SPELLING}"`, options: { languageId: 'python' } }],
    ...overrides,
  };
}

suite('a new rule is one descriptor (unit)', () => {
  test('compiled with the built-in rules, it reports with its own id, default severity and kind', () => {
    const rules = compileRules([...RULES, throwaway()]);
    const text = `headers = {"Authorization": "Bearer $API_TOKEN"}\nkey = "${SPELLING}"\n`;
    const found = scan(text, { languageId: 'python', rules });
    const mine = found.filter((f) => f.ruleId === 'phq/test-throwaway');
    assert.equal(mine.length, 1, JSON.stringify(found.map((f) => f.ruleId)));
    assert.equal(mine[0]!.severity, 'info');
    assert.equal(mine[0]!.range.start.line, 1);
    assert.ok(
      found.some((f) => f.ruleId === 'phq/placeholder'),
      'the built-in rules still run beside it',
    );
    // Without it, the same text has no such finding: the built-in list does not know it.
    assert.ok(!scan(text, { languageId: 'python' }).some((f) => f.ruleId === 'phq/test-throwaway'));
  });

  test('its severity setting and "off" apply by rule id, as for a built-in rule', () => {
    const rules = compileRules([...RULES, throwaway()]);
    const text = `key = "${SPELLING}"\n`;
    const warn = scan(text, { languageId: 'python', rules, severities: { 'phq/test-throwaway': 'warning' } });
    assert.equal(warn.find((f) => f.ruleId === 'phq/test-throwaway')?.severity, 'warning');
    const off = scan(text, { languageId: 'python', rules, severities: { 'phq/test-throwaway': 'off' } });
    assert.ok(!off.some((f) => f.ruleId === 'phq/test-throwaway'));
  });

  test('its overlap group comes from its descriptor: in the placeholder group the earlier placeholder rule wins', () => {
    // A judge that reports the whole "Bearer $API_TOKEN" text, which phq/placeholder reports too.
    const overlapping = (overlap: Rule['overlap']) =>
      throwaway({
        overlap,
        prefilter: /bearer/,
        triggers: ['bearer'],
        judge(lc: LineCtx, lt: string) {
          const at = lt.indexOf('$API_TOKEN');
          if (at >= 0)
            push(
              lc,
              'placeholder',
              'phq/test-throwaway',
              lc.ls + at,
              lc.ls + at + 10,
              '$API_TOKEN',
              'x',
              lc.ctx.dialect,
              {},
            );
        },
      });
    const text = 'headers = {"Authorization": "Bearer $API_TOKEN"}\n';
    const grouped = scan(text, { languageId: 'python', rules: compileRules([...RULES, overlapping('placeholder')]) });
    assert.ok(!grouped.some((f) => f.ruleId === 'phq/test-throwaway'), 'dropped: phq/placeholder came first');
    const alone = scan(text, { languageId: 'python', rules: compileRules([...RULES, overlapping(undefined)]) });
    assert.ok(
      alone.some((f) => f.ruleId === 'phq/test-throwaway'),
      'no group: always reported',
    );
  });

  test('its help link is its docs anchor; every kind it may report has a hover and fix family', () => {
    assert.match(ruleDocsUrl(throwaway()), /docs\/rules\.md#test-throwaway$/);
    for (const r of RULES) {
      assert.match(ruleDocsUrl(r.id), new RegExp(`#${r.docs}$`));
      if (r.kind !== 'missing-scope') assert.ok(KINDS[r.kind], `${r.kind} has a descriptor in kinds.ts`);
    }
  });

  test('a rule that reports an id missing from its rule list is an error, never a finding without a severity', () => {
    const stray = throwaway({
      judge(lc: LineCtx, lt: string) {
        const at = lt.indexOf(SPELLING);
        if (at >= 0)
          push(lc, 'placeholder', 'phq/not-in-the-list', lc.ls + at, lc.ls + at + 5, 'x', 'x', lc.ctx.dialect, {});
      },
    });
    assert.throws(
      () => scan(`key = "${SPELLING}"\n`, { languageId: 'python', rules: compileRules([...RULES, stray]) }),
      /phq\/not-in-the-list reported a finding but is not in the rule list/,
    );
  });
});
