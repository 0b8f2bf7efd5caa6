// "Scan Workspace": every file's findings in the Problems panel without opening the files
// (lsp/workspaceScan.ts); the time it took is in the log. Progress in a notification with Cancel; `{ silent: true }` (the
// start-up scan) shows it in the status bar instead. Tests pass `batchSize` and
// `cancelAfterBatches` to cancel at a known point.
import * as vscode from 'vscode';
import type { ScanResult } from '../lsp/workspaceScan';
import { booleanProp, positiveIntegerProp } from '../util/guards';
import type { CommandContext } from './context';

export async function scanWorkspace(ctx: CommandContext, arg?: unknown): Promise<ScanResult> {
  const silent = booleanProp(arg, 'silent') === true;
  const result = await vscode.window.withProgress(
    {
      location: silent ? vscode.ProgressLocation.Window : vscode.ProgressLocation.Notification,
      title: 'PredictHQ Tokens: scanning the workspace',
      cancellable: !silent,
    },
    (progress, cancel) =>
      ctx.workspaceScan.scan(progress, cancel, {
        batchSize: positiveIntegerProp(arg, 'batchSize'),
        cancelAfterBatches: positiveIntegerProp(arg, 'cancelAfterBatches'),
      }),
  );
  if (!silent && !result.cancelled) {
    // Counted from the Problems panel (files open in an editor included), so the two agree.
    const summary =
      result.withDiagnostics === 0
        ? `No problems found in ${result.judged} files.`
        : `${result.withDiagnostics} ${result.withDiagnostics === 1 ? 'file has' : 'files have'} problems (${result.judged} files judged): see the Problems panel.`;
    void vscode.window.showInformationMessage(summary, 'Show Problems').then((a) => {
      if (a) void vscode.commands.executeCommand('workbench.actions.view.problems');
    });
  }
  return result;
}
