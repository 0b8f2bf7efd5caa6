// `scan --baseline` / `--write-baseline` (docs/scan.md, "Adopting in an existing repository"):
// the result filter over a finished report. Paths in the baseline are relative to the project
// root (the folder of .phq-tokens.json), whatever folder scan runs from.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Baseline, BaselineEntry } from '@phq-tokens/config';
import { configLib } from './config-lib';
import { UsageError } from '../runtime/exit-codes';
import { quotePath } from './quote-path';
import type { ScanReport } from './run';

function projectPath(report: ScanReport, projectRoot: string, file: string): string {
  return path.relative(projectRoot, path.resolve(report.root, file)).split(path.sep).join('/');
}

function load(file: string): Baseline {
  if (!existsSync(file))
    throw new UsageError(
      `the baseline ${quotePath(file)} does not exist: write it with --write-baseline, or scan with --no-baseline.`,
    );
  const { readBaseline, ConfigFileError } = configLib();
  try {
    return readBaseline(file);
  } catch (e) {
    if (e instanceof ConfigFileError) throw new UsageError(`invalid baseline:\n${e.message}`);
    throw e;
  }
}

/** Records every finding of the report; an existing file's salt is kept, so unchanged entries stay byte-identical. */
export function writeBaseline(report: ScanReport, file: string, projectRoot: string): number {
  const { readBaseline, newSalt, entryFor, formatBaseline } = configLib();
  let salt = newSalt();
  if (existsSync(file)) {
    try {
      salt = readBaseline(file).salt;
    } catch {
      // a broken or foreign file is replaced whole
    }
  }
  const entries: BaselineEntry[] = report.results.flatMap((r) =>
    r.findings.map((f) => entryFor(f, projectPath(report, projectRoot, r.file), salt)),
  );
  const text = formatBaseline({ salt, entries });
  writeFileSync(file, text);
  return (JSON.parse(text) as { entries: unknown[] }).entries.length;
}

/**
 * Drops the findings the baseline knows from `report` (in place) and records how many it
 * passed over and which of its entries this scan looked for and did not find.
 * `walked` (files mode): the paths scanned, so an entry for a file that is gone counts too.
 */
export function applyBaseline(report: ScanReport, file: string, projectRoot: string, walked?: string[]): void {
  const matcher = new (configLib().BaselineMatcher)(load(file));
  let known = 0;
  for (const r of report.results) {
    const p = projectPath(report, projectRoot, r.file);
    r.findings = r.findings.filter((f) => !(matcher.has(f, p) && ++known));
  }
  report.results = report.results.filter((r) => r.findings.length > 0);
  const judged = new Set((report.judged ?? []).map((f) => projectPath(report, projectRoot, f)));
  const under = (walked ?? []).map((w) => path.resolve(report.root, w));
  const inScope = (e: BaselineEntry): boolean => {
    if (judged.has(e.path)) return true;
    const abs = path.resolve(projectRoot, e.path);
    return under.some((u) => abs === u || abs.startsWith(u + path.sep)) && !existsSync(abs);
  };
  report.baseline = { file, known, stale: matcher.unmatched(inScope) };
}

/** stderr lines: what the baseline passed over and what no longer occurs. Token entries show no hash. */
export function baselineLines(report: ScanReport): string[] {
  const b = report.baseline;
  if (!b) return [];
  const lines = [`baseline: ${b.known} known finding${b.known === 1 ? '' : 's'} passed over`];
  if (b.stale.length > 0) {
    lines.push(
      `baseline: ${b.stale.length} entr${b.stale.length === 1 ? 'y no longer occurs' : 'ies no longer occur'} (rewrite it with --write-baseline):`,
    );
    for (const e of b.stale)
      lines.push(`  ${quotePath(e.path)}  ${e.rule}  ${e.text.startsWith('hmac:') ? 'a token' : quotePath(e.text)}`);
  }
  return lines;
}
