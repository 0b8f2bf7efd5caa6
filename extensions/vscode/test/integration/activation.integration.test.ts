import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

suite('activation', () => {
  test('the extension activates in the extension host', async () => {
    const ext = vscode.extensions.getExtension('phq-tokens.predicthq-tokens-vscode');
    assert.ok(ext, 'extension is installed');
    await ext.activate();
    assert.equal(ext.isActive, true);
  });
});
