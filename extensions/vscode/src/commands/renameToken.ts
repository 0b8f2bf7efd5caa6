import { parseTokenName } from '@phq-tokens/core';
import * as vscode from 'vscode';
import { askTokenName } from '../ui/createTokenInput';
import { stringProp } from '../util/guards';
import type { CommandContext } from './context';
import { pickToken } from './pick';

/**
 * Rename: the box is prefilled with the full name and only the token part is selected, so
 * typing keeps a legacy "Client | " prefix unless the user edits it. Arg `{tokenId, name}`.
 */
export async function renameToken(ctx: CommandContext, arg?: unknown): Promise<string> {
  const ref = await pickToken(ctx, arg, { title: 'Rename which token?' });
  let name = stringProp(arg, 'name');
  if (name === undefined) {
    const current = ref.token.name;
    const parsed = parseTokenName(current);
    const start = parsed.client === null ? 0 : current.lastIndexOf(parsed.token);
    name = await askTokenName({
      title: `Rename "${parsed.token}"`,
      value: current,
      valueSelection: [start, current.length],
    });
  }
  if (name === ref.token.name) return ref.token.name;
  const updated = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'Renaming token…' },
    () => ctx.repo.rename(ref.sessionId, ref.token.id, name),
  );
  return updated.name;
}
