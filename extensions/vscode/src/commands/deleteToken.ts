import { parseTokenName } from '../core';
import * as vscode from 'vscode';
import { booleanProp } from '../util/guards';
import { filesUsingValue } from '../workspaceUsage';
import type { CommandContext } from './context';
import { pickToken } from './pick';

/** Delete after a modal naming the token and the workspace files that use it. Arg `{tokenId, confirm: true}` skips the modal. */
export async function deleteToken(ctx: CommandContext, arg?: unknown): Promise<boolean> {
  const ref = await pickToken(ctx, arg, { title: 'Delete which token?' });
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
    const choice = await vscode.window.showWarningMessage(
      `Delete token ${label}?`,
      { modal: true, detail: `${usage}\n\nAnything using this token stops working. This cannot be undone.` },
      'Delete',
    );
    if (choice !== 'Delete') return false;
  }
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Deleting token ${label}…` },
    () => ctx.repo.delete(ref.sessionId, ref.token.id),
  );
  return true;
}
