import { parseTokenName } from '../core';
import * as vscode from 'vscode';
import type { CommandContext } from './context';
import { pickToken } from './pick';

/** Marks a token as the one this workspace uses; running it on the chosen token clears the choice. */
export async function useInWorkspace(ctx: CommandContext, arg?: unknown): Promise<string | undefined> {
  const ref = await pickToken(ctx, arg, { title: 'Which token does this workspace use?' });
  const clear = ctx.choice.tokenId === ref.token.id;
  await ctx.choice.set(clear ? undefined : ref.token.id);
  const name = parseTokenName(ref.token.name).token;
  void vscode.window.setStatusBarMessage(
    clear ? `$(key) No token chosen for this workspace` : `$(key) This workspace uses "${name}"`,
    4000,
  );
  return ctx.choice.tokenId;
}
