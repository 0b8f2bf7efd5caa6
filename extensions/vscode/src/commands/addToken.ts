// "Add an API Token": a token created in the PredictHQ WebApp, pasted here. Works with
// nothing but the public API (https://api.predicthq.com by default): the token is verified
// and its scopes discovered live, then stored whole (value in SecretStorage, metadata in
// globalState) or not at all. Args `{value, name, baseUrl}` skip the boxes (tests, flows).
import { fingerprint } from '@phq-tokens/detect/fingerprint';
import * as vscode from 'vscode';
import { LOCAL_ACCOUNT_NAME } from '../auth/accountStore';
import { PhqError, cleanTokenInput, coreApi, parseTokenName, type ProbeResult } from '../core';
import { CancelledError } from '../errors/describe';
import { grantedOf, localProbe, unknownOf } from '../tokens/localTokens';
import { isTreeNode } from '../tree/nodes';
import { askTokenName } from '../ui/createTokenInput';
import { tracked } from '../ui/inputBoxes';
import { stringProp } from '../util/guards';
import type { CommandContext } from './context';

export interface AddOptions {
  /** Title of the paste box (the create-in-WebApp flow says what to paste). */
  title?: string;
  /** Warning shown under the paste box. */
  prompt?: string;
  suggestedName?: string;
}

export async function addToken(ctx: CommandContext, arg?: unknown): Promise<string | undefined> {
  return addFromWebApp(ctx, arg, {});
}

/** The API URL a new local token is checked against: the node's account, the argument, or the setting. */
function targetUrl(ctx: CommandContext, arg: unknown): string {
  const sessionId = isTreeNode(arg) ? arg.sessionId : stringProp(arg, 'sessionId');
  if (sessionId && ctx.repo.isLocal(sessionId)) return ctx.repo.baseUrl(sessionId);
  return stringProp(arg, 'baseUrl') ?? ctx.config.apiUrl;
}

/**
 * What the last paste that failed was given, per paste box (Add, Create in the WebApp, Rotate):
 * Retry starts from it, as Retry of a create does. In this process's memory only, never
 * written anywhere; dropped on success and when the user leaves the paste box.
 */
const drafts = new Map<string, { value: string; name?: string }>();

export async function addFromWebApp(ctx: CommandContext, arg: unknown, opts: AddOptions): Promise<string | undefined> {
  const baseUrl = coreApi().normalizeBaseUrl(targetUrl(ctx, arg));
  const flow = opts.title ?? 'add';
  const given = stringProp(arg, 'value');
  let value: string;
  if (given !== undefined) {
    const cleaned = cleanTokenInput(given);
    if (!cleaned.ok) throw new Error(cleaned.message);
    value = cleaned.value;
  } else {
    try {
      value = await askTokenValue(opts, drafts.get(flow)?.value);
    } catch (e) {
      drafts.delete(flow);
      throw e;
    }
  }
  const draft = drafts.get(flow)?.value === value ? drafts.get(flow) : undefined;
  let name: string | undefined;
  try {
    const duplicate = await findDuplicate(ctx, value);
    if (duplicate) {
      drafts.delete(flow);
      void vscode.window.showInformationMessage(
        `This token is already stored here as "${duplicate.name}" (${duplicate.where}). Nothing was added.`,
      );
      return duplicate.tokenId;
    }
    name =
      stringProp(arg, 'name') ??
      (await askTokenName({
        title: 'Add API token (2/2): a name for it',
        value: draft?.name ?? opts.suggestedName ?? stringProp(arg, 'suggestedName') ?? '',
        step: 2,
        totalSteps: 2,
      }));
    const id = await check(ctx, baseUrl, value, name);
    drafts.delete(flow);
    return id;
  } catch (e) {
    if (e instanceof CancelledError) drafts.delete(flow);
    else drafts.set(flow, { value, name: name ?? draft?.name });
    throw e;
  }
}

/** Verifies and probes the value, then stores it whole: value in SecretStorage, metadata in globalState. */
async function check(ctx: CommandContext, baseUrl: string, value: string, name: string): Promise<string> {
  const label = parseTokenName(name).token;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Checking "${label}" with PredictHQ`, cancellable: true },
    (progress, cancel) => {
      const ac = new AbortController();
      cancel.onCancellationRequested(() => ac.abort());
      return coreApi().probeToken(baseUrl, value, {
        signal: ac.signal,
        retry: { retries: ctx.config.retries },
        onFamily: (f, i, n) => progress.report({ message: `${f.label} (${i + 1}/${n})`, increment: 100 / n }),
      });
    },
  );
  ctx.logs.log.info(`checked a pasted token against ${baseUrl}: ${result.status}`);
  refuseUnusable(result, baseUrl);

  const sessionId = await ctx.repo.ensureLocalAccount(baseUrl);
  const token = await ctx.repo.addLocal(sessionId, {
    name,
    value,
    fingerprint: fingerprint(value),
    probe: localProbe(result),
  });
  void vscode.commands.executeCommand('predicthqTokens.tokens.focus').then(undefined, () => undefined);
  reportAdded(label, result, grantedOf(token), unknownOf(token));
  return token.id;
}

/** A password box that refuses what cannot be a token, saying why (never repeating the value). */
async function askTokenValue(opts: AddOptions, kept: string | undefined): Promise<string> {
  const raw = await new Promise<string>((resolve, reject) => {
    const box = tracked(vscode.window.createInputBox());
    box.title = opts.title ?? 'Add API token (1/2): paste the token value';
    box.prompt =
      opts.prompt ??
      'A token from the PredictHQ WebApp (API Tools → API Tokens). It is checked with PredictHQ, then kept in VS Code secret storage.';
    if (kept !== undefined)
      box.prompt = `The value pasted last time is kept: press Enter to check it again. ${box.prompt}`;
    box.password = true;
    box.ignoreFocusOut = true;
    box.value = kept ?? '';
    const validate = (v: string): string | undefined => {
      if (v.trim() === '') return undefined; // no complaint before the user types
      const r = cleanTokenInput(v);
      return r.ok ? undefined : r.message;
    };
    let done = false;
    box.onDidChangeValue((v) => (box.validationMessage = validate(v)));
    box.onDidAccept(() => {
      const msg = validate(box.value);
      box.validationMessage = msg;
      if (msg) return;
      done = true;
      resolve(box.value);
      box.hide();
    });
    box.onDidHide(() => {
      box.dispose();
      if (!done) reject(new CancelledError());
    });
    box.show();
  });
  const cleaned = cleanTokenInput(raw);
  if (!cleaned.ok) throw new Error(cleaned.message);
  return cleaned.value;
}

/** The same value stored before, under any account (management ones included). */
async function findDuplicate(
  ctx: CommandContext,
  value: string,
): Promise<{ tokenId: string; name: string; where: string } | undefined> {
  const local = ctx.repo.local.byFingerprint(fingerprint(value));
  if (local)
    return { tokenId: local.token.id, name: parseTokenName(local.token.name).token, where: LOCAL_ACCOUNT_NAME };
  const accounts = ctx.repo.list();
  await ctx.repo.secrets.warm(accounts.map((a) => a.record.sessionId));
  const known = ctx.repo.secrets.known().find((k) => k.value === value);
  const ref = known && ctx.repo.find(known.tokenId);
  if (!ref) return undefined;
  return {
    tokenId: ref.token.id,
    name: parseTokenName(ref.token.name).token,
    where: ctx.repo.get(ref.sessionId)?.record.name ?? 'another account',
  };
}

function refuseUnusable(r: ProbeResult, baseUrl: string): void {
  if (r.status === 'invalid')
    throw new Error(
      'PredictHQ rejected this token (401): it is mistyped, revoked, or not an API token. Nothing was stored.',
    );
  if (r.status === 'unreachable') {
    // The host is named; describeError offers Retry, which keeps what was pasted and typed.
    const stop = r.stopped;
    if (stop)
      throw new PhqError(stop.reason === 'network' ? 'network' : 'timeout', `${stop.message}. Nothing was stored.`, {
        host: stop.host,
        causeCode: stop.causeCode,
      });
    const kinds = [...new Set(r.families.map((f) => f.kind ?? 'error'))].join(', ');
    throw new PhqError('network', `PredictHQ did not answer the check (${kinds}). Nothing was stored; try again.`, {
      host: new URL(baseUrl).host,
    });
  }
  if (r.status === 'unconfirmed') {
    const all404 = r.families.every((f) => f.status === undefined || f.status === 404);
    throw new Error(
      `no API family at ${new URL(baseUrl).host} accepted this token, and no answer there is PredictHQ's` +
        `${all404 ? ' (404 from every family: is the API URL right? See the predicthqTokens.apiUrl setting)' : ''}. Nothing was stored.`,
    );
  }
}

function reportAdded(label: string, r: ProbeResult, granted: string[], unknown: string[]): void {
  const scopes = granted.length ? granted.join(', ') : 'none';
  const undecided = unknown.length ? ` Not yet confirmed: ${unknown.join(', ')} (use "Check Scopes Again").` : '';
  if (r.subscriptionExpired)
    void vscode.window.showWarningMessage(
      `Added "${label}", but PredictHQ says the subscription has expired (402): calls fail until it is renewed. Scopes: ${scopes}.${undecided}`,
    );
  else void vscode.window.showInformationMessage(`Added "${label}". Scopes: ${scopes}.${undecided}`);
}
