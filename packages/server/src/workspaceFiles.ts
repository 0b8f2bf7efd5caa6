// Diagnostics for workspace files nobody opened (docs/server.md, "Workspace
// diagnostics"). The client sends each file's text already redacted (protocol
// workspaceFiles.ts); it is judged here by the same path as an open document (fresh scan,
// same options, same diagnostics, same git status), then dropped: nothing is kept but the
// set of files that hold published diagnostics, so they can be cleared later. Text is never
// logged.
import type { Diagnostic } from 'vscode-languageserver';
import { isNotebookFile, NotebookFormatError, scanNotebook, type Finding } from '@phq-tokens/detect';
import { toDiagnostics } from './diagnostics';
import { fileNameOf } from './documents';
import { effectiveLanguage, freshScan, scanOptions } from './engine';
import { gitStatus } from './gitStatus';
import { positionsFor } from './sparsePositions';
import type { Settings } from './settings';
import type { TokenState } from './tokens';

/**
 * The diagnostics an unopened file gets: what it would get if opened with the same text. A
 * notebook (.ipynb) is judged as `phq-tokens scan` judges it, cell by cell and its saved
 * outputs, each finding at its place in the file and labelled with its cell. Positions and
 * the git status are computed only for a file with findings (most have none), and positions
 * only at the findings (sparsePositions.ts), not as a line table of the whole text.
 */
export function judgeWorkspaceFile(
  uri: string,
  languageId: string | undefined,
  text: string,
  settings: Settings,
  tokens: TokenState,
): { diagnostics: Diagnostic[]; findings: number } {
  const none = { diagnostics: [], findings: 0 };
  if (!settings.enable) return none;
  const fileName = fileNameOf(uri);
  let language: string;
  let findings: Finding[];
  if (isNotebookFile(fileName)) {
    language = 'jupyter';
    try {
      findings = scanNotebook(text, scanOptions('json', fileName, settings, tokens.fingerprints));
    } catch (e) {
      if (e instanceof NotebookFormatError) return none; // not a notebook: nothing to say about it
      throw e;
    }
  } else {
    language = effectiveLanguage(languageId ?? '', fileName);
    findings = freshScan(text, scanOptions(language, fileName, settings, tokens.fingerprints));
  }
  if (findings.length === 0) return none;
  findings.sort((a, b) => a.offset - b.offset);
  const diagnostics = toDiagnostics(
    findings,
    positionsFor(text),
    settings,
    language,
    tokens,
    undefined,
    gitStatus(uri),
  );
  return { diagnostics, findings: findings.length };
}

/** Files whose diagnostics came from a workspace scan (so the server can clear them). */
export class WorkspaceDiagnostics {
  private readonly published = new Set<string>();

  /** Records a publish; returns whether anything must be sent (an empty list for a file never published is not). */
  record(uri: string, diagnostics: readonly Diagnostic[]): boolean {
    if (diagnostics.length > 0) {
      this.published.add(uri);
      return true;
    }
    return this.published.delete(uri);
  }

  /** The file was opened: its document's diagnostics take over. */
  handOver(uri: string): void {
    this.published.delete(uri);
  }

  /** Files to clear: those of `uris` that hold workspace diagnostics. */
  forget(uris: readonly string[]): string[] {
    return uris.filter((u) => this.published.delete(u));
  }

  get size(): number {
    return this.published.size;
  }
}
