// The scan itself: walk, read each file once, run the engine, collect results.
import path from 'node:path';
import {
  createPathFilter,
  isNotebookFile,
  languageFromFileName,
  NotebookFormatError,
  scan,
  scanNotebook,
  type Finding,
  type ScanOptions,
} from '@phq-tokens/detect';
import type { GitScanInfo, HistoryInfo } from './git-types';
import { scanAll } from './parallel';
import { readText } from './read';
import { walk, type WalkedFile } from './walk';

export interface ScanRequest {
  paths: string[];
  root: string;
  gitignore: boolean;
  ignore: string[];
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
  if (isNotebookFile(f.abs)) return scanNotebookFile(read.text, f, req);
  const language = languageFromFileName(path.basename(f.abs)) ?? 'plaintext';
  let findings = scan(read.text, { ...req.options, languageId: language, fileName: f.rel });
  if (!req.endpoints) findings = findings.filter((x) => x.kind !== 'endpoint');
  return { kind: 'scanned', bytes: read.text.length, findings, language };
}

/** A notebook is judged cell by cell; one that is not nbformat 4 JSON is unreadable, not scanned as text. */
function scanNotebookFile(text: string, f: WalkedFile, req: ScanRequest): FileOutcome {
  let findings;
  try {
    findings = scanNotebook(text, { ...req.options, languageId: 'json', fileName: f.rel });
  } catch (e) {
    if (e instanceof NotebookFormatError) return { kind: 'error', message: `not a Jupyter notebook: ${e.message}` };
    throw e;
  }
  if (!req.endpoints) findings = findings.filter((x) => x.kind !== 'endpoint');
  return { kind: 'scanned', bytes: text.length, findings, language: 'jupyter' };
}

/** `script` is the file a worker thread runs (the CLI bundle). */
export async function runScan(req: ScanRequest, script: string): Promise<ScanReport> {
  const report: ScanReport = { root: req.root, results: [], scanned: 0, bytes: 0, skipped: [], errors: [] };
  const files = [
    ...walk(req.paths, {
      gitignore: req.gitignore,
      filter: createPathFilter(req.ignore),
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
      if (o.findings.length > 0) report.results.push({ file, language: o.language, findings: o.findings });
    }
  });
  return report;
}
