// The scan itself: walk, read each file once, run the engine, collect results.
import { isNotebookFile, type Finding, type ScanOptions } from '@phq-tokens/detect';
import { pathFilterFor } from './path-filter';
import type { GitScanInfo, HistoryInfo } from './git-types';
import { scanAll } from './parallel';
import { judge } from './judge';
import { readText } from './read';
import { walk, type WalkedFile } from './walk';

export interface ScanRequest {
  paths: string[];
  root: string;
  gitignore: boolean;
  ignore: string[];
  /** The repository file's `ignore` globs, relative to its folder (scan/path-filter.ts). */
  configIgnore?: { dir: string; globs: string[] };
  /** Absolute paths never judged (the config file and the baseline). */
  skip?: string[];
  maxBytes: number;
  options: Omit<ScanOptions, 'languageId' | 'fileName'>;
  endpoints: boolean;
}

export interface FileFindings {
  /** Relative to the root, forward slashes. */
  file: string;
  language: string;
  findings: Finding[];
  /** scan --history: the blob and the commit that brought these findings. */
  history?: HistoryInfo;
}

export interface ScanReport {
  root: string;
  results: FileFindings[];
  scanned: number;
  bytes: number;
  skipped: { file: string; reason: string }[];
  errors: { file: string; message: string }[];
  /** scan --staged / --since / --history. */
  git?: GitScanInfo;
  /** Every path judged (files, or blob paths), for the baseline's "no longer occurs" (scan/baseline.ts). */
  judged?: string[];
  /** With a baseline: findings it passed over and its entries that no longer occur. */
  baseline?: { file: string; known: number; stale: { rule: string; path: string; text: string }[] };
}

/** What scanning one file gives; plain data, so that it can come back from a worker. */
export type FileOutcome =
  | { kind: 'scanned'; bytes: number; findings: Finding[]; language: string }
  | { kind: 'skipped'; reason: string }
  | { kind: 'error'; message: string };

/**
 * A notebook's bytes are mostly base64 images in saved outputs, which are never read (the
 * parser steps over them with two native searches): it may be this many times larger.
 */
const NOTEBOOK_SIZE_FACTOR = 8;

function errorMessage(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' ? code : e instanceof Error ? e.message : String(e);
}

export function scanFile(f: WalkedFile, req: ScanRequest): FileOutcome {
  let read;
  try {
    read = readText(f.abs, isNotebookFile(f.abs) ? req.maxBytes * NOTEBOOK_SIZE_FACTOR : req.maxBytes);
  } catch (e) {
    return { kind: 'error', message: errorMessage(e) };
  }
  if ('skipped' in read) return { kind: 'skipped', reason: read.skipped };
  const { language, findings, error } = judge(read.text, f.rel, req);
  if (error) return { kind: 'error', message: error };
  return { kind: 'scanned', bytes: read.text.length, findings, language };
}

/** `script` is the file a worker thread runs (the CLI bundle). */
export async function runScan(req: ScanRequest, script: string): Promise<ScanReport> {
  const report: ScanReport = { root: req.root, results: [], scanned: 0, bytes: 0, skipped: [], errors: [] };
  const files = [
    ...walk(req.paths, {
      gitignore: req.gitignore,
      filter: pathFilterFor(req),
      root: req.root,
      onError: (file, e) => report.errors.push({ file, message: errorMessage(e) }),
      onSkip: (file, reason) => report.skipped.push({ file, reason }),
    }),
  ];
  const outcomes = await scanAll(files, req, scanFile, script);
  outcomes.forEach((o, i) => {
    const file = files[i]!.rel;
    if (o.kind === 'error') report.errors.push({ file, message: o.message });
    else if (o.kind === 'skipped') report.skipped.push({ file, reason: o.reason });
    else {
      report.scanned++;
      report.bytes += o.bytes;
      (report.judged ??= []).push(file);
      if (o.findings.length > 0) report.results.push({ file, language: o.language, findings: o.findings });
    }
  });
  return report;
}
