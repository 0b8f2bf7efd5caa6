import { coreApi, parseTokenName, type VerifyResult } from '../core';
import * as vscode from 'vscode';
import type { CommandContext } from './context';
import { pickToken, requireValue } from './pick';

/** A live call (GET /v1/events/?limit=1) with the stored value: valid / invalid / missing scope. */
export async function verifyToken(ctx: CommandContext, arg?: unknown): Promise<VerifyResult> {
  const ref = await pickToken(ctx, arg, { storedOnly: true, title: 'Verify which token?' });
  const value = await requireValue(ctx, ref);
  const name = parseTokenName(ref.token.name).token;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Verifying "${name}"…` },
    () => coreApi().verifyToken(ctx.repo.baseUrl(ref.sessionId), value, { retry: { retries: ctx.config.retries } }),
  );
  ctx.logs.log.info(`verified token ${ref.token.id}: ${result.status}`);
  if (ctx.repo.isLocal(ref.sessionId)) {
    // A token on this machine: a 401 marks it revoked (tree, status bar, completions, hover); a working answer clears it.
    const was = ctx.repo.localToken(ref.sessionId, ref.token.id)?.revokedAt;
    if (result.status === 'invalid' && !was)
      await ctx.repo.updateLocal(ref.sessionId, ref.token.id, {
        revokedAt: new Date().toISOString(),
        toRevokeSince: undefined,
      });
    if ((result.status === 'valid' || result.status === 'missing-scope') && was)
      await ctx.repo.updateLocal(ref.sessionId, ref.token.id, { revokedAt: undefined });
  }
  switch (result.status) {
    case 'valid':
      void vscode.window.showInformationMessage(`"${name}" works: the Events API accepted it.`);
      break;
    case 'invalid':
      void vscode.window.showErrorMessage(
        ctx.repo.isLocal(ref.sessionId)
          ? `"${name}" is not valid: PredictHQ rejected it (401). It was revoked or deleted in the WebApp; it is marked revoked here.`
          : `"${name}" is not valid: PredictHQ rejected it (401). It may have been deleted.`,
      );
      break;
    case 'missing-scope':
      void vscode.window.showWarningMessage(
        `"${name}" is valid but lacks the "${result.scope}" scope (403), so it cannot call the Events API.`,
      );
      break;
    case 'error':
      void vscode.window
        .showErrorMessage(`Could not verify "${name}": ${result.message}`, 'Show Logs')
        .then((c) => c && ctx.logs.log.show());
      break;
    default: {
      const never: never = result;
      throw new Error(String(never));
    }
  }
  return result;
}
