// Works out which account or token a command acts on: a tree node, an object naming it
// ({sessionId} / {tokenId}), or else the user picks.
import { parseTokenName } from '../core';
import * as vscode from 'vscode';
import { CancelledError } from '../errors/describe';
import type { TokenRef } from '../tokens/repository';
import { isTreeNode } from '../tree/nodes';
import { booleanProp, stringProp } from '../util/guards';
import type { CommandContext } from './context';

export async function pickAccount(ctx: CommandContext, arg: unknown): Promise<string> {
  const given = isTreeNode(arg) ? arg.sessionId : stringProp(arg, 'sessionId');
  if (given && ctx.repo.get(given)) return given;
  const accounts = ctx.repo.list();
  if (accounts.length === 0) throw new Error('Sign in to PredictHQ first.');
  if (accounts.length === 1) return accounts[0]!.record.sessionId;
  const picked = await vscode.window.showQuickPick(
    accounts.map((a) => ({
      label: a.record.name,
      description: `${a.record.email} · ${new URL(a.record.baseUrl).host}`,
      id: a.record.sessionId,
    })),
    { title: 'PredictHQ account' },
  );
  if (!picked) throw new CancelledError();
  return picked.id;
}

export async function pickToken(
  ctx: CommandContext,
  arg: unknown,
  opts: { storedOnly?: boolean; title?: string } = {},
): Promise<TokenRef> {
  // A keyboard shortcut of the API Tokens view ({focused: true}): the token selected there, or nothing.
  if (booleanProp(arg, 'focused') === true) {
    const node = ctx.selectedNode();
    if (node?.kind !== 'token') throw new CancelledError();
    return { sessionId: node.sessionId, token: node.token };
  }
  if (isTreeNode(arg) && arg.kind === 'token') return { sessionId: arg.sessionId, token: arg.token };
  const id = stringProp(arg, 'tokenId');
  if (id) {
    const found = ctx.repo.find(id);
    if (!found) throw new Error(`Token ${id} is not in any signed-in account (refresh the view?).`);
    return found;
  }
  const sessionId = await pickAccount(ctx, arg);
  const tokens = (ctx.repo.get(sessionId)?.tokens ?? []).filter(
    (t) => !opts.storedOnly || ctx.repo.isStored(sessionId, t.id),
  );
  if (tokens.length === 0)
    throw new Error(
      opts.storedOnly
        ? 'No token of this account has its value stored on this machine.'
        : 'This account has no tokens.',
    );
  const picked = await vscode.window.showQuickPick(
    tokens.map((t) => {
      const n = parseTokenName(t.name);
      return {
        label: n.token,
        description: n.client ?? undefined,
        detail: `${t.id} · ${t.scopes.join(', ')}`,
        token: t,
      };
    }),
    { title: opts.title ?? 'Choose a token', matchOnDescription: true, matchOnDetail: true },
  );
  if (!picked) throw new CancelledError();
  return { sessionId, token: picked.token };
}

/** The value of a token from SecretStorage, or a clear error saying how to get it there. */
export async function requireValue(ctx: CommandContext, ref: TokenRef): Promise<string> {
  const value = await ctx.repo.value(ref.sessionId, ref.token.id);
  if (!value)
    throw new Error(
      `The value of "${parseTokenName(ref.token.name).token}" is not stored on this machine. Use "Import Token Value" if you have it.`,
    );
  return value;
}
