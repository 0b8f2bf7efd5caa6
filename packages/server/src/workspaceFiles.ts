// Diagnostics for workspace files nobody opened (docs/server.md, "Workspace
// diagnostics"). The client sends each file's text already redacted (protocol
// workspaceFiles.ts); it is judged here by the same path as an open document (fresh scan,
// same options, same diagnostics, same git status), then dropped: nothing is kept but the
// set of files that hold published diagnostics, so they can be cleared later. Text is never
// logged.
import type { Diagnostic } from 'vscode-languageserver';
import { BlockText } from './blockText';
import { toDiagnostics } from './diagnostics';
import { fileNameOf } from './documents';
import { effectiveLanguage, freshScan, scanOptions } from './engine';
import { gitStatus } from './gitStatus';
import { isNotebookFile } from '@phq-tokens/detect';
import type { Settings } from './settings';
import type { TokenState } from './tokens';

/** The diagnostics an unopened file gets: what it would get if opened with the same text. */
export function judgeWorkspaceFile(
  uri: string,
  languageId: string | undefined,
  text: string,
  settings: Settings,
  tokens: TokenState,
): Diagnostic[] {
  const fileName = fileNameOf(uri);
  // A notebook's findings belong to its cells, which only exist once it is opened.
  if (isNotebookFile(fileName)) return [];
  const language = effectiveLanguage(languageId ?? '', fileName);
  const findings = freshScan(text, scanOptions(language, fileName, settings, tokens.fingerprints));
  findings.sort((a, b) => a.offset - b.offset);
  return toDiagnostics(findings, new BlockText(text), settings, language, tokens, undefined, gitStatus(uri));
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
