import { parseTokenName } from '../core';
import * as vscode from 'vscode';
import { CancelledError } from '../errors/describe';
import { stringProp } from '../util/guards';
import type { CommandContext } from './context';
import { pickToken } from './pick';

/** Stores a value created elsewhere (the web app, a colleague's vault) for one of the listed tokens. */
export async function importTokenValue(ctx: CommandContext, arg?: unknown): Promise<boolean> {
  const ref = await pickToken(ctx, arg, { title: 'Import the value of which token?' });
  const value =
    stringProp(arg, 'value') ??
    (await vscode.window.showInputBox({
      title: `Import the value of "${parseTokenName(ref.token.name).token}"`,
      prompt: 'Paste the token value. It is kept in VS Code secret storage only.',
      password: true,
      ignoreFocusOut: true,
      validateInput: (v) =>
        /^[\x21-\x7e]{8,}$/.test(v.trim()) ? undefined : 'Paste the whole token value (no spaces).',
    }));
  if (value === undefined) throw new CancelledError();
  if (!/^[\x21-\x7e]{8,}$/.test(value.trim()))
    throw new Error('That does not look like a token value (no spaces, at least 8 characters).');
  await ctx.repo.importValue(ref.sessionId, ref.token.id, value.trim());
  return true;
}
