// Small view commands: refresh, filter, sort, show more, open web app / docs / logs.
import * as vscode from 'vscode';
import type { SortOrder } from '../config';
import { ContextKeys, DOCS_URL } from '../constants';
import { isTreeNode } from '../tree/nodes';
import { openExternal } from '../util/external';
import { booleanProp, stringProp } from '../util/guards';
import type { CommandContext } from './context';

export async function refresh(ctx: CommandContext, arg?: unknown): Promise<void> {
  const sessionId = isTreeNode(arg) ? arg.sessionId : stringProp(arg, 'sessionId');
  await vscode.window.withProgress({ location: { viewId: 'predicthqTokens.tokens' } }, () =>
    ctx.repo.refresh(sessionId),
  );
}

export async function filter(ctx: CommandContext, arg?: unknown): Promise<void> {
  const text =
    stringProp(arg, 'text') ??
    (await vscode.window.showInputBox({
      title: 'Filter tokens',
      prompt: 'Words matched against name, API client, id and scopes (empty clears the filter)',
      value: ctx.tree.currentFilter?.text ?? '',
    }));
  if (text === undefined) return;
  ctx.tree.setFilter({ text, storedOnly: booleanProp(arg, 'storedOnly') });
  await vscode.commands.executeCommand('setContext', ContextKeys.filtered, ctx.tree.currentFilter !== undefined);
}

export async function clearFilter(ctx: CommandContext): Promise<void> {
  ctx.tree.setFilter(undefined);
  await vscode.commands.executeCommand('setContext', ContextKeys.filtered, false);
}

export async function sortBy(ctx: CommandContext, arg?: unknown): Promise<void> {
  const given = stringProp(arg, 'order');
  const order =
    given ??
    (
      await vscode.window.showQuickPick(
        [
          { label: 'Name', id: 'name' },
          { label: 'Newest first', id: 'created' },
          { label: 'Recently used first', id: 'lastUsed' },
        ],
        { title: 'Sort tokens by' },
      )
    )?.id;
  if (order !== 'name' && order !== 'created' && order !== 'lastUsed') return;
  await ctx.config.setSortOrder(order satisfies SortOrder);
  ctx.tree.refresh();
}

export async function showMore(ctx: CommandContext, arg?: unknown): Promise<void> {
  if (isTreeNode(arg)) ctx.tree.showMore(arg.sessionId);
}

export async function openWebApp(ctx: CommandContext): Promise<boolean> {
  return openExternal(ctx.config.webAppUrl);
}

export async function openWebAppTokens(ctx: CommandContext): Promise<boolean> {
  return openExternal(ctx.config.webAppTokensUrl);
}

export async function openDocs(): Promise<boolean> {
  return vscode.env.openExternal(vscode.Uri.parse(DOCS_URL));
}

export async function showLogs(ctx: CommandContext): Promise<void> {
  ctx.logs.log.show();
}
