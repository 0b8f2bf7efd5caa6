// Client-side commands named by the language server's completions and quick fixes
// (@phq-tokens/protocol): the server only knows token ids; the value is read from
// SecretStorage and written here, at the last moment. Refused in untrusted workspaces.
import { CreateTokenAndInsert, InsertToken, isCreateTokenAndInsertArgs, isInsertTokenArgs } from '@phq-tokens/protocol';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CommandContext } from './context';
import { createToken } from './createToken';
import { askAndImport } from './importTokenValue';
import { requireValue } from './pick';
import { askTrackedChoice, useEnvInstead } from './trackedFile';
import { stringProp } from '../util/guards';

export { CreateTokenAndInsert, InsertToken };

function toRange(r: {
  start: { line: number; character: number };
  end: { line: number; character: number };
}): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

async function writeValue(uri: vscode.Uri, range: vscode.Range, value: string): Promise<boolean> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, range, value);
  return vscode.workspace.applyEdit(edit);
}

function requireTrust(): void {
  if (!vscode.workspace.isTrusted)
    throw new Error('Real tokens are not inserted into an untrusted workspace. Trust the workspace first.');
}

export async function insertToken(ctx: CommandContext, arg?: unknown): Promise<boolean> {
  if (!isInsertTokenArgs(arg)) throw new Error('Insert token: missing or malformed arguments.');
  requireTrust();
  const ref = ctx.repo.find(arg.tokenId);
  if (!ref) throw new Error(`Token ${arg.tokenId} is not in any signed-in account.`);
  // A token whose value is not on this machine (offered last, and said so): ask for it, keep it, insert it.
  if (!(await ctx.repo.value(ref.sessionId, ref.token.id)))
    await askAndImport(
      ctx,
      { tokenId: ref.token.id, value: stringProp(arg, 'value') },
      'To insert it, paste the value of',
    );
  const value = await requireValue(ctx, ref);
  const uri = vscode.Uri.parse(arg.uri);
  if (arg.gitTracked && arg.envEdits?.length) {
    const choice = await askTrackedChoice(vscode.workspace.asRelativePath(uri), stringProp(arg, 'choice'));
    if (choice === 'env') return useEnvInstead(ctx, arg, value);
  }
  const ok = await writeValue(uri, toRange(arg.range), value);
  ctx.logs.log.info(
    `inserted token ${ref.token.id} into ${vscode.workspace.asRelativePath(uri)}${ok ? '' : ' (edit refused)'}`,
  );
  return ok;
}

export async function createTokenAndInsert(ctx: CommandContext, arg?: unknown): Promise<string | undefined> {
  if (!isCreateTokenAndInsertArgs(arg)) throw new Error('Create and insert token: missing or malformed arguments.');
  requireTrust();
  // A name the user can accept as is: the server's suggestion, else the file it is for.
  const suggestedName = arg.suggestedName ?? `${path.posix.basename(vscode.Uri.parse(arg.uri).path)} token`;
  const id = await createToken(ctx, { suggestedName, preselect: arg.scopes, then: 'none' });
  const ref = ctx.repo.find(id);
  if (!ref) return undefined;
  await writeValue(vscode.Uri.parse(arg.uri), toRange(arg.range), await requireValue(ctx, ref));
  ctx.logs.log.info(
    `created token ${id} and inserted it into ${vscode.workspace.asRelativePath(vscode.Uri.parse(arg.uri))}`,
  );
  return id;
}
