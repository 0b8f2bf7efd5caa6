// Scan Workspace: findings of files nobody opened reach the Problems panel, follow
// the files on disk (changed, fixed, created, deleted) through the file watcher, and a scan
// cancelled halfway leaves every file either judged or untouched. Placeholders only: no value.
import * as assert from 'node:assert/strict';
import { mkdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ScanResult } from '../../src/lsp/workspaceScan';
import { api, exec, requireLanguageServer, waitFor } from './helpers';

const LEAK = 'import requests\nheaders = {"Authorization": "Bearer $API_TOKEN"}\n';
const TWO = `${LEAK}other = {"Authorization": "Bearer $API_TOKEN"}\n`;
const FIXED = 'import os\nheaders = {"Authorization": f"Bearer {os.environ[\'PHQ_API_TOKEN\']}"}\n';

suite('Scan Workspace: diagnostics for unopened files', function () {
  let dir: string;
  const file = (name: string) => vscode.Uri.file(path.join(dir, name));
  const ours = (uri: vscode.Uri) =>
    vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'PredictHQ Tokens' && d.code !== undefined);
  const placeholders = (uri: vscode.Uri) =>
    ours(uri).filter((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'phq/placeholder');

  suiteSetup(async function () {
    await requireLanguageServer(this);
    await waitFor('language client running', async () => (await api()).testing.languageClientState() === 'running');
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder);
    dir = path.join(folder.fsPath, 'ws-scan');
    mkdirSync(path.join(dir, 'node_modules', 'dep'), { recursive: true });
    for (const n of ['a.py', 'b.py', 'c.py']) writeFileSync(path.join(dir, n), LEAK);
    // Excluded by the default predicthqTokens.ignore globs.
    writeFileSync(path.join(dir, 'node_modules', 'dep', 'x.py'), LEAK);
  });

  suiteTeardown(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('cancelled after the first batch: at most that batch is judged, and a later scan completes', async () => {
    const r = await exec<ScanResult>('predicthqTokens.scanWorkspace', { batchSize: 1, cancelAfterBatches: 1 });
    assert.equal(r.cancelled, true);
    assert.ok(r.listed > 3, `listed ${r.listed}`);
    assert.ok(r.judged <= 1, `judged ${r.judged}`);
    const mine = ['a.py', 'b.py', 'c.py'].filter((n) => placeholders(file(n)).length > 0);
    assert.ok(mine.length <= r.judged, `judged ${r.judged} files, ${mine.length} of ours have diagnostics`);
    const full = await exec<ScanResult>('predicthqTokens.scanWorkspace', { silent: true });
    assert.equal(full.cancelled, false);
    assert.ok(full.judged >= 3 && full.withDiagnostics >= 3, JSON.stringify(full));
  });

  test('every unopened file with a placeholder is in the Problems panel; ignored folders are not', async () => {
    await exec('predicthqTokens.scanWorkspace', { silent: true });
    for (const n of ['a.py', 'b.py', 'c.py']) {
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.fsPath === file(n).fsPath), `${n} is not open`);
      await waitFor(`diagnostics on ${n}`, () => placeholders(file(n)).length === 1);
    }
    assert.deepEqual(ours(file('node_modules/dep/x.py')), []);
  });

  test('a file changed on disk is judged again', async () => {
    writeFileSync(path.join(dir, 'a.py'), TWO);
    await waitFor('two placeholders on a.py', () => placeholders(file('a.py')).length === 2);
  });

  test('fixed on disk: its problems disappear', async () => {
    writeFileSync(path.join(dir, 'a.py'), FIXED);
    await waitFor('no problems on a.py', () => ours(file('a.py')).length === 0);
  });

  test('a new file is judged; a deleted one is cleared', async () => {
    writeFileSync(path.join(dir, 'd.py'), LEAK);
    await waitFor('diagnostics on the new d.py', () => placeholders(file('d.py')).length === 1);
    unlinkSync(path.join(dir, 'b.py'));
    await waitFor('b.py cleared', () => ours(file('b.py')).length === 0);
  });

  test('opened, the document rules; closed, the file on disk is judged again', async () => {
    const doc = await vscode.workspace.openTextDocument(file('c.py'));
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((e) => e.replace(new vscode.Range(0, 0, doc.lineCount, 0), FIXED));
    await waitFor('the edited document has no problems', () => ours(doc.uri).length === 0);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor('c.py judged from disk after closing', () => placeholders(file('c.py')).length === 1);
  });
});
