// Scan Workspace (docs/extension.md, "Workspace diagnostics"): findings of files nobody opened
// reach the Problems panel, follow the files on disk (changed, fixed, created, deleted), the
// settings and the tokens without a new scan, notebooks included; a scan cancelled halfway
// leaves every file either judged or untouched; the summary counts what Problems lists.
// Placeholders only: no value.
import * as assert from 'node:assert/strict';
import { mkdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ScanResult } from '../../src/lsp/workspaceScan';
import {
  api,
  copiedValue,
  env,
  exec,
  requireLanguageServer,
  seenValues,
  setting,
  signedIn,
  storedToken,
  waitFor,
} from './helpers';

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
    const before = await exec<ScanResult>('predicthqTokens.scanWorkspace', { silent: true });
    assert.equal(before.cancelled, false);
    for (const n of ['a.py', 'b.py', 'c.py']) await waitFor(`${n} judged`, () => placeholders(file(n)).length === 1);
    const r = await exec<ScanResult>('predicthqTokens.scanWorkspace', { batchSize: 1, cancelAfterBatches: 1 });
    assert.equal(r.cancelled, true);
    assert.ok(r.listed > 3, `listed ${r.listed}`);
    assert.ok(r.judged <= 1, `judged ${r.judged}`);
    // No half state: nothing was cleared that this scan did not judge again.
    for (const n of ['a.py', 'b.py', 'c.py']) assert.equal(placeholders(file(n)).length, 1, n);
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

  test('a detection setting changed: unopened files are judged again with it, no new scan', async () => {
    await waitFor('d.py flagged', () => placeholders(file('d.py')).length === 1);
    await setting('severity', { 'phq/placeholder': 'off' });
    try {
      await waitFor('placeholders off on the unopened d.py', () => placeholders(file('d.py')).length === 0);
    } finally {
      await setting('severity', undefined);
    }
    await waitFor('placeholders back on d.py', () => placeholders(file('d.py')).length === 1);
  });

  test('a notebook is judged as the CLI judges it: its cells, at their place in the file', async () => {
    const nb = {
      cells: [
        { cell_type: 'markdown', metadata: {}, source: ['# Events near stores\n'] },
        {
          cell_type: 'code',
          execution_count: 1,
          metadata: {},
          outputs: [],
          source: ['import requests\n', 'headers = {"Authorization": "Bearer $API_TOKEN"}\n'],
        },
      ],
      metadata: { kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' } },
      nbformat: 4,
      nbformat_minor: 5,
    };
    writeFileSync(path.join(dir, 'events.ipynb'), JSON.stringify(nb, null, 1));
    const d = await waitFor('a placeholder in the unopened notebook', () => placeholders(file('events.ipynb'))[0]);
    assert.match(d.message, /^cell 2: /);
    const r = await exec<ScanResult>('predicthqTokens.scanWorkspace', { silent: true });
    assert.equal(r.cancelled, false);
    assert.equal(placeholders(file('events.ipynb')).length, 1, 'still there after a full scan');
  });

  test('the summary counts what the Problems panel lists, files open in an editor included', async () => {
    const doc = await vscode.workspace.openTextDocument(file('d.py'));
    await vscode.window.showTextDocument(doc);
    try {
      await waitFor('the open d.py judged', () => placeholders(doc.uri).length === 1);
      const r = await exec<ScanResult>('predicthqTokens.scanWorkspace', { silent: true });
      const inProblems = vscode.languages
        .getDiagnostics()
        .filter(
          ([u, ds]) => vscode.workspace.getWorkspaceFolder(u) && ds.some((x) => x.source === 'PredictHQ Tokens'),
        ).length;
      assert.ok(inProblems >= 3, `${inProblems} files in Problems`);
      assert.equal(r.withDiagnostics, inProblems);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
  });

  test('tokens changed (a token added and chosen for the workspace): unopened files are judged again', async function () {
    if (!env.emulatorUrl) this.skip();
    const CALL =
      'import os, requests\nrequests.get("https://api.predicthq.com/v1/events/", headers={"Authorization": "Bearer " + os.environ["PHQ_API_TOKEN"]})\n';
    writeFileSync(path.join(dir, 'calls.py'), CALL);
    await exec<ScanResult>('predicthqTokens.scanWorkspace', { silent: true });
    const missing = () => ours(file('calls.py')).filter((d) => /lacks the "Events" scope/.test(d.message));
    assert.equal(missing().length, 0, 'no token chosen: nothing to say');
    const sessionId = await signedIn();
    const t = await storedToken(sessionId, 'Scan Features', ['features']);
    const chosen = await exec<string | undefined>('predicthqTokens.useInWorkspace', { tokenId: t.token.id });
    assert.equal(chosen, t.token.id);
    try {
      await waitFor('the missing scope on the unopened calls.py', () => missing().length === 1);
      assert.match(missing()[0]!.message, /Scan Features/);
    } finally {
      await exec('predicthqTokens.useInWorkspace', { tokenId: t.token.id }); // toggles the choice off
    }
    await waitFor('the finding gone with the choice', () => missing().length === 0);
  });

  test('a stored value in an unopened file is recognised as yours, and only its stand-in is sent (the leak check reads the trace)', async function () {
    if (!env.emulatorUrl) this.skip();
    const sessionId = await signedIn();
    const t = await storedToken(sessionId, 'Scan Features', ['features']);
    const value = await copiedValue(t.token.id);
    seenValues.add(value);
    writeFileSync(path.join(dir, 'pasted.py'), `TOKEN = "${value}"\npart = "${value.slice(5, 17)}"\n`);
    try {
      const known = await waitFor('the known-token finding on the unopened pasted.py', () =>
        ours(file('pasted.py')).find((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'phq/known-token'),
      );
      assert.match(known.message, /Scan Features/);
      assert.ok(!known.message.includes(value));
      // Deleted: the file is judged again at once, and the value, no longer stored, must still
      // not reach the server (the leak check at the end reads the trace).
      assert.equal(await exec('predicthqTokens.deleteToken', { tokenId: t.token.id, confirm: true }), true);
      await waitFor('pasted.py judged again without the known token', () => {
        const ds = ours(file('pasted.py'));
        return ds.length > 0 && !ds.some((d) => /Scan Features/.test(d.message));
      });
    } finally {
      unlinkSync(path.join(dir, 'pasted.py'));
    }
    await waitFor('pasted.py cleared once deleted', () => ours(file('pasted.py')).length === 0);
  });
});
