import * as vscode from 'vscode';
import { copyToClipboard } from '../tokens/deliver';
import type { CommandContext } from './context';
import { pickToken, requireValue } from './pick';

/** Copies the value from SecretStorage; cleared after the configured seconds if still there. */
export async function copyToken(ctx: CommandContext, arg?: unknown): Promise<boolean> {
  const ref = await pickToken(ctx, arg, { storedOnly: true, title: 'Copy which token?' });
  await copyToClipboard(await requireValue(ctx, ref), ctx.config.clipboardClearSeconds, ctx.logs.log);
  ctx.logs.log.info(`copied token ${ref.token.id} to the clipboard`);
  const clear = ctx.config.clipboardClearSeconds;
  void vscode.window.setStatusBarMessage(`$(key) Token copied${clear ? `; clipboard clears in ${clear} s` : ''}`, 4000);
  return true;
}

export async function copyTokenId(ctx: CommandContext, arg?: unknown): Promise<string> {
  const ref = await pickToken(ctx, arg, { title: 'Copy the id of which token?' });
  await vscode.env.clipboard.writeText(ref.token.id);
  return ref.token.id;
}
