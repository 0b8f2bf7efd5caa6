// `scan --since REF`: the working-tree files that differ from REF (committed, staged or not),
// plus new files git does not ignore. Read by their exact bytes, so that a name that is not
// UTF-8 is still opened.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathFilterFor } from './path-filter';
import { git } from './git';
import { decodeBytes } from './decode';
import { judge } from './judge';
import type { ScanReport, ScanRequest } from './run';
import { decodeName } from './raw-name';

function splitRaw(b: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let at = 0;
  for (let nul = b.indexOf(0, at); nul >= 0; nul = b.indexOf(0, at)) {
    out.push(b.subarray(at, nul));
    at = nul + 1;
  }
  return out;
}

export async function scanSince(
  cwd: string,
  req: ScanRequest,
  commit: string,
  pathspecs: string[],
): Promise<ScanReport> {
  const report: ScanReport = { root: cwd, results: [], scanned: 0, bytes: 0, skipped: [], errors: [] };
  const changed = await git(cwd, [
    'diff',
    '--name-only',
    '-z',
    '--no-renames',
    '--relative',
    '--diff-filter=ACMT',
    commit,
    '--',
    ...pathspecs,
  ]);
  const untracked = await git(cwd, ['ls-files', '--others', '--exclude-standard', '-z', '--', ...pathspecs]);
  const seen = new Set<string>();
  const filter = pathFilterFor(req);
  for (const raw of [...splitRaw(changed), ...splitRaw(untracked)]) {
    const key = raw.toString('latin1');
    if (seen.has(key)) continue;
    seen.add(key);
    const file = decodeName(raw);
    if (filter.ignores(file)) continue;
    const abs = Buffer.concat([Buffer.from(cwd + path.sep), raw]);
    try {
      const st = statSync(abs);
      if (st.isDirectory()) {
        report.skipped.push({ file, reason: 'submodule' });
        continue;
      }
      if (!st.isFile()) continue;
      if (st.size > req.maxBytes) {
        report.skipped.push({ file, reason: 'too-large' });
        continue;
      }
      const d = decodeBytes(readFileSync(abs));
      if ('skipped' in d) {
        report.skipped.push({ file, reason: d.skipped });
        continue;
      }
      report.scanned++;
      report.bytes += d.text.length;
      const { language, findings, error } = judge(d.text, file, req);
      if (error) report.errors.push({ file, message: error });
      else if (findings.length > 0) report.results.push({ file, language, findings });
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      report.errors.push({ file, message: typeof code === 'string' ? code : String(e) });
    }
  }
  return report;
}
