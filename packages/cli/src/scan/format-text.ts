// Human output (file:line:col severity rule message) and JSON. Token findings carry only a
// masked `match` and a message built from it: no output path ever sees a full token.
import { quotePath } from './quote-path';
import type { HistoryInfo } from './git-types';
import type { ScanReport } from './run';

export function formatHuman(r: ScanReport): string {
  const lines: string[] = [];
  for (const res of r.results) {
    const file = quotePath(res.file);
    const where = res.history ? `  (${describeHistory(res.history)})` : '';
    for (const f of res.findings) {
      const { line, character } = f.range.start;
      lines.push(`${file}:${line + 1}:${character + 1}  ${f.severity.padEnd(7)} ${f.ruleId}  ${f.message}${where}`);
    }
  }
  return lines.join('\n');
}

const SKIP_SUMMARY: Record<string, string> = {
  binary: 'binary',
  'too-large': 'too large',
  fifo: 'not a regular file',
  socket: 'not a regular file',
  device: 'not a regular file',
};

const SPECIAL: Record<string, string> = { fifo: 'a FIFO', socket: 'a socket', device: 'a device' };

/** stderr lines for paths named on the command line that were not scanned (binary and large files are only counted). */
export function skippedLines(r: ScanReport): string[] {
  return r.skipped
    .filter((s) => SPECIAL[s.reason] !== undefined)
    .map((s) => `skipped ${quotePath(s.file)}: not a regular file (${SPECIAL[s.reason]})`);
}

export function summaryLine(r: ScanReport): string {
  const n = r.results.reduce((s, x) => s + x.findings.length, 0);
  const parts = [`${n} finding${n === 1 ? '' : 's'} in ${r.results.length} file${r.results.length === 1 ? '' : 's'}`];
  parts.push(`${r.scanned} ${r.git?.mode === 'history' ? 'blobs ' : ''}scanned`);
  if (r.skipped.length) {
    const by = new Map<string, number>();
    for (const s of r.skipped) {
      const what = SKIP_SUMMARY[s.reason] ?? s.reason;
      by.set(what, (by.get(what) ?? 0) + 1);
    }
    parts.push(`${r.skipped.length} skipped (${[...by].map(([what, n]) => `${n} ${what}`).join(', ')})`);
  }
  if (r.errors.length) parts.push(`${r.errors.length} unreadable`);
  return parts.join(', ');
}

/** "added in a1b2c3d on 2025-03-02 by Ann, still in HEAD": author names are quoted like paths. */
function describeHistory(h: HistoryInfo): string {
  const still = h.inHead ? 'still in HEAD' : 'removed since, still in history';
  if (!h.introduced) return `blob ${h.blob.slice(0, 12)}, ${still}`;
  const { commit, date, author } = h.introduced;
  return `added in ${commit.slice(0, 10)} on ${date.slice(0, 10)} by ${quotePath(author)}, ${still}`;
}

export function formatJson(r: ScanReport): string {
  const findings = r.results.flatMap((res) =>
    res.findings.map((f) => ({
      file: res.file,
      line: f.range.start.line + 1,
      column: f.range.start.character + 1,
      endLine: f.range.end.line + 1,
      endColumn: f.range.end.character + 1,
      kind: f.kind,
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      match: f.match,
      data: f.data,
      ...(res.history && {
        blob: res.history.blob,
        commit: res.history.introduced?.commit ?? null,
        date: res.history.introduced?.date ?? null,
        author: res.history.introduced?.author ?? null,
        inHead: res.history.inHead,
      }),
    })),
  );
  return JSON.stringify(
    {
      version: 1,
      summary: {
        findings: findings.length,
        scanned: r.scanned,
        skipped: r.skipped,
        errors: r.errors,
        ...(r.baseline && { baseline: r.baseline }),
      },
      ...(r.git && { git: r.git }),
      findings,
    },
    null,
    2,
  );
}
