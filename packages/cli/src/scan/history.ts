// `scan --history`: every unique blob reachable from the given revisions (all refs by
// default), each judged once however many commits hold it, streamed through one
// `git cat-file --batch`; then, for the blobs with findings only, one `git log --raw` pass
// finds the commit that first added each, and `git ls-tree HEAD` says what is still there.
import type { Finding } from '@phq-tokens/detect';
import { pathFilterFor } from './path-filter';
import { catObjects, git, splitZ } from './git';
import type { HistoryInfo, Introduced } from './git-types';
import { judgeBlob } from './judge';
import type { FileFindings, ScanReport, ScanRequest } from './run';

const OID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

/**
 * Unique blobs and the first path git names each by. `rev-list --objects` prints paths raw
 * (git 2.39 has no -z here): a name with a newline continues on the next line, which never
 * starts with an object id and a space, so it is joined back.
 */
export async function listBlobs(cwd: string, revisions: string[]): Promise<{ oid: string; path: string }[]> {
  const out = (await git(cwd, ['rev-list', '--objects', '--filter=object:type=blob', ...revisions, '--'])).toString(
    'utf8',
  );
  const blobs: { oid: string; path: string }[] = [];
  for (const line of out.split('\n')) {
    const sp = line.indexOf(' ');
    const head = sp < 0 ? line : line.slice(0, sp);
    if (OID.test(head)) {
      // Commits come without a path; cat-file tells them apart anyway, but skip them here.
      if (sp >= 0) blobs.push({ oid: head, path: line.slice(sp + 1) });
    } else if (blobs.length > 0 && line !== '') blobs.at(-1)!.path += '\n' + line;
  }
  return blobs;
}

/** Oldest commit (by date) adding each of `wanted`, with its path, from one `git log --raw -z`. */
export async function introductions(
  cwd: string,
  revisions: string[],
  wanted: ReadonlySet<string>,
): Promise<Map<string, { introduced: Introduced; seq: number }>> {
  const found = new Map<string, { introduced: Introduced; seq: number }>();
  let seq = 0;
  if (wanted.size === 0) return found;
  const out = await git(cwd, [
    'log',
    '--reverse',
    '--date-order',
    '--no-renames',
    '--diff-merges=first-parent',
    '--raw',
    '-z',
    '--no-abbrev',
    '--format=%x01%H%x00%aI%x00%an%x00',
    ...revisions,
    '--',
  ]);
  // Records: \x01 H \0 date \0 author \0 (\n? ":modes oids status" \0 path \0)*
  for (const rec of out.toString('utf8').split('\x01')) {
    if (rec === '') continue;
    const parts = rec.split('\0');
    const [commit, date, author] = parts;
    seq++;
    for (let i = 3; i + 1 < parts.length;) {
      const meta = parts[i]!.replace(/^\n+/, '');
      if (meta === '') {
        i++; // the separator -z adds after the format
        continue;
      }
      if (!meta.startsWith(':')) break;
      const oid = meta.split(' ')[3]!;
      if (wanted.has(oid) && !found.has(oid))
        found.set(oid, { introduced: { commit: commit!, date: date!, author: author!, path: parts[i + 1]! }, seq });
      i += 2;
    }
    if (found.size === wanted.size) break;
  }
  return found;
}

/** Blob ids of every file in HEAD (empty when HEAD is unborn). */
export async function headBlobs(cwd: string): Promise<Set<string>> {
  try {
    const out = await git(cwd, ['ls-tree', '-r', '-z', '--full-tree', 'HEAD']);
    const set = new Set<string>();
    for (const e of splitZ(out)) {
      const meta = e.slice(0, e.indexOf('\t')).split(' ');
      if (meta[1] === 'blob') set.add(meta[2]!);
    }
    return set;
  } catch {
    return new Set();
  }
}

/** What makes two findings "the same" across versions of a file: never a raw value. */
const sameness = (f: Finding): string => `${f.ruleId}\0${f.data.fingerprint ?? f.match}`;

export async function scanHistory(
  cwd: string,
  req: ScanRequest,
  revisions: string[],
): Promise<{ report: ScanReport; blobs: number }> {
  const report: ScanReport = { root: cwd, results: [], scanned: 0, bytes: 0, skipped: [], errors: [] };
  const filter = pathFilterFor(req);
  const blobs = (await listBlobs(cwd, revisions)).filter((b) => !filter.ignores(b.path));
  const judged: { oid: string; path: string; language: string; findings: Finding[] }[] = [];
  await catObjects(
    cwd,
    blobs.map((b) => b.oid),
    req.maxBytes,
    (i, r) => {
      const { oid, path } = blobs[i]!;
      const file = `${path} (blob ${oid.slice(0, 12)})`;
      const j = judgeBlob(r, file, path, req, report);
      if (j && j.findings.length > 0) judged.push({ oid, path, language: j.language, findings: j.findings });
    },
  );
  if (judged.length === 0) return { report, blobs: blobs.length };

  const [intro, head] = await Promise.all([
    introductions(cwd, revisions, new Set(judged.map((j) => j.oid))),
    headBlobs(cwd),
  ]);
  const inHead = new Set<string>();
  for (const j of judged) if (head.has(j.oid)) for (const f of j.findings) inHead.add(sameness(f));

  // One result per finding per path, from the blob that brought it first: a token that sat
  // in a file through 40 edits is one finding (its introduction), not 40.
  type Owner = FileFindings & { history: HistoryInfo; seq: number };
  const best = new Map<string, { seq: number; finding: Finding; oid: string; file: string; language: string }>();
  for (const j of judged) {
    const known = intro.get(j.oid);
    const file = known?.introduced.path ?? j.path;
    const seq = known?.seq ?? Number.MAX_SAFE_INTEGER;
    const nth = new Map<string, number>();
    for (const f of j.findings) {
      const s = sameness(f);
      const n = (nth.get(s) ?? 0) + 1;
      nth.set(s, n);
      const key = `${file}\0${s}\0${n}`;
      const prev = best.get(key);
      if (!prev || seq < prev.seq) best.set(key, { seq, finding: f, oid: j.oid, file, language: j.language });
    }
  }
  // Grouped back by blob and by whether the finding is still in HEAD.
  const owners = new Map<string, Owner>();
  for (const b of best.values()) {
    const still = inHead.has(sameness(b.finding));
    const key = `${b.oid}\0${b.file}\0${still}`;
    let o = owners.get(key);
    if (!o) {
      const introduced = intro.get(b.oid)?.introduced;
      o = {
        file: b.file,
        language: b.language,
        findings: [],
        seq: b.seq,
        history: { blob: b.oid, introduced, inHead: still },
      };
      owners.set(key, o);
    }
    o.findings.push(b.finding);
  }
  report.results = [...owners.values()]
    .sort((a, b) => a.seq - b.seq || a.file.localeCompare(b.file))
    .map(({ seq: _seq, ...o }) => {
      o.findings.sort(
        (x, y) => x.range.start.line - y.range.start.line || x.range.start.character - y.range.start.character,
      );
      return o;
    });
  return { report, blobs: blobs.length };
}
