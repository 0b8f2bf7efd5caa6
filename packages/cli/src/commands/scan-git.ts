// The git modes of `scan` (--staged, --since, --history): which content to judge comes from
// git rather than from walking folders. See docs/scan.md "Git".
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { KnownToken } from '@phq-tokens/detect';
import { UsageError } from '../runtime/exit-codes';
import { info } from '../runtime/io';
import { git, GitError, notARepo, requireRepo, resolveCommit } from '../scan/git';
import type { GitScanInfo } from '../scan/git-types';
import { scanHistory } from '../scan/history';
import type { ScanReport, ScanRequest } from '../scan/run';
import { scanSince } from '../scan/since';
import { scanStaged } from '../scan/staged';

export interface GitMode {
  staged: boolean;
  since?: string;
  /** true: every ref; a string: a revision range such as `v1.0..main`. */
  history?: true | string;
}

const FINGERPRINT = /^sha256:[0-9a-f]{64}$/;

/**
 * `--known-tokens FILE`: `[{"id", "name", "fingerprint"}]`, the user's own tokens by
 * fingerprint only (the VS Code extension writes such a file; no value is ever read here).
 */
export function readKnownTokens(file: string): Map<string, KnownToken> {
  let list: unknown;
  try {
    list = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`--known-tokens: cannot read ${file}: ${(e as Error).message}`);
  }
  if (!Array.isArray(list)) throw new UsageError('--known-tokens: expected a JSON array of {id, name, fingerprint}.');
  const map = new Map<string, KnownToken>();
  for (const t of list as unknown[]) {
    const r = (typeof t === 'object' && t !== null ? t : {}) as Record<string, unknown>;
    if (typeof r.fingerprint !== 'string' || !FINGERPRINT.test(r.fingerprint) || typeof r.name !== 'string')
      throw new UsageError('--known-tokens: each entry needs a "name" and a "fingerprint" (sha256:<64 hex>).');
    map.set(r.fingerprint, { id: typeof r.id === 'string' ? r.id : r.fingerprint.slice(7, 19), name: r.name });
  }
  return map;
}

async function optional(cwd: string, args: string[]): Promise<string | undefined> {
  try {
    return (await git(cwd, args)).toString().trim() || undefined;
  } catch {
    return undefined;
  }
}

/** HEAD, branch and remote for SARIF's versionControlProvenance (only asked for SARIF). */
export async function provenance(cwd: string): Promise<Pick<GitScanInfo, 'head' | 'branch' | 'remote'>> {
  const [head, branch, remote, top] = await Promise.all([
    optional(cwd, ['rev-parse', '--verify', '-q', 'HEAD']),
    optional(cwd, ['symbolic-ref', '--short', '-q', 'HEAD']),
    optional(cwd, ['remote', 'get-url', 'origin']),
    optional(cwd, ['rev-parse', '--show-toplevel']),
  ]);
  const url =
    remote && /^[a-z][a-z0-9+.-]*:\/\//i.test(remote) ? remote : top ? pathToFileURL(top + '/').href : undefined;
  return { head, branch, remote: url };
}

export async function runGitScan(
  mode: GitMode,
  req: ScanRequest,
  pathspecs: string[],
  sarif: boolean,
): Promise<ScanReport> {
  const cwd = req.root;
  if (mode.staged) {
    // The pre-commit path: no extra `git rev-parse` (each git process costs milliseconds
    // at every commit); git diff itself says when this is not a repository or has no work tree.
    let report: ScanReport;
    try {
      report = await scanStaged(cwd, req, pathspecs);
    } catch (e) {
      if (e instanceof GitError && /must be run in a work tree/.test(e.message))
        throw new UsageError('--staged needs a working tree (this repository is bare).');
      if (e instanceof GitError) throw notARepo(cwd, e);
      throw e;
    }
    report.git = sarif ? { mode: 'staged', ...(await provenance(cwd)) } : { mode: 'staged' };
    return report;
  }
  const repo = await requireRepo(cwd);
  let report: ScanReport;
  let gitInfo: GitScanInfo;
  if (mode.history !== undefined) {
    const revisions =
      typeof mode.history === 'string'
        ? [mode.history]
        : mode.since !== undefined
          ? ['--all', `^${await resolveCommit(cwd, mode.since)}`]
          : ['--all'];
    if (typeof mode.history === 'string') await checkRange(cwd, mode.history);
    if (repo.shallow)
      info('warning: shallow clone: history before its oldest commit is not scanned (git fetch --unshallow).');
    const r = await scanHistory(cwd, req, revisions);
    report = r.report;
    gitInfo = { mode: 'history', shallow: repo.shallow, revisions, blobs: r.blobs };
  } else {
    if (repo.bare) throw new UsageError('--since needs a working tree (this repository is bare).');
    report = await scanSince(cwd, req, await resolveCommit(cwd, mode.since!), pathspecs);
    gitInfo = { mode: 'since', shallow: repo.shallow };
  }
  report.git = sarif ? { ...gitInfo, ...(await provenance(cwd)) } : gitInfo;
  return report;
}

/** A range must name real revisions: `git rev-parse` says so before a long walk. */
async function checkRange(cwd: string, range: string): Promise<void> {
  if (range.startsWith('-')) throw new UsageError(`--history: "${range}" is not a revision range.`);
  for (const rev of range.split(/\.\.\.?/).filter(Boolean)) await resolveCommit(cwd, rev);
}
