// "Scan Git History": every unique blob of the repository's history judged by the
// CLI's `scan --history` (src/history/gitHistory.ts), the findings in the "Token Leaks in Git
// History" view. The repository is the first workspace folder, or `{ folder }` (a path; tests
// pass it to skip the picker). Progress in a notification with Cancel (kills the scan); tests
// pass `cancelAfterMs` to cancel as Cancel would.
import path from 'node:path';
import * as vscode from 'vscode';
import { fingerprint } from '@phq-tokens/detect/fingerprint'; // by file: the engine stays out of this bundle
import { HISTORY_VIEW_ID, runHistoryScan, type HistoryScanResult, type KnownTokenRef } from '../history/gitHistory';
import { git } from '../history/git';
import { positiveIntegerProp, stringProp } from '../util/guards';
import type { CommandContext } from './context';

export async function scanGitHistory(ctx: CommandContext, arg?: unknown): Promise<HistoryScanResult | undefined> {
  const folder = stringProp(arg, 'folder') ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!folder) {
    void vscode.window.showInformationMessage('Open a folder in a git repository to scan its history.');
    return undefined;
  }
  // The view appears with the first scan (hidden before, so the API Tokens view keeps the side bar to itself).
  void vscode.commands.executeCommand('setContext', 'predicthqTokens.historyScanned', true);
  let repo: string;
  try {
    repo = (await git(folder, ['rev-parse', '--show-toplevel'])).toString('utf8').trim() || folder;
  } catch {
    throw new Error(`${path.basename(folder)} is not in a git repository.`);
  }
  const known = await knownTokens(ctx);
  const cli = ctx.extension.asAbsolutePath(path.join('dist', 'cli', 'cli.js'));
  const started = Date.now();
  const scanned = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: `PredictHQ Tokens: scanning the git history of ${path.basename(repo)}`,
      cancellable: true,
    },
    async (_progress, cancel) => {
      const source = new vscode.CancellationTokenSource();
      const subscription = cancel.onCancellationRequested(() => source.cancel());
      const cancelAfterMs = positiveIntegerProp(arg, 'cancelAfterMs');
      const timer = cancelAfterMs === undefined ? undefined : setTimeout(() => source.cancel(), cancelAfterMs);
      try {
        return await runHistoryScan(cli, repo, known, source.token);
      } finally {
        clearTimeout(timer);
        subscription.dispose();
        source.dispose();
      }
    },
  );
  const result: HistoryScanResult = scanned
    ? { repo, findings: scanned.findings, blobs: scanned.blobs, cancelled: false }
    : { repo, findings: [], blobs: 0, cancelled: true };
  ctx.history.set(result);
  ctx.logs.log.info(
    `git history scan: ${result.cancelled ? 'cancelled' : `${result.findings.length} findings in ${result.blobs} blobs`} (${Date.now() - started} ms, ${known.length} known tokens)`,
  );
  if (!result.cancelled) {
    void vscode.commands.executeCommand(`${HISTORY_VIEW_ID}.focus`).then(undefined, () => undefined);
    const inHistoryOnly = result.findings.filter((f) => !f.inHead).length;
    void vscode.window.showInformationMessage(
      result.findings.length === 0
        ? `No tokens or placeholders in the history of ${path.basename(repo)} (${result.blobs} file versions).`
        : `${result.findings.length} findings in the history of ${path.basename(repo)}, ${inHistoryOnly} of them removed since but still in history.`,
    );
  }
  return result;
}

/** The user's tokens whose values are stored here, by fingerprint (never the value). */
async function knownTokens(ctx: CommandContext): Promise<KnownTokenRef[]> {
  await ctx.repo.secrets.warm(ctx.repo.list().map((d) => d.record.sessionId));
  const names = new Map<string, string>();
  for (const d of ctx.repo.list()) for (const t of d.tokens ?? []) names.set(t.id, t.name);
  return ctx.repo.secrets
    .known()
    .map((k) => ({ id: k.tokenId, name: names.get(k.tokenId) ?? k.tokenId, fingerprint: fingerprint(k.value) }));
}
