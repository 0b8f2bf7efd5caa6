import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { askScopes, askTokenName } from '../ui/createTokenInput';
import { copyToClipboard, insertAtCursor, saveToEnv } from '../tokens/deliver';
import { envFolder } from '../tokens/envFolder';
import { info } from '../ui/notices';
import { parseTokenName } from '../core';
import { CancelledError } from '../errors/describe';
import { isTreeNode } from '../tree/nodes';
import { openExternal } from '../util/external';
import { isRecord, stringArrayProp, stringProp } from '../util/guards';
import { addFromWebApp } from './addToken';
import type { CommandContext } from './context';
import { pickAccount } from './pick';

/**
 * What the last create that failed asked for (never a value: none arrived), and its
 * Idempotency-Key: a failure after the request was sent (5xx, timeout, reset) may have made
 * the token, so Retry of the same create sends the same key and the server replays that token.
 */
let lastFailed: { sessionId: string; name: string; scopes: string[]; key: string } | undefined;

type Then = 'copy' | 'insert' | 'env' | 'none' | 'ask';
const THEN: readonly string[] = ['copy', 'insert', 'env', 'none', 'ask'];
const isThen = (v: string | undefined): v is Then => v !== undefined && THEN.includes(v);

/**
 * Create token: name, scopes, create with progress; the value is stored in SecretStorage as
 * it arrives; then Copy / Insert at Cursor / Save to .env. Without a management account the
 * WebApp creates it and the value is pasted here. Args `{name, scopes, then}` (and `{value}`
 * for the WebApp route) skip the inputs (tests, quick fixes). Returns the new token's id.
 */
export async function createToken(ctx: CommandContext, arg?: unknown): Promise<string> {
  const made = await (createsInWebApp(ctx, arg) ? createInWebApp(ctx, arg) : createWithApi(ctx, arg));
  if (!made) throw new CancelledError();
  const { id, name, value } = made;
  const given = stringProp(arg, 'then');
  const then: Then = isThen(given) ? given : 'ask';
  const act = async (choice: string | undefined) => {
    switch (choice) {
      case 'copy':
      case 'Copy':
        await copyToClipboard(value, ctx.config.clipboardClearSeconds, ctx.logs.log);
        break;
      case 'insert':
      case 'Insert at Cursor':
        if (!(await insertAtCursor(value)))
          void vscode.window.showWarningMessage('No editor is open to insert the token into.');
        break;
      case 'env':
      case 'Save to .env': {
        // The active file's folder or the only one; in a multi-root workspace otherwise, asked.
        const folder = await envFolder();
        if (!folder) {
          void vscode.window.showWarningMessage('Open a folder to save the token to its .env file.');
          break;
        }
        const r = await saveToEnv(folder.uri, ctx.config.envVarName, value);
        const where = (vscode.workspace.workspaceFolders?.length ?? 0) > 1 ? `${folder.name}/.env` : '.env';
        void info(
          `Saved "${name}" to ${where} (folder ${folder.name}) as ${ctx.config.envVarName}${r.gitignoreUpdated ? '; .env was added to .gitignore' : ''}.`,
        );
        await ctx.choice.set(id); // the .env now holds it: this is the workspace's token
        ctx.logs.log.info(
          `saved token ${id} to ${r.envFile.fsPath} as ${ctx.config.envVarName}${r.gitignoreUpdated ? ' (added .env to .gitignore)' : ''}`,
        );
        if (r.tightenedFrom !== undefined) {
          const was = r.tightenedFrom.toString(8).padStart(3, '0');
          ctx.logs.log.warn(`${r.envFile.fsPath} was readable by other users (mode ${was}); made it owner-only (600)`);
          void vscode.window.showWarningMessage(
            `.env was readable by other users (mode ${was}). It now holds a token, so only you can read it (mode 600). ` +
              `If others must read it, run "chmod ${was} .env" in a terminal (they can then read the token).`,
          );
        }
        break;
      }
      default:
        break;
    }
  };
  if (then === 'ask') {
    // Not awaited: the command is done once the value is safe in SecretStorage.
    void vscode.window
      .showInformationMessage(
        `Token "${name}" ${made.added ? 'added' : 'created'}. Its value is stored in VS Code's secret storage.`,
        'Copy',
        'Insert at Cursor',
        'Save to .env',
      )
      .then(act);
  } else await act(then);
  return id;
}

/** No management account to create with (none signed in, or "Tokens on this machine" chosen): the WebApp creates it. */
function createsInWebApp(ctx: CommandContext, arg: unknown): boolean {
  if (ctx.repo.list().every((a) => ctx.repo.isLocal(a.record.sessionId))) return true;
  const given = isTreeNode(arg) ? arg.sessionId : stringProp(arg, 'sessionId');
  return given !== undefined && ctx.repo.isLocal(given);
}

interface Made {
  id: string;
  name: string;
  value: string;
  /** Added from the WebApp rather than created through the management API. */
  added: boolean;
}

async function createWithApi(ctx: CommandContext, arg: unknown): Promise<Made | undefined> {
  const sessionId = await pickAccount(ctx, arg);
  if (ctx.repo.isLocal(sessionId)) return createInWebApp(ctx, { ...(isRecord(arg) ? arg : {}), sessionId });
  // After a failed create, Retry (or the next Create) starts from what was typed and chosen.
  const draft = lastFailed;
  const name =
    stringProp(arg, 'name') ??
    (await askTokenName({
      title: 'Create PredictHQ token: name',
      step: 1,
      totalSteps: 2,
      value: draft?.name ?? stringProp(arg, 'suggestedName'),
    }));
  const catalog = await ctx.repo.scopes(sessionId);
  const scopes =
    stringArrayProp(arg, 'scopes') ?? (await askScopes(catalog, draft?.scopes ?? stringArrayProp(arg, 'preselect')));
  const all = catalog.every((s) => scopes.includes(s.id));
  // The same create again (same account, name and scopes) reuses the failed attempt's key.
  const same =
    draft?.sessionId === sessionId && draft.name === name && sameSet(draft.scopes, scopes) ? draft : undefined;
  const key = same?.key ?? randomUUID();
  try {
    const created = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Creating token "${name}"…` },
      () => ctx.repo.create(sessionId, name, all ? undefined : scopes, key),
    );
    lastFailed = undefined;
    return { id: created.id, name, value: created.value, added: false };
  } catch (e) {
    lastFailed = { sessionId, name, scopes, key };
    throw e;
  }
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x) => b.includes(x));

/**
 * Tokens on this machine: PredictHQ creates tokens only in its WebApp. Open its API Tokens page
 * and wait for the new value to be pasted (shown once there), then verify, probe, store.
 */
async function createInWebApp(ctx: CommandContext, arg: unknown): Promise<Made | undefined> {
  const scopes = stringArrayProp(arg, 'preselect') ?? stringArrayProp(arg, 'scopes');
  await openExternal(ctx.config.webAppTokensUrl);
  const id = await addFromWebApp(ctx, arg, {
    title: 'Create the token in the PredictHQ WebApp, then paste it here',
    prompt: `In the WebApp: name${scopes?.length ? `, scopes (${scopes.join(', ')})` : ', scopes'}, Create Token, Copy Token. The value is shown only once: paste it now.`,
    suggestedName: stringProp(arg, 'suggestedName'),
  });
  const ref = id ? ctx.repo.find(id) : undefined;
  if (!ref) return undefined;
  const value = await ctx.repo.value(ref.sessionId, ref.token.id);
  if (!value) return undefined;
  return { id: ref.token.id, name: parseTokenName(ref.token.name).token, value, added: true };
}
