// Runs in a second pass with workspace trust enabled and the folder not trusted
// (scripts/run-ext-tests.mjs --untrusted): real values are never written into files.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, exec, requireEmulator, requireLanguageServer, signedIn, waitFor } from './helpers';

suite('untrusted workspace', function () {
  suiteSetup(async function () {
    requireEmulator(this);
    await signedIn();
  });

  test('the folder is untrusted and the extension is active in restricted mode', async () => {
    assert.equal(vscode.workspace.isTrusted, false);
    assert.ok((await api()).testing.accounts().length > 0);
  });

  test('inserting a token value is refused with a clear message', async () => {
    const a = await api();
    const id = await exec<string>('predicthqTokens.createToken', {
      name: 'Untrusted Probe',
      scopes: ['events'],
      then: 'none',
    });
    assert.ok(id);
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    const uri = vscode.Uri.joinPath(folder, 'events.py').toString();
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    a.testing.clearLastError();
    assert.equal(await exec('phq.insertToken', { tokenId: id, uri, range }), undefined);
    assert.match(a.testing.lastError()?.message ?? '', /untrusted workspace/);
  });

  test('completions offer no real token, only the environment-variable reference', async function () {
    const a = await api();
    await requireLanguageServer(this);
    await waitFor('language client running', () => a.testing.languageClientState() === 'running');
    await a.testing.syncLanguageServer();
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'events.py'));
    await vscode.window.showTextDocument(doc);
    const line = doc
      .getText()
      .split('\n')
      .findIndex((l) => l.includes('$API_TOKEN'));
    const pos = new vscode.Position(line, doc.lineAt(line).text.indexOf('$API_TOKEN') + '$API_TOKEN'.length);
    const list = await waitFor('completions', async () => {
      const l = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        doc.uri,
        pos,
      );
      return l.items.some((i) => String(typeof i.label === 'string' ? i.label : i.label.label).includes('untrusted'))
        ? l
        : undefined;
    });
    assert.ok(!list.items.some((i) => i.command?.command === 'phq.insertToken'), 'no insert-token item');
  });
});
