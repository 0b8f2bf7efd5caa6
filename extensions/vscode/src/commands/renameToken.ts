import { parseTokenName } from '../core';
import * as vscode from 'vscode';
import { renameSelection } from '../tree/renameSelection';
import { askTokenName } from '../ui/createTokenInput';
import { info } from '../ui/notices';
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
    const title = `Rename "${parseTokenName(current).token}"`;
    name = await askTokenName({ title, value: current, valueSelection: renameSelection(current) });
  }
  if (name === ref.token.name) return ref.token.name;
  const updated = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'Renaming token…' },
    () => ctx.repo.rename(ref.sessionId, ref.token.id, name),
  );
  // This extension never reads the WebApp's name of a pasted token: say only what it knows.
  if (ctx.repo.isLocal(ref.sessionId))
    void info(
      `Renamed "${parseTokenName(ref.token.name).token}" to "${parseTokenName(updated.name).token}" on this machine only; ` +
        'the PredictHQ WebApp keeps the name it has there (rename it there too to match).',
    );
  return updated.name;
}
