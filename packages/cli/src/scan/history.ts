// `scan --history`: every unique blob reachable from the given revisions (all refs by
// default), each judged once however many commits hold it, streamed through one
// `git cat-file --batch`; then, for the blobs with findings only, one `git log --raw` pass
// finds every path each was added at and the commit that first did, and `git ls-tree HEAD`
// says which of those paths still hold it.
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

/** Where a blob was brought to a path: the oldest commit adding it there, and its order. */
export interface Arrival {
  introduced: Introduced;
  seq: number;
}

/**
 * For each of `wanted`, every path it was added at, with the oldest commit (by date) adding
 * it there, from one `git log --raw -z`. One blob can live at several paths (the same file
 * committed twice, a copy, a rename): each is a place the token sits, so each is reported.
 */
export async function introductions(
  cwd: string,
  revisions: string[],
  wanted: ReadonlySet<string>,
): Promise<Map<string, Map<string, Arrival>>> {
  const found = new Map<string, Map<string, Arrival>>();
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
  let at = 0;
  while (at < out.length) {
    const next = out.indexOf(1, at + 1);
    const rec = out.subarray(at + 1, next < 0 ? out.length : next);
    at = next < 0 ? out.length : next;
    const parts = splitZ(rec);
    const [commit, date, author] = parts;
    if (commit === undefined) continue;
    seq++;
    for (let i = 3; i + 1 < parts.length;) {
      const meta = parts[i]!.replace(/^\n+/, '');
      if (meta === '') {
        i++; // the separator -z adds after the format
        continue;
      }
      if (!meta.startsWith(':')) break;
      const oid = meta.split(' ')[3]!;
      const path = parts[i + 1]!;
      if (wanted.has(oid)) {
        let paths = found.get(oid);
        if (!paths) found.set(oid, (paths = new Map()));
        if (!paths.has(path))
          paths.set(path, { introduced: { commit: commit, date: date!, author: author!, path }, seq });
      }
      i += 2;
    }
  }
  return found;
}

/** The blob id at each path of HEAD (empty when HEAD is unborn). */
export async function headBlobs(cwd: string): Promise<Map<string, string>> {
  try {
    const out = await git(cwd, ['ls-tree', '-r', '-z', '--full-tree', 'HEAD']);
    const byPath = new Map<string, string>();
    for (const e of splitZ(out)) {
      const tab = e.indexOf('\t');
      const meta = e.slice(0, tab).split(' ');
      if (meta[1] === 'blob') byPath.set(e.slice(tab + 1), meta[2]!);
    }
    return byPath;
  } catch {
    return new Map();
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
  // "Still in HEAD" is said of a path: the blob HEAD has there holds the same finding.
  const findingsOf = new Map(judged.map((j) => [j.oid, new Set(j.findings.map(sameness))]));
  const stillAt = (path: string, f: Finding): boolean => {
    const oid = head.get(path);
    return oid !== undefined && (findingsOf.get(oid)?.has(sameness(f)) ?? false);
  };

  // One result per finding per path, from the blob that brought it there first: a token that
  // sat in a file through 40 edits is one finding (its introduction), not 40; a blob that sits
  // at two paths is a finding at each.
  type Owner = FileFindings & { history: HistoryInfo; seq: number };
  type Best = { seq: number; finding: Finding; oid: string; file: string; language: string; arrival?: Arrival };
  const best = new Map<string, Best>();
  for (const j of judged) {
    const arrivals: [string, Arrival | undefined][] = [...(intro.get(j.oid) ?? new Map<string, Arrival>())];
    if (arrivals.length === 0) arrivals.push([j.path, undefined]);
    for (const [file, arrival] of arrivals) {
      const seq = arrival?.seq ?? Number.MAX_SAFE_INTEGER;
      const nth = new Map<string, number>();
      for (const f of j.findings) {
        const s = sameness(f);
        const n = (nth.get(s) ?? 0) + 1;
        nth.set(s, n);
        const key = `${file}\0${s}\0${n}`;
        const prev = best.get(key);
        if (!prev || seq < prev.seq)
          best.set(key, { seq, finding: f, oid: j.oid, file, language: j.language, arrival });
      }
    }
  }
  // Grouped back by blob and by whether the finding is still in HEAD.
  const owners = new Map<string, Owner>();
  for (const b of best.values()) {
    const still = stillAt(b.file, b.finding);
    const key = `${b.oid}\0${b.file}\0${still}`;
    let o = owners.get(key);
    if (!o) {
      const introduced = b.arrival?.introduced;
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
