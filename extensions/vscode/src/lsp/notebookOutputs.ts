// Saved outputs of open notebooks: VS Code gives outputs no text document, so the
// extension collects each cell's text outputs, redacts them as document sync does (no stored
// value reaches the server), asks the server to judge them (phq/judgeOutputs) and shows a
// leaked token on the cell itself, with "Clear This Cell's Outputs". Judged when a notebook
// opens, whenever its outputs or cells change (cleared, re-run, edited, reverted), and when
// the known tokens change; a judging replaces every diagnostic the notebook had.
import { JudgeOutputs, redactValues, type JudgeOutputsResult, type KnownValue } from '@phq-tokens/protocol';
import * as vscode from 'vscode';

const TEXT_MIMES = new Set([
  'text/plain',
  'text/html',
  'text/markdown',
  'application/json',
  'application/vnd.code.notebook.stdout',
  'application/vnd.code.notebook.stderr',
]);
const ERROR_MIME = 'application/vnd.code.notebook.error';
const decoder = new TextDecoder();

/** The text of one output: its text items joined; an error's name, message and stack. */
export function outputText(output: vscode.NotebookCellOutput): string {
  const parts: string[] = [];
  for (const item of output.items) {
    if (TEXT_MIMES.has(item.mime)) parts.push(decoder.decode(item.data));
    else if (item.mime === ERROR_MIME) {
      try {
        const e = JSON.parse(decoder.decode(item.data)) as { name?: string; message?: string; stack?: string };
        parts.push([e.name, e.message, e.stack].filter(Boolean).join('\n'));
      } catch {
        // not the error shape: nothing to read
      }
    }
  }
  return parts.join('\n');
}

export const CLEAR_OUTPUTS_COMMAND = 'predicthqTokens.clearCellOutputs';

export class NotebookOutputs implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('predicthqTokens.notebookOutputs');
  private readonly disposables: vscode.Disposable[] = [this.collection];
  /**
   * Per notebook: the cell URIs holding our diagnostics. A cell replaced by an edit (the
   * quick fix, a revert) gets a new URI, so the old one is not among the notebook's cells
   * any more: without this list its diagnostic stayed in Problems for good.
   */
  private readonly shown = new Map<string, Set<string>>();
  /** Per notebook: the latest judging; an older answer arriving late is dropped. */
  private readonly latest = new Map<string, number>();
  private seq = 0;

  constructor(
    private readonly request: (method: string, params: unknown) => Promise<unknown>,
    private readonly known: () => readonly KnownValue[],
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      vscode.workspace.onDidOpenNotebookDocument((nb) => void this.judge(nb)),
      // Outputs cleared, re-run or edited, cells added, removed or replaced (a revert): judged again.
      vscode.workspace.onDidChangeNotebookDocument((e) => {
        if (e.cellChanges.some((c) => c.outputs !== undefined) || e.contentChanges.length > 0)
          void this.judge(e.notebook);
      }),
      vscode.workspace.onDidCloseNotebookDocument((nb) => {
        this.latest.delete(nb.uri.toString());
        this.show(nb.uri.toString(), new Map());
      }),
      vscode.languages.registerCodeActionsProvider({ scheme: 'vscode-notebook-cell' }, this, {
        providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
      }),
    );
  }

  /** Every open notebook (after start, and when the known tokens change). */
  judgeAll(): Promise<void> {
    return Promise.all(vscode.workspace.notebookDocuments.map((nb) => this.judge(nb))).then(() => undefined);
  }

  async judge(nb: vscode.NotebookDocument): Promise<void> {
    const key = nb.uri.toString();
    const seq = ++this.seq;
    this.latest.set(key, seq);
    const known = this.known();
    const cells = nb
      .getCells()
      .map((c) => ({ cell: c, outputs: c.outputs.map((o) => redactValues(outputText(o), known)) }))
      .filter((x) => x.outputs.some((t) => t.length > 0));
    let result: JudgeOutputsResult | undefined = { cells: [] };
    if (cells.length > 0) {
      try {
        result = (await this.request(JudgeOutputs.method, {
          cells: cells.map((x) => ({ uri: x.cell.document.uri.toString(), outputs: x.outputs })),
        })) as JudgeOutputsResult | undefined;
      } catch (e) {
        this.log.warn(`judging notebook outputs failed: ${e instanceof Error ? e.message : String(e)}`);
        return;
      }
    }
    if (!result || this.latest.get(key) !== seq || nb.isClosed) return;
    const next = new Map<string, vscode.Diagnostic[]>();
    for (const { cell } of cells) {
      const found = result.cells.find((r) => r.uri === cell.document.uri.toString())?.findings ?? [];
      if (found.length === 0) continue;
      const first = cell.document.lineAt(0).range;
      next.set(
        cell.document.uri.toString(),
        found.map((f) => {
          const d = new vscode.Diagnostic(
            first,
            `In this cell's saved output ${f.output + 1}: ${f.message} Clear the outputs before committing, and rotate the token: it is already in the file.`,
            vscode.DiagnosticSeverity.Error,
          );
          d.source = 'PredictHQ Tokens';
          d.code = f.ruleId;
          return d;
        }),
      );
    }
    this.show(key, next);
  }

  /** Replaces the notebook's diagnostics by `next` (cell URI -> diagnostics), removing every other one it had. */
  private show(notebook: string, next: Map<string, vscode.Diagnostic[]>): void {
    for (const uri of this.shown.get(notebook) ?? []) if (!next.has(uri)) this.collection.delete(vscode.Uri.parse(uri));
    for (const [uri, list] of next) this.collection.set(vscode.Uri.parse(uri), list);
    if (next.size > 0) this.shown.set(notebook, new Set(next.keys()));
    else this.shown.delete(notebook);
  }

  provideCodeActions(
    doc: vscode.TextDocument,
    _range: vscode.Range,
    ctx: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const ours = ctx.diagnostics.filter((d) => (this.collection.get(doc.uri) ?? []).includes(d));
    if (ours.length === 0) return [];
    const action = new vscode.CodeAction("Clear this cell's outputs", vscode.CodeActionKind.QuickFix);
    action.diagnostics = ours;
    action.isPreferred = true;
    action.command = {
      title: "Clear this cell's outputs",
      command: CLEAR_OUTPUTS_COMMAND,
      arguments: [{ cell: doc.uri.toString() }],
    };
    return [action];
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}

/** Clears the outputs of the cell whose document is `cellUri` (one undoable notebook edit). */
export async function clearCellOutputs(cellUri: string): Promise<boolean> {
  for (const nb of vscode.workspace.notebookDocuments) {
    const cell = nb.getCells().find((c) => c.document.uri.toString() === cellUri);
    if (!cell) continue;
    const data = new vscode.NotebookCellData(cell.kind, cell.document.getText(), cell.document.languageId);
    data.metadata = cell.metadata;
    data.outputs = [];
    const edit = new vscode.WorkspaceEdit();
    edit.set(nb.uri, [vscode.NotebookEdit.replaceCells(new vscode.NotebookRange(cell.index, cell.index + 1), [data])]);
    return vscode.workspace.applyEdit(edit);
  }
  throw new Error('That notebook cell is not open any more.');
}
