// The rule list: every rule's own fixtures fire, and on lines its own triggers and prefilter
// select (a rule that forgot a trigger or a prefilter would silently never fire in a scan);
// ids are unique; docs/rules.md has a heading per rule.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { RULES, scan } from '../src';
import { combinePrefilters } from '../src/rules/judge';
import { compileOptions } from '../src/rules/context';
import { TriggerFinder } from '../src/triggers';

/** The line of `text` that holds offset `at`. */
function lineAt(text: string, at: number): { ls: number; lt: string } {
  const ls = text.lastIndexOf('\n', at - 1) + 1;
  const nl = text.indexOf('\n', at);
  return { ls, lt: text.slice(ls, nl < 0 ? text.length : nl).replace(/\r$/, '') };
}

suite('rules', () => {
  test('ids are unique and every rule has metadata', () => {
    assert.equal(new Set(RULES.map((r) => r.id)).size, RULES.length);
    for (const r of RULES) {
      assert.match(r.id, /^phq\/[a-z-]+$/);
      assert.ok(r.sarif.name && r.sarif.short && r.sarif.full, r.id);
      if (r.runsIn === 'engine')
        assert.ok(r.judge || r.reportedBy, `${r.id} has a judge or names the rule that reports it`);
    }
  });

  for (const rule of RULES.filter((r) => r.runsIn === 'engine')) {
    test(`${rule.id}: its fixtures fire, on lines its own triggers and prefilter select`, () => {
      assert.ok(rule.fixtures.length > 0, 'at least one fixture');
      const own = combinePrefilters([rule]);
      for (const fx of rule.fixtures) {
        const mine = scan(fx.text, fx.options).filter((f) => f.ruleId === rule.id);
        assert.ok(mine.length > 0, `no ${rule.id} finding in ${JSON.stringify(fx.text)}`);
        const ctx = compileOptions(fx.options);
        // The rule that judges it: itself, or the one named by reportedBy.
        const judge = rule.reportedBy ? RULES.find((r) => r.id === rule.reportedBy)! : rule;
        const ownPre = rule.reportedBy ? combinePrefilters([judge]) : own;
        for (const f of mine) {
          const { ls, lt } = lineAt(fx.text, f.offset);
          const extra = judge.extraTriggers?.(ctx) ?? [];
          const byAnchor = (() => {
            const t = new TriggerFinder(lt, rule.triggers).next(0);
            return t >= 0;
          })();
          const byExtra = extra.some((re) => {
            re.lastIndex = 0;
            return re.test(lt);
          });
          assert.ok(byAnchor || byExtra, `${rule.id}: no own trigger on line ${JSON.stringify(lt)} (offset ${ls})`);
          const pre = (ownPre?.test(lt) ?? false) || (judge.mayFire?.(ctx, lt) ?? false);
          assert.ok(pre, `${rule.id}: its prefilter rejects ${JSON.stringify(lt)}`);
        }
      }
    });
  }

  test('docs/rules.md has a heading for every rule', () => {
    const md = readFileSync(path.resolve(__dirname, '../../../docs/rules.md'), 'utf8');
    const anchors = new Set(
      [...md.matchAll(/^## (.+)$/gm)].map((m) => m[1]!.trim().toLowerCase().replace(/\s+/g, '-')),
    );
    for (const r of RULES) assert.ok(anchors.has(r.docs), `docs/rules.md lacks "## ${r.docs}"`);
  });
});
