import * as vscode from 'vscode';
import { stringProp } from '../util/guards';
import type { CommandContext } from './context';
import { pickAccount } from './pick';

/** Signs out one account; its stored token values are forgotten too unless the user keeps them. */
export async function signOut(ctx: CommandContext, arg?: unknown): Promise<void> {
  const sessionId = await pickAccount(ctx, arg);
  const record = ctx.accounts.get(sessionId);
  if (ctx.repo.isLocal(sessionId)) return forgetAll(ctx, sessionId, arg);
  let forget = stringProp(arg, 'storedValues') !== 'keep';
  if (!stringProp(arg, 'storedValues') && ctx.repo.secrets.storedIds(sessionId).size > 0) {
    const choice = await vscode.window.showWarningMessage(
      `Sign out of ${record?.name ?? 'this account'}?`,
      { modal: true, detail: 'Token values stored on this machine for this account can be kept or removed.' },
      'Sign Out and Remove Values',
      'Sign Out, Keep Values',
    );
    if (!choice) return;
    forget = choice === 'Sign Out and Remove Values';
  }
  if (forget) await ctx.repo.forgetAccount(sessionId);
  await ctx.auth.removeSession(sessionId);
  await ctx.repo.syncAccounts();
}

/** "Tokens on this machine" has nothing to sign out of: removing it forgets every value (no revoke). */
async function forgetAll(ctx: CommandContext, sessionId: string, arg: unknown): Promise<void> {
  const n = ctx.repo.get(sessionId)?.tokens?.length ?? 0;
  if (stringProp(arg, 'storedValues') !== 'remove' && n > 0) {
    const choice = await vscode.window.showWarningMessage(
      `Forget all ${n} tokens on this machine?`,
      {
        modal: true,
        detail:
          "Their values are removed from VS Code's secret storage. This does not revoke them: they keep working until you delete them in the PredictHQ WebApp.",
      },
      'Forget All',
    );
    if (choice !== 'Forget All') return;
  }
  await ctx.repo.forgetAccount(sessionId);
  await ctx.accounts.remove(sessionId);
  await ctx.repo.syncAccounts();
}
