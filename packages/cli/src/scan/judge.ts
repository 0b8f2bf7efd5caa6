// The engine over one text, as every scan mode calls it (files, the index, changed files, git
// history): language from the file name, a notebook cell by cell, endpoint findings only when
// asked. A notebook that is not nbformat 4 JSON is unreadable (`error`), never judged as text.
import {
  isNotebookFile,
  languageFromFileName,
  NotebookFormatError,
  scan,
  scanNotebook,
  type Finding,
} from '@phq-tokens/detect';
import { decodeBytes } from './decode';
import type { BlobResult } from './git';
import type { ScanReport, ScanRequest } from './run';

export interface Judged {
  language: string;
  findings: Finding[];
  /** Set when the text could not be read as what its name says (a malformed notebook). */
  error?: string;
}

export function judge(text: string, rel: string, req: Pick<ScanRequest, 'options' | 'endpoints'>): Judged {
  const base = rel.slice(rel.lastIndexOf('/') + 1);
  let language: string;
  let findings: Finding[];
  if (isNotebookFile(base)) {
    language = 'jupyter';
    try {
      findings = scanNotebook(text, { ...req.options, languageId: 'json', fileName: rel });
    } catch (e) {
      if (e instanceof NotebookFormatError)
        return { language, findings: [], error: `not a Jupyter notebook: ${e.message}` };
      throw e;
    }
  } else {
    language = languageFromFileName(base) ?? 'plaintext';
    findings = scan(text, { ...req.options, languageId: language, fileName: rel });
  }
  if (!req.endpoints) findings = findings.filter((x) => x.kind !== 'endpoint');
  return { language, findings };
}

/**
 * One git blob through the scan: counted in `report` (scanned, skipped, unreadable) as a file
 * is, judged as `path`; returns what it found, or undefined when nothing was judged.
 */
export function judgeBlob(
  r: BlobResult,
  file: string,
  path: string,
  req: Pick<ScanRequest, 'options' | 'endpoints'>,
  report: ScanReport,
): Judged | undefined {
  if (r.kind === 'error') return void report.errors.push({ file, message: r.message });
  if (r.kind === 'too-large') return void report.skipped.push({ file, reason: 'too-large' });
  if (r.kind === 'other') return undefined;
  const d = decodeBytes(r.data);
  if ('skipped' in d) return void report.skipped.push({ file, reason: d.skipped });
  report.scanned++;
  report.bytes += d.text.length;
  (report.judged ??= []).push(path);
  const judged = judge(d.text, path, req);
  if (judged.error) return void report.errors.push({ file, message: judged.error });
  return judged;
}
