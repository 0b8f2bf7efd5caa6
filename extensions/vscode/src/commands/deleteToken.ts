import { parseTokenName } from '../core';
import * as vscode from 'vscode';
import { booleanProp } from '../util/guards';
import { filesUsingValue } from '../workspaceUsage';
import type { CommandContext } from './context';
import { pickToken } from './pick';
import type { TokenRef } from '../tokens/repository';
import { askModal } from '../ui/modal';
import { openExternal } from '../util/external';

/**
 * The safe choice of a destructive prompt, listed first: VS Code focuses the first button, so
 * Enter keeps the token (a close affordance would become VS Code's Cancel, leaving Delete focused).
 */
const KEEP = 'Keep the Token';
const FORGET = 'Forget on This Machine';
const REVOKE = 'Revoke in the WebApp…';

/** Delete after a modal naming the token and the workspace files that use it. Arg `{tokenId, confirm: true}` skips the modal. */
export async function deleteToken(ctx: CommandContext, arg?: unknown): Promise<boolean> {
  const ref = await pickToken(ctx, arg, { title: 'Delete which token?' });
  if (ctx.repo.isLocal(ref.sessionId)) return forgetToken(ctx, ref, arg);
  const n = parseTokenName(ref.token.name);
  const label = n.client ? `"${n.token}" (API client ${n.client})` : `"${n.token}"`;
  const value = await ctx.repo.value(ref.sessionId, ref.token.id);
  const users = value
    ? await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: 'Checking whether the workspace uses the token…' },
        () => filesUsingValue(value, ctx.config.ignoreGlobs),
      )
    : [];
  if (booleanProp(arg, 'confirm') !== true) {
    const usage = users.length
      ? `This workspace uses it in: ${users
          .slice(0, 5)
          .map((u) => vscode.workspace.asRelativePath(u))
          .join(', ')}${users.length > 5 ? ` and ${users.length - 5} more` : ''}. Those calls will fail with 401.`
      : value
        ? 'This workspace does not appear to use it.'
        : 'Its value is not stored here, so its use in this workspace cannot be checked.';
    // The safe choice first, so it is the focused default: Enter keeps the token.
    const choice = await askModal({
      severity: 'warning',
      message: `Delete token ${label}?`,
      detail: `${usage}\n\nAnything using this token stops working. This cannot be undone.`,
      buttons: [KEEP, 'Delete'],
    });
    if (choice !== 'Delete') return false;
  }
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Deleting token ${label}…` },
    () => ctx.repo.delete(ref.sessionId, ref.token.id),
  );
  return true;
}

/**
 * A token on this machine cannot be deleted from here (no management API): forgetting removes
 * the value from this machine only, and the confirmation says so and offers the WebApp.
 * Arg `{confirm: true}` forgets without asking.
 */
async function forgetToken(ctx: CommandContext, ref: TokenRef, arg: unknown): Promise<boolean> {
  const n = parseTokenName(ref.token.name);
  if (booleanProp(arg, 'confirm') !== true) {
    // One way out (VS Code's Cancel); Enter opens the WebApp, which loses nothing.
    const choice = await askModal({
      severity: 'warning',
      message: `Forget "${n.token}" on this machine?`,
      detail:
        "Its value is removed from VS Code's secret storage here. Forgetting does NOT revoke it: the token keeps working for anyone who has it until you delete it in the PredictHQ WebApp (API Tools → API Tokens).",
      buttons: [REVOKE, FORGET],
    });
    if (choice === REVOKE) {
      await openExternal(ctx.config.webAppTokensUrl);
      void vscode.window.showInformationMessage(
        `Delete "${n.token}" in the WebApp, then use "Verify Token" here: a 401 marks it revoked, and you can forget it.`,
      );
      return false;
    }
    if (choice !== FORGET) return false;
  }
  await ctx.repo.delete(ref.sessionId, ref.token.id);
  return true;
}
