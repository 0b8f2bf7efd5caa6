import { cleanTokenInput, parseTokenName } from '../core';
import * as vscode from 'vscode';
import { CancelledError } from '../errors/describe';
import { stringProp } from '../util/guards';
import type { CommandContext } from './context';
import { pickToken } from './pick';

/** Stores a value created elsewhere (the web app, a colleague's vault) for one of the listed tokens. */
export function importTokenValue(ctx: CommandContext, arg?: unknown): Promise<boolean> {
  return askAndImport(ctx, arg, undefined);
}

/** The import flow, with a title saying why it is asked (e.g. to insert the token). */
export async function askAndImport(ctx: CommandContext, arg: unknown, why: string | undefined): Promise<boolean> {
  const ref = await pickToken(ctx, arg, { title: 'Import the value of which token?' });
  const raw =
    stringProp(arg, 'value') ??
    (await vscode.window.showInputBox({
      title: `${why ?? 'Import the value of'} "${parseTokenName(ref.token.name).token}"`,
      prompt:
        'Paste the token value (PredictHQ showed it once, at creation). It is kept in VS Code secret storage only.',
      password: true,
      ignoreFocusOut: true,
      validateInput: (v) => {
        if (v.trim() === '') return undefined;
        const r = cleanTokenInput(v);
        return r.ok ? undefined : r.message;
      },
    }));
  if (raw === undefined) throw new CancelledError();
  const cleaned = cleanTokenInput(raw);
  if (!cleaned.ok) throw new Error(cleaned.message);
  await ctx.repo.importValue(ref.sessionId, ref.token.id, cleaned.value);
  return true;
}
