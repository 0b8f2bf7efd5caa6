import * as vscode from 'vscode';
import { stringProp } from '../util/guards';
import type { CommandContext } from './context';
import { pickAccount } from './pick';

/** Signs out one account; its stored token values are forgotten too unless the user keeps them. */
export async function signOut(ctx: CommandContext, arg?: unknown): Promise<void> {
  const sessionId = await pickAccount(ctx, arg);
  const record = ctx.accounts.get(sessionId);
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
