// The scan itself: walk, read each file once, run the engine, collect results.
import path from 'node:path';
import { createPathFilter, languageFromFileName, scan, type Finding, type ScanOptions } from '@phq-tokens/detect';
import { readText } from './read';
import { walk } from './walk';

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
}

export interface ScanReport {
  root: string;
  results: FileFindings[];
  scanned: number;
  bytes: number;
  skipped: { file: string; reason: string }[];
  errors: { file: string; message: string }[];
}

function errorMessage(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' ? code : e instanceof Error ? e.message : String(e);
}

export function runScan(req: ScanRequest): ScanReport {
  const report: ScanReport = { root: req.root, results: [], scanned: 0, bytes: 0, skipped: [], errors: [] };
  const filter = createPathFilter(req.ignore);
  const files = walk(req.paths, {
    gitignore: req.gitignore,
    filter,
    root: req.root,
    onError: (file, e) => report.errors.push({ file, message: errorMessage(e) }),
  });
  for (const f of files) {
    let read;
    try {
      read = readText(f.abs, req.maxBytes);
    } catch (e) {
      report.errors.push({ file: f.rel, message: errorMessage(e) });
      continue;
    }
    if ('skipped' in read) {
      report.skipped.push({ file: f.rel, reason: read.skipped });
      continue;
    }
    report.scanned++;
    report.bytes += read.text.length;
    const language = languageFromFileName(path.basename(f.abs)) ?? 'plaintext';
    let findings = scan(read.text, { ...req.options, languageId: language, fileName: f.rel });
    if (!req.endpoints) findings = findings.filter((x) => x.kind !== 'endpoint');
    if (findings.length > 0) report.results.push({ file: f.rel, language, findings });
  }
  return report;
}
