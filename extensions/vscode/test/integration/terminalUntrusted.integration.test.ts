// Untrusted workspace (scripts/run-ext-tests.mjs --untrusted): no token goes into terminals,
// tasks or debug sessions, and the UI says why (docs/extension.md, "Use a token without writing it").
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, exec, requireEmulator, signedIn, waitFor } from './helpers';

suite('untrusted workspace: no token in terminals', function () {
  let out: string;
  suiteSetup(async function () {
    requireEmulator(this);
    await signedIn();
    out = mkdtempSync(path.join(tmpdir(), 'phq-terminal-'));
  });
  suiteTeardown(() => out && rmSync(out, { recursive: true, force: true }));

  test('Use Token in Terminals is refused, saying why; new terminals get nothing', async () => {
    const a = await api();
    assert.equal(vscode.workspace.isTrusted, false);
    const id = await exec<string>('predicthqTokens.createToken', { name: 'Untrusted Terminal', scopes: ['events'], then: 'none' });
    assert.ok(id);
    a.testing.clearLastError();
    assert.equal(await exec('predicthqTokens.useInTerminals', { tokenId: id }), undefined);
    assert.match(a.testing.lastError()?.message ?? '', /not trusted/);
    assert.deepEqual(a.testing.terminalToken().collection.vars, {});
    const file = path.join(out, 'len.txt');
    const t = vscode.window.createTerminal({
      name: 'phq-probe',
      shellPath: '/bin/sh',
      shellArgs: ['-c', `printf %s "\${#PHQ_API_TOKEN}" > '${file}'`],
    });
    assert.equal(await waitFor('the terminal wrote', () => existsSync(file) && readFileSync(file, 'utf8')), '0');
    t.dispose();
  });

  test('${command:predicthqTokens.activeToken} resolves to nothing, saying why', async () => {
    const a = await api();
    a.testing.clearLastError();
    assert.equal(await exec('predicthqTokens.activeToken'), undefined);
    assert.match(a.testing.lastError()?.message ?? '', /not trusted/);
  });
});
