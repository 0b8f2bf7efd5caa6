// "Rotate Token…": replace a token everywhere the workspace uses it, then revoke
// the old one, in that order. The plan is shown first; the replacement is created (management
// API, idempotent) or made in the WebApp and pasted (tokens on this machine); the files are
// changed in one undoable workspace edit and saved; only when every write succeeded is the old
// token deleted (management) or the WebApp opened to revoke it (marked "to revoke" here until
// a check answers 401). Any failure stops before the revoke and says which steps ran.
// Args `{tokenId, name, confirm: true, value}` skip the boxes (tests; value: the pasted new token).
import { planEnvFile } from '@phq-tokens/core/envFile';
import * as vscode from 'vscode';
import { isPhqError, parseTokenName } from '../core';
import { CancelledError } from '../errors/describe';
import { saveToEnv } from '../tokens/deliver';
import {
  addPlaceEdits,
  changedPlaces,
  describePlace,
  placeKind,
  readOnlyPlaces,
  snapshot,
  type Place,
} from '../tokens/rotation';
import { askTokenName } from '../ui/createTokenInput';
import { askModal } from '../ui/modal';
import { openExternal } from '../util/external';
import { booleanProp, isRecord, stringProp } from '../util/guards';
import { searchValue, type UsageLimits } from '../workspaceUsage';
import { addFromWebApp } from './addToken';
import type { CommandContext } from './context';
import { pickToken, requireValue } from './pick';

/** Rotations in flight, by token id: a second one of the same token is refused. */
const inFlight = new Set<string>();

export interface RotationReport {
  newTokenId: string;
  changed: string[];
  revoked: 'deleted' | 'already-gone' | 'to-revoke-in-webapp';
  /** What the search did not look at (said in the plan too); empty when it saw every file. */
  notSearched: string[];
}

export async function rotateToken(ctx: CommandContext, arg?: unknown): Promise<RotationReport> {
  // From the history view: a finding of one of your tokens ("still in history: rotate it").
  const fromHistory = isRecord(arg) && isRecord(arg.finding) ? stringProp(arg.finding, 'tokenId') : undefined;
  const ref = await pickToken(ctx, fromHistory ? { tokenId: fromHistory } : arg, {
    storedOnly: true,
    title: 'Rotate which token?',
  });
  if (inFlight.has(ref.token.id)) throw new Error('This token is already being rotated.');
  inFlight.add(ref.token.id);
  try {
    return await rotate(ctx, ref, arg);
  } finally {
    inFlight.delete(ref.token.id);
  }
}

async function rotate(
  ctx: CommandContext,
  ref: Awaited<ReturnType<typeof pickToken>>,
  arg: unknown,
): Promise<RotationReport> {
  const oldValue = await requireValue(ctx, ref);
  const local = ctx.repo.isLocal(ref.sessionId);
  const label = parseTokenName(ref.token.name).token;
  const varName = ctx.config.envVarName;
  const stamp = new Date().toISOString().slice(0, 10);
  const name =
    stringProp(arg, 'name') ??
    (await askTokenName({
      title: `Rotate "${label}": name of the replacement`,
      value: `${ref.token.name} (rotated ${stamp})`,
    }));

  // 1. The plan: every place that holds the old value, and what it becomes.
  const limits = searchLimits(arg);
  let cancelled = false;
  const found = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: `Looking for "${label}" in the workspace…`,
      cancellable: true,
    },
    (_p, cancel) => {
      cancel.onCancellationRequested(() => (cancelled = true));
      return searchValue(oldValue, ctx.config.ignoreGlobs, limits, cancel);
    },
  );
  // A plan made from half a search would revoke a token some file still holds.
  if (cancelled) throw new CancelledError();
  const places: Place[] = found.uris.map((u) => describePlace(u, placeKind(u), varName));
  const notSearched = notSearchedLines(found.notSearched, limits);
  const onDisk = await snapshot(places);
  const needsEnv = places.some((p) => p.kind !== 'env') && !places.some((p) => p.kind === 'env');
  const steps = [
    local
      ? `1. Create the replacement "${name}" in the PredictHQ WebApp (opened for you) with the scopes ${ref.token.scopes.join(', ') || '(none)'}, and paste it here.`
      : `1. Create "${name}" with the same scopes (${ref.token.scopes.join(', ') || 'none'}).`,
    ...places.map((p, i) => `${i + 2}. ${vscode.workspace.asRelativePath(p.uri)}: ${p.what}.`),
    ...(needsEnv ? [`${places.length + 2}. .env: ${varName} gets the new value (git-ignored).`] : []),
    local
      ? `Last: open the WebApp to revoke "${label}"; it is marked "to revoke" here until PredictHQ rejects it.`
      : `Last: delete "${label}", only once every file above was written.`,
  ];
  if (booleanProp(arg, 'confirm') !== true) {
    const warn = notSearched.length ? `\n\nNot searched (check these yourself):\n${notSearched.join('\n')}` : '';
    // The safe choice first: Enter does not start a rotation that ends by revoking the token.
    const go = await askModal({
      severity: 'info',
      message: `Rotate "${label}"?`,
      detail: `${steps.join('\n')}${warn}\n\nIf a step fails, nothing is revoked.`,
      buttons: ['Not Now', 'Rotate'],
    });
    if (go !== 'Rotate') throw new CancelledError();
  }
  const locked = await readOnlyPlaces(places);
  if (locked.length > 0)
    throw new Error(
      `Rotation stopped before creating anything: ${locked.map((p) => vscode.workspace.asRelativePath(p.uri)).join(', ')} ${locked.length === 1 ? 'is' : 'are'} read-only. Make ${locked.length === 1 ? 'it' : 'them'} writable and rotate again; nothing was changed.`,
    );
  // The .env the new value goes to: the same write policy as the CLI's, asked before anything exists.
  const envFolder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if ((needsEnv || places.length === 0) && envFolder?.scheme === 'file') {
    try {
      planEnvFile(vscode.Uri.joinPath(envFolder, '.env').fsPath);
    } catch (e) {
      throw new Error(
        `Rotation stopped before creating anything: ${e instanceof Error ? e.message : String(e)} Nothing was changed.`,
        { cause: e },
      );
    }
  }
  ctx.logs.log.info(`rotating token ${ref.token.id}: ${places.length} files hold it`);

  // 2. The replacement.
  let newId: string;
  let newValue: string;
  if (local) {
    await openExternal(ctx.config.webAppTokensUrl);
    const id = await addFromWebApp(
      ctx,
      { value: stringProp(arg, 'value'), name, baseUrl: ctx.repo.baseUrl(ref.sessionId) },
      {
        title: `Paste the replacement for "${label}" (made in the WebApp)`,
        suggestedName: name,
      },
    );
    const v = id ? await ctx.repo.value(ctx.repo.find(id)?.sessionId ?? ref.sessionId, id) : undefined;
    if (!id || !v) throw new CancelledError();
    if (id === ref.token.id) throw new Error('That is the old token: paste the new one made in the WebApp.');
    newId = id;
    newValue = v;
  } else {
    const catalog = await ctx.repo.scopes(ref.sessionId);
    const all = catalog.every((s) => ref.token.scopes.includes(s.id));
    const created = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Creating "${name}"…` },
      () => ctx.repo.create(ref.sessionId, name, all ? undefined : ref.token.scopes),
    );
    newId = created.id;
    newValue = created.value;
  }
  const done = [`created "${name}" (${newId})`];

  // 3. The files: one workspace edit, then saved. A failure stops here: nothing revoked.
  const changed: string[] = [];
  try {
    if (places.length > 0) {
      // Checked again: a file can turn read-only (or vanish) while the replacement is made.
      const lockedNow = await readOnlyPlaces(places);
      if (lockedNow.length > 0)
        throw new Error(`${lockedNow.map((p) => vscode.workspace.asRelativePath(p.uri)).join(', ')} cannot be written`);
      // A file changed on disk since the plan was shown: the plan no longer says what happens there.
      const moved = await changedPlaces(places, onDisk);
      if (moved.length > 0)
        throw new Error(
          `${moved.map((p) => vscode.workspace.asRelativePath(p.uri)).join(', ')} changed on disk since the plan was shown; nothing was written`,
        );
      const edit = new vscode.WorkspaceEdit();
      for (const p of places) await addPlaceEdits(edit, p, oldValue, newValue, varName);
      if (!(await vscode.workspace.applyEdit(edit)))
        throw new Error('VS Code refused the edit (a file changed meanwhile?)');
      for (const p of places) {
        if (!(await saveDocument(p.uri))) throw new Error(`could not save ${vscode.workspace.asRelativePath(p.uri)}`);
        changed.push(vscode.workspace.asRelativePath(p.uri));
      }
    }
    if (needsEnv || places.length === 0) {
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      if (folder) {
        const r = await saveToEnv(folder, varName, newValue);
        changed.push(vscode.workspace.asRelativePath(r.envFile));
      }
    }
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new Error(
      `Rotation stopped before revoking "${label}": ${msg}. Done: ${[...done, ...changed.map((c) => `wrote ${c}`)].join('; ')}. The old token still works; the new one exists.`,
      { cause: e },
    );
  }
  await ctx.choice.set(newId);
  ctx.repo.noteReplacement(ref.token.id, newId);

  // 4. Revoke last.
  let revoked: RotationReport['revoked'];
  if (local) {
    await ctx.repo.updateLocal(ref.sessionId, ref.token.id, { toRevokeSince: new Date().toISOString() });
    await openExternal(ctx.config.webAppTokensUrl);
    revoked = 'to-revoke-in-webapp';
  } else {
    revoked = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Deleting "${label}"…` },
      () => deleteOld(ctx, ref.sessionId, ref.token.id),
    );
  }
  ctx.logs.log.info(`rotated token ${ref.token.id} -> ${newId}; ${changed.length} files written; old ${revoked}`);
  void vscode.window.showInformationMessage(
    `Rotated "${label}": ${changed.length ? `updated ${changed.join(', ')}; ` : ''}${
      revoked === 'deleted'
        ? 'the old token is deleted.'
        : revoked === 'already-gone'
          ? 'the old token was already revoked.'
          : 'now delete the old token in the WebApp; it is marked "to revoke" until PredictHQ rejects it.'
    }`,
  );
  return { newTokenId: newId, changed, revoked, notSearched };
}

/** The search's limits: generous by default; `searchLimits` in the args (tests) lowers them. */
function searchLimits(arg: unknown): UsageLimits {
  const given = isRecord(arg) && isRecord(arg.searchLimits) ? arg.searchLimits : {};
  const num = (v: unknown, d: number) => (typeof v === 'number' && v > 0 ? v : d);
  return { maxFiles: num(given.maxFiles, 100_000), maxBytes: num(given.maxBytes, 64 * 1024 * 1024) };
}

function notSearchedLines(n: { overFileLimit: boolean; tooLarge: vscode.Uri[] }, limits: UsageLimits): string[] {
  const out: string[] = [];
  if (n.overFileLimit) out.push(`- files beyond the first ${limits.maxFiles} of the workspace`);
  const big = n.tooLarge.map((u) => vscode.workspace.asRelativePath(u));
  if (big.length)
    out.push(
      `- ${big.length} file(s) over ${limits.maxBytes >= 1 << 20 ? `${Math.round(limits.maxBytes / (1 << 20))} MiB` : `${limits.maxBytes} bytes`}: ${big.slice(0, 5).join(', ')}${big.length > 5 ? ', …' : ''}`,
    );
  return out;
}

/**
 * Deletes the old token; one revoked elsewhere meanwhile (404) is the outcome we wanted, so
 * the rotation still succeeds and says so, and the list forgets it.
 */
async function deleteOld(ctx: CommandContext, sessionId: string, tokenId: string): Promise<RotationReport['revoked']> {
  try {
    await ctx.repo.delete(sessionId, tokenId);
    return 'deleted';
  } catch (e) {
    if (!isPhqError(e) || e.kind !== 'not-found') throw e;
    ctx.logs.log.info(`token ${tokenId} was already revoked`);
    await ctx.repo.secrets.delete(sessionId, tokenId);
    await ctx.repo.refresh(sessionId).catch(() => undefined);
    return 'already-gone';
  }
}

/** Saves the open text or notebook document of `uri`; true when it is on disk as edited. */
async function saveDocument(uri: vscode.Uri): Promise<boolean> {
  const key = uri.toString();
  const nb = vscode.workspace.notebookDocuments.find((n) => n.uri.toString() === key);
  const doc = nb ?? vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
  if (!doc) return false;
  return doc.isDirty ? doc.save() : true;
}
