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
import type { ScanRequest } from './run';

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
