// `scan --staged`: judges the index, not the working tree. A file fixed on disk but not
// re-staged is still reported, because that is what the commit would contain.
import { UsageError } from '../runtime/exit-codes';
import { pathFilterFor } from './path-filter';
import { catObjects, git, splitZ } from './git';
import { judgeBlob } from './judge';
import type { ScanReport, ScanRequest } from './run';

const SPECIAL_MODES: Record<string, string> = { '160000': 'submodule', '120000': 'symlink' };

export interface StagedEntry {
  path: string;
  oid: string;
  mode: string;
}

/** Added, copied, modified or type-changed entries of the index (deletions have nothing to judge). */
export async function stagedEntries(cwd: string, pathspecs: string[]): Promise<StagedEntry[]> {
  const out = await git(cwd, [
    'diff',
    '--cached',
    '--raw',
    '-z',
    '--no-abbrev',
    '--no-renames',
    '--relative',
    '--diff-filter=ACMT',
    '--',
    ...pathspecs,
  ]);
  const parts = splitZ(out);
  const entries: StagedEntry[] = [];
  // ":old-mode new-mode old-oid new-oid status" NUL path NUL
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const meta = parts[i]!.replace(/^\n/, '').split(' ');
    entries.push({ mode: meta[1]!, oid: meta[3]!, path: parts[i + 1]! });
  }
  return entries;
}

async function isBare(cwd: string): Promise<boolean> {
  return (await git(cwd, ['rev-parse', '--is-bare-repository'])).toString().trim() === 'true';
}

export async function scanStaged(cwd: string, req: ScanRequest, pathspecs: string[]): Promise<ScanReport> {
  const report: ScanReport = { root: cwd, results: [], scanned: 0, bytes: 0, skipped: [], errors: [] };
  const entries: StagedEntry[] = [];
  const filter = pathFilterFor(req);
  const staged = await stagedEntries(cwd, pathspecs);
  // In a bare repository `git diff --cached` answers with nothing and exit 0: "0 findings"
  // would claim a check that never ran. Asked only when nothing is staged, so a commit with
  // files pays no extra git process.
  if (staged.length === 0 && (await isBare(cwd)))
    throw new UsageError('--staged needs a working tree (this repository is bare).');
  for (const e of staged) {
    if (filter.ignores(e.path)) continue;
    const special = SPECIAL_MODES[e.mode];
    if (special) report.skipped.push({ file: e.path, reason: special });
    else entries.push(e);
  }
  await catObjects(
    cwd,
    entries.map((e) => e.oid),
    req.maxBytes,
    (i, r) => {
      const file = entries[i]!.path;
      const j = judgeBlob(r, file, file, req, report);
      if (j && j.findings.length > 0) report.results.push({ file, language: j.language, findings: j.findings });
    },
  );
  return report;
}
