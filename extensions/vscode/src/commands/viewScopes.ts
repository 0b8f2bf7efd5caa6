import { parseTokenName } from '../core';
import * as vscode from 'vscode';
import { booleanProp } from '../util/guards';
import type { CommandContext } from './context';
import { pickToken } from './pick';

/** Lists the token's scopes with the catalog's labels and descriptions. Returns the scope ids. */
export async function viewScopes(ctx: CommandContext, arg?: unknown): Promise<string[]> {
  const ref = await pickToken(ctx, arg, { title: 'Scopes of which token?' });
  const catalog = await ctx.repo.scopes(ref.sessionId);
  if (booleanProp(arg, 'quiet') !== true) {
    const items = catalog.map((s) => ({
      label: `${ref.token.scopes.includes(s.id) ? '$(check)' : '$(circle-slash)'} ${s.label}`,
      description: s.pathPrefixes.join(', '),
      detail: s.description,
    }));
    void vscode.window.showQuickPick(items, {
      title: `Scopes of "${parseTokenName(ref.token.name).token}": ${ref.token.scopes.length} of ${catalog.length}`,
      matchOnDetail: true,
    });
  }
  return ref.token.scopes;
}
