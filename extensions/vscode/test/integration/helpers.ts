// Shared helpers of the extension-host suite: the extension's API, the emulator (its HTTP
// control API for faults), and waiting on state instead of sleeping a fixed time.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import { EXTENSION_ID, SECTION } from '../../src/constants';
import type { TreeNode } from '../../src/tree/nodes';

export const env = {
  emulatorUrl: process.env.PHQ_TEST_EMULATOR_URL ?? '',
  credential: process.env.PHQ_TEST_CREDENTIAL ?? '',
  credential2: process.env.PHQ_TEST_CREDENTIAL_2 ?? '',
  credentialBig: process.env.PHQ_TEST_CREDENTIAL_BIG ?? '',
  stateDir: process.env.PHQ_TEST_STATE_DIR ?? '',
  /** The public-only emulator (like api.predicthq.com) and its seeded token values. */
  publicUrl: process.env.PHQ_TEST_PUBLIC_URL ?? '',
  publicTokens: JSON.parse(process.env.PHQ_TEST_PUBLIC_TOKENS ?? '[]') as {
    name: string;
    value: string;
    scopes: string[];
    state: 'valid' | 'revoked' | 'subscription-expired';
  }[],
};

/** Skips the calling suite when no emulator was started (e.g. @vscode/test-electron without one). */
export function requireEmulator(ctx: Mocha.Context): void {
  if (!env.emulatorUrl || !env.credential) ctx.skip();
}

/**
 * Skips when the extension has no language server bundle, which is acceptable only while
 * packages/server has no entry point; otherwise a missing bundle fails (a build bug).
 */
export async function requireLanguageServer(ctx: Mocha.Context): Promise<void> {
  if ((await api()).testing.languageClientState() !== 'missing') return;
  const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
  const serverSource = path.join(ext.extensionPath, '..', '..', 'packages', 'server', 'src', 'main.ts');
  assert.ok(!existsSync(serverSource), 'dist/server.js is missing although packages/server has an entry point');
  ctx.skip();
}

export async function api(): Promise<ExtensionApi> {
  const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is installed`);
  return ext.isActive ? ext.exports : ext.activate();
}

export function exec<T = unknown>(command: string, ...args: unknown[]): Promise<T> {
  return Promise.resolve(vscode.commands.executeCommand<T>(command, ...args));
}

/** Polls until `fn` returns a truthy value; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, fn: () => T | Promise<T>, timeoutMs = 20_000): Promise<NonNullable<T>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v as NonNullable<T>;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function setting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration(SECTION).update(key, value, vscode.ConfigurationTarget.Global);
}

export const emulator = {
  async inject(spec: Record<string, unknown>): Promise<void> {
    const res = await fetch(`${env.emulatorUrl}/_emulator/faults/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(spec),
    });
    assert.equal(res.status, 201, `fault injected: ${await res.text()}`);
  },
  async clear(): Promise<void> {
    await fetch(`${env.emulatorUrl}/_emulator/faults/`, { method: 'DELETE' });
  },
  /** Token names the emulator holds for the default account (checks the server side of an operation). */
  async tokenNames(): Promise<string[]> {
    const res = await fetch(`${env.emulatorUrl}/v1/tokens/?limit=500`, {
      headers: { authorization: `Bearer ${env.credential}` },
    });
    const body = (await res.json()) as { results: { name: string }[] };
    return body.results.map((t) => t.name);
  },
};

/** Signs in the emulator's default account once; returns its session id. */
export async function signedIn(): Promise<string> {
  const a = await api();
  const existing = a.testing.accounts().find((x) => x.baseUrl === env.emulatorUrl && x.name === 'Demo Org');
  if (existing) return existing.sessionId;
  const id = await exec<string>('predicthqTokens.signIn', { baseUrl: env.emulatorUrl, credential: env.credential });
  assert.ok(id, `signed in (${JSON.stringify(a.testing.lastError())})`);
  await waitFor('tokens loaded', () => a.testing.accounts().find((x) => x.sessionId === id)?.tokenCount !== undefined);
  return id;
}

export async function tokenNodes(sessionId: string): Promise<Extract<TreeNode, { kind: 'token' }>[]> {
  const a = await api();
  const account = a.testing.treeChildren().find((n) => n.sessionId === sessionId);
  assert.ok(account, 'account node');
  return a.testing.treeChildren(account).filter((n): n is Extract<TreeNode, { kind: 'token' }> => n.kind === 'token');
}

export async function tokenByName(sessionId: string, name: string): Promise<Extract<TreeNode, { kind: 'token' }>> {
  const node = (await tokenNodes(sessionId)).find((n) => n.token.name === name);
  assert.ok(node, `token "${name}" in the tree`);
  return node;
}

/** A token with a stored value, created if this run has not made it yet (keeps suites independent under --grep). */
export async function storedToken(
  sessionId: string,
  name: string,
  scopes: string[],
): Promise<Extract<TreeNode, { kind: 'token' }>> {
  const a = await api();
  const existing = (await tokenNodes(sessionId)).find((n) => n.token.name === name && a.testing.isStored(n.token.id));
  if (existing) return existing;
  const id = await exec<string>('predicthqTokens.createToken', { sessionId, name, scopes, then: 'none' });
  assert.ok(id, JSON.stringify(a.testing.lastError()));
  return tokenByName(sessionId, name);
}

/** The value of a stored token, read the way a user gets it: Copy Token, then the clipboard. */
export async function copiedValue(tokenId: string): Promise<string> {
  await vscode.env.clipboard.writeText('');
  assert.equal(await exec('predicthqTokens.copyToken', { tokenId }), true);
  const v = await vscode.env.clipboard.readText();
  assert.ok(v.length > 20, 'clipboard holds a token value');
  return v;
}

/** Every value this run has seen, for the no-secret-leak check at the end. */
export const seenValues = new Set<string>();

/** The docs' Events call with its placeholder, as a Python file (several suites complete in it). */
export const EVENTS_PY =
  'import requests\nrequests.get("https://api.predicthq.com/v1/events/", headers={"Authorization": "Bearer $API_TOKEN"})\n';

/** An untitled document with `content`, shown in an editor. */
export async function shownDoc(content = EVENTS_PY, language = 'python'): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument({ language, content });
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** The completion list just after the first `needle` in `doc`, once `ready` holds for it. */
export function completionsAfter(
  doc: vscode.TextDocument,
  needle: string,
  what: string,
  ready: (list: vscode.CompletionList) => boolean = () => true,
): Promise<vscode.CompletionList> {
  const pos = doc.positionAt(doc.getText().indexOf(needle) + needle.length);
  return waitFor(what, async () => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      doc.uri,
      pos,
    );
    return ready(list) ? list : undefined;
  });
}

/** The completion item that inserts token `tokenId`, if the list has one. */
export function tokenItem(list: vscode.CompletionList, tokenId: string): vscode.CompletionItem | undefined {
  return list.items.find(
    (i) => i.command?.command === 'phq.insertToken' && JSON.stringify(i.command.arguments).includes(tokenId),
  );
}
