// Scores the engine on the labeled development set: recall on "must flag" and the rate of
// "must not flag" occurrences flagged, per category and overall. A labeled span counts as
// flagged when any finding (any rule, any severity) overlaps it.
// Run: npx tsx packages/detect/test/devset/score.ts [--misses]
import { isNotebookFile, scan, scanNotebook } from '../../src';
import { devCases, type Category, type DevCase } from './cases';

export interface Row {
  category: Category | 'overall';
  mustFlag: number;
  found: number;
  mustNot: number;
  falseFlags: number;
}

export interface Outcome {
  c: DevCase;
  flagged: boolean;
}

/** Runs every case; returns each outcome. */
export function runDevSet(cases: DevCase[] = devCases()): Outcome[] {
  return cases.map((c) => {
    const s = c.text.indexOf('«');
    const e = c.text.indexOf('»') - 1;
    if (s < 0 || e < s) throw new Error(`no «» span in ${JSON.stringify(c.text)}`);
    const text = c.text.replace('«', '').replace('»', '');
    // A notebook is judged cell by cell, as `scan` (the CLI) and the language server do.
    const options = { languageId: c.languageId, fileName: c.fileName };
    const f = isNotebookFile(c.fileName ?? '') ? scanNotebook(text, options) : scan(text, options);
    const flagged = f.some(
      (x) =>
        (e > s ? x.offset < e && x.offset + x.length > s : x.offset <= s && x.offset + x.length >= s) &&
        (c.counts ?? (() => true))(x),
    );
    return { c, flagged };
  });
}

export function score(outcomes: Outcome[]): Row[] {
  const rows = new Map<string, Row>();
  const row = (k: Category | 'overall'): Row => {
    let r = rows.get(k);
    if (!r) rows.set(k, (r = { category: k, mustFlag: 0, found: 0, mustNot: 0, falseFlags: 0 }));
    return r;
  };
  for (const { c, flagged } of outcomes) {
    for (const r of [row(c.category), row('overall')]) {
      if (c.flag) {
        r.mustFlag++;
        if (flagged) r.found++;
      } else {
        r.mustNot++;
        if (flagged) r.falseFlags++;
      }
    }
  }
  const all = rows.get('overall')!;
  rows.delete('overall');
  return [...rows.values(), all];
}

const pct = (a: number, b: number): string => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);

export function formatRows(rows: Row[]): string {
  const lines = ['| category | must flag | recall | must not flag | false flags |', '| --- | --- | --- | --- | --- |'];
  for (const r of rows)
    lines.push(
      `| ${r.category} | ${r.mustFlag} | ${pct(r.found, r.mustFlag)} | ${r.mustNot} | ${pct(r.falseFlags, r.mustNot)} (${r.falseFlags}) |`,
    );
  return lines.join('\n');
}

if (require.main === module) {
  const outcomes = runDevSet();
  console.log(formatRows(score(outcomes)));
  if (process.argv.includes('--misses'))
    for (const o of outcomes)
      if (o.flagged !== o.c.flag)
        console.log(`\n${o.c.flag ? 'MISSED' : 'FALSE FLAG'} [${o.c.category}] ${o.c.fileName}\n${o.c.text}`);
}
