// The one story for writing a real token into a file: where git would commit the
// file, the token would end up in the repository, so the user is asked first and the .env
// route is the default: the value goes to the workspace's .env (made git-ignored) and the site
// gets the environment-variable reference, in the language's idiom, with its import.
import type { InsertTokenArgs } from '@phq-tokens/protocol';
import * as vscode from 'vscode';
import { CancelledError } from '../errors/describe';
import { saveToEnv } from '../tokens/deliver';
import type { CommandContext } from './context';

export type TrackedChoice = 'env' | 'here';

const ENV: vscode.MessageItem = { title: 'Save to .env and Use the Variable' };
const HERE: vscode.MessageItem = { title: 'Write the Token Here' };
const CANCEL: vscode.MessageItem = { title: 'Cancel', isCloseAffordance: true };

/** Asks (the .env route first, so it is the default); `given` answers for tests and scripts. */
export async function askTrackedChoice(file: string, given: string | undefined): Promise<TrackedChoice> {
  if (given === 'env' || given === 'here') return given;
  const choice = await vscode.window.showWarningMessage(
    `Git would commit ${file}: write the token into it?`,
    {
      modal: true,
      detail:
        'A token in a committed file reaches everyone with the repository, and stays in its history. Save it to .env (git-ignored) and read it from the environment instead?',
    },
    ENV,
    HERE,
    CANCEL,
  );
  if (choice === ENV) return 'env';
  if (choice === HERE) return 'here';
  throw new CancelledError();
}

/** The .env route: the value to the workspace's .env, the reference (and import) at the site. */
export async function useEnvInstead(ctx: CommandContext, arg: InsertTokenArgs, value: string): Promise<boolean> {
  const uri = vscode.Uri.parse(arg.uri);
  const folder = vscode.workspace.getWorkspaceFolder(uri)?.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) throw new Error('Open a folder to save the token to its .env file.');
  const saved = await saveToEnv(folder, ctx.config.envVarName, value);
  await ctx.choice.set(arg.tokenId);
  const edit = new vscode.WorkspaceEdit();
  for (const e of arg.envEdits ?? [])
    edit.replace(
      uri,
      new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character),
      e.newText,
    );
  const ok = await vscode.workspace.applyEdit(edit);
  ctx.logs.log.info(
    `saved token ${arg.tokenId} to ${vscode.workspace.asRelativePath(saved.envFile)} and wrote the variable reference into ${vscode.workspace.asRelativePath(uri)}`,
  );
  return ok;
}
