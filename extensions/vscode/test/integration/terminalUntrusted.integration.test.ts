// Untrusted workspace (scripts/run-ext-tests.mjs --untrusted): no token goes into terminals,
// tasks or debug sessions, and the UI says why (docs/extension.md, "Use a token without writing it").
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, exec, requireEmulator, signedIn } from './helpers';

suite('untrusted workspace: no token in terminals', function () {
  suiteSetup(async function () {
    requireEmulator(this);
    await signedIn();
  });

  test('Use Token in Terminals is refused, saying why; the terminal environment stays empty', async () => {
    const a = await api();
    assert.equal(vscode.workspace.isTrusted, false);
    const id = await exec<string>('predicthqTokens.createToken', {
      name: 'Untrusted Terminal',
      scopes: ['events'],
      then: 'none',
    });
    assert.ok(id);
    a.testing.clearLastError();
    assert.equal(await exec('predicthqTokens.useInTerminals', { tokenId: id }), undefined);
    assert.match(a.testing.lastError()?.message ?? '', /not trusted/);
    assert.deepEqual(a.testing.terminalToken().collection.vars, {});
    assert.equal(a.testing.terminalToken().statusText, '');
    // Opening a terminal here makes VS Code ask for trust first (restricted mode), so the
    // collection staying empty is what a terminal opened after that prompt would get.
  });

  test('${command:predicthqTokens.activeToken} resolves to nothing, saying why', async () => {
    const a = await api();
    a.testing.clearLastError();
    assert.equal(await exec('predicthqTokens.activeToken'), undefined);
    assert.match(a.testing.lastError()?.message ?? '', /not trusted/);
  });
});
