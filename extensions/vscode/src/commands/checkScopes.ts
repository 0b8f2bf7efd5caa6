// "Check Scopes Again": re-probes a token on this machine (one cheap request per API family)
// and records the scopes and the time. A 401 marks it revoked.
import * as vscode from 'vscode';
import { coreApi, parseTokenName } from '../core';
import { grantedOf, localProbe, unknownOf } from '../tokens/localTokens';
import type { CommandContext } from './context';
import { pickToken, requireValue } from './pick';

export async function checkScopes(ctx: CommandContext, arg?: unknown): Promise<string[] | undefined> {
  const ref = await pickToken(ctx, arg, { storedOnly: true, title: 'Check the scopes of which token?' });
  if (!ctx.repo.isLocal(ref.sessionId))
    throw new Error('Scopes of a managed token come from the management API: use "Refresh".');
  const value = await requireValue(ctx, ref);
  const label = parseTokenName(ref.token.name).token;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Checking the scopes of "${label}"`, cancellable: true },
    (progress, cancel) => {
      const ac = new AbortController();
      cancel.onCancellationRequested(() => ac.abort());
      return coreApi().probeToken(ctx.repo.baseUrl(ref.sessionId), value, {
        signal: ac.signal,
        retry: { retries: ctx.config.retries },
        onFamily: (f, i, n) => progress.report({ message: `${f.label} (${i + 1}/${n})`, increment: 100 / n }),
      });
    },
  );
  ctx.logs.log.info(`re-checked the scopes of token ${ref.token.id}: ${result.status}`);
  if (result.status === 'invalid') {
    await ctx.repo.updateLocal(ref.sessionId, ref.token.id, { revokedAt: result.checkedAt });
    void vscode.window.showErrorMessage(
      `"${label}" was rejected by PredictHQ (401): it has been revoked or deleted in the WebApp. It is marked revoked here.`,
    );
    return undefined;
  }
  if (result.status === 'unreachable' || result.status === 'unconfirmed') {
    const why =
      result.status === 'unconfirmed'
        ? "no API family accepted the token, and no answer was PredictHQ's (is the API URL right?)"
        : (result.stopped?.message ?? 'PredictHQ did not answer');
    void vscode.window.showWarningMessage(`Checking "${label}": ${why}; its scopes are unchanged.`);
    return ref.token.scopes;
  }
  const t = await ctx.repo.updateLocal(ref.sessionId, ref.token.id, {
    probe: localProbe(result),
    revokedAt: undefined,
  });
  const unknown = unknownOf(t);
  void vscode.window.showInformationMessage(
    `"${label}": ${grantedOf(t).join(', ') || 'no scopes'}${unknown.length ? `; not confirmed: ${unknown.join(', ')}` : ''}${result.subscriptionExpired ? ' (subscription expired: 402)' : ''}.`,
  );
  return grantedOf(t);
}
