// Cells of an open notebook. VS Code gives each cell a text document with the
// `vscode-notebook-cell` scheme (`vscode-notebook-cell:/path/demand.ipynb#W2sZmlsZQ%3D%3D`);
// the client syncs them like files (redacted the same way, see docs/server.md), with the
// cell's language: a code cell's is the kernel's (python, r, julia...), Markdown cells'
// `markdown`, raw cells' `raw`. A cell is judged by the engine's `scanCell`, with the context
// only the whole notebook gives (does any cell mention PredictHQ, which Python names the
// cells define for IPython's `$name`), gathered from the notebook's other open cells.
import { notebookContext, scanCell, type CellKind, type NotebookContext } from '@phq-tokens/detect';
import type { Finding, ScanOptions } from '@phq-tokens/detect';
import type { IncrementalScanner } from './engine';

export const CELL_SCHEME = 'vscode-notebook-cell';

export function isCellUri(uri: string): boolean {
  return uri.startsWith(`${CELL_SCHEME}:`);
}

/** The notebook a cell belongs to: its URI without the fragment that names the cell. */
export function notebookOf(cellUri: string): string {
  const hash = cellUri.indexOf('#');
  return hash < 0 ? cellUri : cellUri.slice(0, hash);
}

/** The `file:` URI of the notebook a cell belongs to; any other URI as it is. */
export function notebookFileUri(uri: string): string {
  return isCellUri(uri) ? `file:${notebookOf(uri).slice(CELL_SCHEME.length + 1)}` : uri;
}

export function cellKind(languageId: string): CellKind {
  return languageId === 'markdown' ? 'markdown' : languageId === 'raw' ? 'raw' : 'code';
}

/** The open cells of each notebook, for the notebook-wide context. */
export class NotebookCells {
  private readonly byNotebook = new Map<string, Map<string, () => { text: string; languageId: string }>>();

  add(uri: string, read: () => { text: string; languageId: string }): void {
    const key = notebookOf(uri);
    let cells = this.byNotebook.get(key);
    if (!cells) this.byNotebook.set(key, (cells = new Map()));
    cells.set(uri, read);
  }

  remove(uri: string): void {
    const key = notebookOf(uri);
    const cells = this.byNotebook.get(key);
    cells?.delete(uri);
    if (cells?.size === 0) this.byNotebook.delete(key);
  }

  /** The other open cells of the same notebook. */
  siblings(uri: string): string[] {
    return [...(this.byNotebook.get(notebookOf(uri))?.keys() ?? [])].filter((u) => u !== uri);
  }

  /** The notebook's context now; the kernel language is that of its code cells (VS Code gives them the kernel's). */
  context(uri: string): NotebookContext {
    const cells = [...(this.byNotebook.get(notebookOf(uri))?.values() ?? [])].map((r) => r());
    const kernel = cells.find((c) => cellKind(c.languageId) === 'code')?.languageId ?? 'python';
    return notebookContext(
      kernel,
      cells.filter((c) => cellKind(c.languageId) !== 'raw').map((c) => c.text),
    );
  }
}

/** A cell is small: each change rescans it whole (no incremental scanner needed). */
export class CellScanner implements IncrementalScanner {
  constructor(
    private text: string,
    private options: ScanOptions,
    private readonly context: () => NotebookContext,
  ) {}

  applyEdit(startOffset: number, endOffset: number, newText: string): void {
    this.text = this.text.slice(0, startOffset) + newText + this.text.slice(endOffset);
  }

  setOptions(options: ScanOptions): void {
    this.options = options;
  }

  findings(): Finding[] {
    const { languageId, ...base } = this.options;
    const kind = cellKind(languageId);
    const ctx = this.context();
    return scanCell(this.text, {
      ...base,
      kind,
      kernelLanguage: kind === 'code' ? languageId : ctx.kernelLanguage,
      pythonNames: ctx.pythonNames,
      aboutPredictHQ: ctx.aboutPredictHQ,
    });
  }
}
