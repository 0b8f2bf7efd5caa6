import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../../src/constants';
import { api, exec } from './helpers';

suite('activation', () => {
  test('activates in the extension host and reports its activation time', async () => {
    const a = await api();
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
    assert.ok(a.activationMs >= 0 && Number.isFinite(a.activationMs));
    // Picked up by docs/extension.md; not an assertion on speed.
    console.log(
      `    activation time in the extension host: activate() ${a.activationMs.toFixed(1)} ms, bundle evaluated in ${a.bundleLoadMs?.toFixed(1)} ms`,
    );
  });

  test('contributes its commands', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const id of [
      'predicthqTokens.signIn',
      'predicthqTokens.createToken',
      'predicthqTokens.copyToken',
      'phq.insertToken',
    ])
      assert.ok(all.includes(id), id);
  });

  test('the tree is empty while signed out (the welcome view shows instead)', async () => {
    const a = await api();
    assert.deepEqual(a.testing.treeChildren(), []);
    assert.match(a.testing.statusBarText(), /PredictHQ: signed out/);
    await exec('workbench.view.extension.predicthqTokens');
  });
});
