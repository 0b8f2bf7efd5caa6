import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { VerifyResult } from '@phq-tokens/core';
import {
  api,
  copiedValue,
  emulator,
  exec,
  requireEmulator,
  seenValues,
  setting,
  signedIn,
  tokenByName,
  waitFor,
} from './helpers';

suite('token commands against the emulator', function () {
  let sessionId: string;
  suiteSetup(async function () {
    requireEmulator(this);
    sessionId = await signedIn();
  });

  test('create stores the value in SecretStorage at once and shows the token as stored', async () => {
    const a = await api();
    const id = await exec<string>('predicthqTokens.createToken', {
      name: 'CI | Ext Host Test',
      scopes: ['events', 'places'],
      then: 'none',
    });
    assert.match(id, /^tok_[A-Za-z0-9]{20}$/, JSON.stringify(a.testing.lastError()));
    assert.equal(a.testing.isStored(id), true);
    const node = await tokenByName(sessionId, 'CI | Ext Host Test');
    const item = a.testing.treeItem(node);
    assert.equal(item.label, 'Ext Host Test');
    assert.equal(item.contextValue, 'token.stored');
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'key');
    assert.ok((await emulator.tokenNames()).includes('CI | Ext Host Test'), 'created on the server');
    const value = await copiedValue(id);
    seenValues.add(value);
    assert.match(value, /^[A-Za-z0-9_-]{43}$/);
  });

  test('create through the real quick input: name prefilled and accepted, all scopes selected by default', async () => {
    const a = await api();
    let id: string | undefined;
    let done = false;
    const run = exec<string>('predicthqTokens.createToken', { suggestedName: 'Quick Input Token', then: 'none' }).then(
      (r) => {
        id = r;
        done = true;
      },
    );
    // Accept whatever quick input is showing (name box, then the scopes list) until the command ends.
    await waitFor('the create command to finish', async () => {
      if (!done) await exec('workbench.action.acceptSelectedQuickOpenItem');
      return done;
    });
    await run;
    assert.ok(id, JSON.stringify(a.testing.lastError()));
    const node = await tokenByName(sessionId, 'Quick Input Token');
    assert.equal(a.testing.treeItem(node).description, 'all scopes');
    assert.equal(a.testing.isStored(id), true);
    seenValues.add(await copiedValue(id));
  });

  test('verify: valid for a token with events, missing scope for one without', async () => {
    const ok = await tokenByName(sessionId, 'CI | Ext Host Test');
    assert.deepEqual(await exec<VerifyResult>('predicthqTokens.verifyToken', { tokenId: ok.token.id }), {
      status: 'valid',
    });
    const id = await exec<string>('predicthqTokens.createToken', {
      name: 'Features Probe',
      scopes: ['features'],
      then: 'none',
    });
    seenValues.add(await copiedValue(id));
    assert.deepEqual(await exec<VerifyResult>('predicthqTokens.verifyToken', { tokenId: id }), {
      status: 'missing-scope',
      scope: 'events',
    });
  });

  test('copy token id', async () => {
    const node = await tokenByName(sessionId, 'Staging');
    assert.equal(await exec('predicthqTokens.copyTokenId', node), node.token.id);
    assert.equal(await vscode.env.clipboard.readText(), node.token.id);
  });

  test('view scopes returns the token scopes', async () => {
    const node = await tokenByName(sessionId, 'Analytics Pipeline | Nightly Export');
    assert.deepEqual(await exec('predicthqTokens.viewScopes', { tokenId: node.token.id, quiet: true }), [
      'events',
      'features',
    ]);
  });

  test('rename keeps the legacy client prefix', async () => {
    const node = await tokenByName(sessionId, 'Analytics Pipeline | Nightly Export');
    const renamed = await exec<string>('predicthqTokens.renameToken', {
      tokenId: node.token.id,
      name: 'Analytics Pipeline | Hourly Export',
    });
    assert.equal(renamed, 'Analytics Pipeline | Hourly Export');
    const a = await api();
    const item = a.testing.treeItem(await tokenByName(sessionId, 'Analytics Pipeline | Hourly Export'));
    assert.equal(item.label, 'Hourly Export');
    assert.ok((await emulator.tokenNames()).includes('Analytics Pipeline | Hourly Export'));
  });

  test('import a value for a token created elsewhere; verify says it is invalid when it is not the real one', async () => {
    const node = await tokenByName(sessionId, 'Staging');
    const a = await api();
    assert.equal(a.testing.isStored(node.token.id), false);
    const fake = `FAKE${'x'.repeat(20)}${Math.random().toString(36).slice(2)}`;
    assert.equal(await exec('predicthqTokens.importTokenValue', { tokenId: node.token.id, value: fake }), true);
    assert.equal(a.testing.isStored(node.token.id), true);
    assert.deepEqual(await exec<VerifyResult>('predicthqTokens.verifyToken', { tokenId: node.token.id }), {
      status: 'invalid',
    });
    // A real value imported under another token id verifies.
    const real = await copiedValue((await tokenByName(sessionId, 'CI | Ext Host Test')).token.id);
    await exec('predicthqTokens.importTokenValue', { tokenId: node.token.id, value: real });
    assert.deepEqual(await exec<VerifyResult>('predicthqTokens.verifyToken', { tokenId: node.token.id }), {
      status: 'valid',
    });
  });

  test('create then Save to .env writes the variable and makes .gitignore cover .env', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder, 'a workspace folder is open');
    const id = await exec<string>('predicthqTokens.createToken', {
      name: 'Dotenv Token',
      scopes: ['events'],
      then: 'env',
    });
    const value = await copiedValue(id);
    seenValues.add(value);
    const envText = Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, '.env'))).toString();
    assert.ok(envText.includes(`PHQ_API_TOKEN=${value}`));
    const gitignore = Buffer.from(
      await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, '.gitignore')),
    ).toString();
    assert.match(gitignore, /^\.env$/m);
    // What the delete confirmation reports as "this workspace uses it".
    assert.deepEqual(await (await api()).testing.filesUsing(id), ['.env']);
  });

  test('Save to .env makes the file owner-only: a new one is created 600, a world-readable one tightened', async function () {
    if (process.platform === 'win32') this.skip();
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder, 'a workspace folder is open');
    const envPath = vscode.Uri.joinPath(folder, '.env').fsPath;
    await fs.rm(envPath, { force: true });
    const first = await exec<string>('predicthqTokens.createToken', {
      name: 'Dotenv New',
      scopes: ['events'],
      then: 'env',
    });
    seenValues.add(await copiedValue(first));
    assert.equal((await fs.stat(envPath)).mode & 0o777, 0o600, 'a new .env');
    await fs.chmod(envPath, 0o644);
    const second = await exec<string>('predicthqTokens.createToken', {
      name: 'Dotenv Shared',
      scopes: ['events'],
      then: 'env',
    });
    const value = await copiedValue(second);
    seenValues.add(value);
    assert.equal((await fs.stat(envPath)).mode & 0o777, 0o600, 'an existing .env that was 644');
    assert.ok((await fs.readFile(envPath, 'utf8')).includes(`PHQ_API_TOKEN=${value}`));
  });

  test('Save to .env through a symbolic link writes the real file; a read-only .env is refused, named (CLI policy)', async function () {
    if (process.platform === 'win32') this.skip();
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder, 'a workspace folder is open');
    const envPath = vscode.Uri.joinPath(folder, '.env').fsPath;
    const before = await fs.readFile(envPath, 'utf8').catch(() => undefined);
    const outside = await fs.mkdtemp(path.join(os.tmpdir(), 'phq-outside-'));
    const real = path.join(outside, 't.env');
    try {
      await fs.writeFile(real, 'A=1\n');
      await fs.chmod(real, 0o644);
      await fs.rm(envPath, { force: true });
      await fs.symlink(real, envPath);
      const id = await exec<string>('predicthqTokens.createToken', {
        name: 'Dotenv Link',
        scopes: ['events'],
        then: 'env',
      });
      const value = await copiedValue(id);
      seenValues.add(value);
      assert.ok((await fs.lstat(envPath)).isSymbolicLink(), '.env is still a link');
      assert.equal(await fs.readFile(real, 'utf8'), `A=1\nPHQ_API_TOKEN=${value}\n`);
      assert.equal((await fs.stat(real)).mode & 0o777, 0o600, 'the real file is owner-only');

      await fs.rm(envPath);
      await fs.writeFile(envPath, 'A=1\n');
      await fs.chmod(envPath, 0o400);
      const a = await api();
      a.testing.clearLastError();
      const ro = await exec<string>('predicthqTokens.createToken', {
        name: 'Dotenv RO',
        scopes: ['events'],
        then: 'env',
      });
      if (ro) seenValues.add(await copiedValue(ro));
      assert.match(a.testing.lastError()?.message ?? '', /\.env is read-only \(mode 400\)/);
      assert.equal(await fs.readFile(envPath, 'utf8'), 'A=1\n');
    } finally {
      await fs.rm(envPath, { force: true });
      if (before !== undefined) await fs.writeFile(envPath, before, { mode: 0o600 });
      await fs.rm(outside, { recursive: true, force: true });
    }
  });

  test('copy clears the clipboard after the configured seconds, only if it still holds the token', async () => {
    const node = await tokenByName(sessionId, 'CI | Ext Host Test');
    await setting('clipboard.clearAfterSeconds', 1);
    try {
      await exec('predicthqTokens.copyToken', { tokenId: node.token.id });
      assert.ok((await vscode.env.clipboard.readText()).length > 20);
      await waitFor('clipboard cleared', async () => (await vscode.env.clipboard.readText()) === '', 10_000);
      await exec('predicthqTokens.copyToken', { tokenId: node.token.id });
      await vscode.env.clipboard.writeText('something the user copied');
      await new Promise((r) => setTimeout(r, 1500)); // past the 1 s timer: it must leave this alone
      assert.equal(await vscode.env.clipboard.readText(), 'something the user copied');
    } finally {
      await setting('clipboard.clearAfterSeconds', undefined);
    }
  });

  test('delete removes the token on the server and its stored value', async () => {
    const a = await api();
    const node = await tokenByName(sessionId, 'Features Probe');
    assert.equal(await exec('predicthqTokens.deleteToken', { tokenId: node.token.id, confirm: true }), true);
    assert.equal(a.testing.isStored(node.token.id), false);
    assert.ok(!(await emulator.tokenNames()).includes('Features Probe'));
    await waitFor(
      'tree updated',
      async () =>
        !(await api()).testing
          .treeChildren(a.testing.treeChildren()[0])
          .some((n) => n.kind === 'token' && n.token.id === node.token.id),
    );
  });

  test('refresh picks up a change made elsewhere', async () => {
    const a = await api();
    const before = a.testing.accounts()[0]!.tokenCount!;
    const res = await fetch(`${process.env.PHQ_TEST_EMULATOR_URL}/v1/tokens/`, {
      method: 'POST',
      headers: { authorization: `Bearer ${process.env.PHQ_TEST_CREDENTIAL}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: `Made elsewhere ${path.basename(__filename)}` }),
    });
    assert.equal(res.status, 201);
    seenValues.add(((await res.json()) as { token: string }).token);
    await exec('predicthqTokens.refresh');
    assert.equal(a.testing.accounts()[0]!.tokenCount, before + 1);
  });
});
