// Rotate a token (issue 17) against the emulator: the plan's places are rewritten (an .env
// gets the new value, code reads it from the environment, with its import), the old token is
// deleted only after the files were written; a failed create changes nothing; a known-token
// finding offers the rotation as a quick fix.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, copiedValue, emulator, exec, requireEmulator, seenValues, signedIn, waitFor } from './helpers';

const read = async (uri: vscode.Uri) => Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');

suite('rotate a token', function () {
  let sessionId: string;
  const dir = () => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'rotate');

  suiteSetup(async function () {
    requireEmulator(this);
    sessionId = await signedIn();
  });
  teardown(() => emulator.clear());

  async function tokenWithValue(name: string): Promise<{ id: string; value: string }> {
    const id = await exec<string>('predicthqTokens.createToken', {
      sessionId,
      name,
      scopes: ['events', 'places'],
      then: 'none',
    });
    assert.ok(id, JSON.stringify((await api()).testing.lastError()));
    const value = await copiedValue(id);
    seenValues.add(value);
    return { id, value };
  }

  test('the .env gets the new value, code reads the environment, and the old token is deleted last', async () => {
    const old = await tokenWithValue('Rotate Me');
    const env = vscode.Uri.joinPath(dir(), '.env');
    const app = vscode.Uri.joinPath(dir(), 'app.py');
    await vscode.workspace.fs.writeFile(env, Buffer.from(`DEBUG=1\nPHQ_API_TOKEN=${old.value}\n`));
    await vscode.workspace.fs.writeFile(
      app,
      Buffer.from(`import requests\nrequests.get(URL, headers={"Authorization": "Bearer ${old.value}"})\n`),
    );
    const report = await exec<{ newTokenId: string; changed: string[]; revoked: string }>(
      'predicthqTokens.rotateToken',
      {
        tokenId: old.id,
        name: 'Rotate Me (rotated)',
        confirm: true,
      },
    );
    assert.ok(report, JSON.stringify((await api()).testing.lastError()));
    assert.equal(report.revoked, 'deleted');
    const names = await emulator.tokenNames();
    assert.ok(names.includes('Rotate Me (rotated)') && !names.includes('Rotate Me'), names.join(', '));
    const fresh = await copiedValue(report.newTokenId);
    seenValues.add(fresh);
    assert.equal(await read(env), `DEBUG=1\nPHQ_API_TOKEN=${fresh}\n`);
    const code = await read(app);
    assert.ok(!code.includes(old.value) && !code.includes(fresh), code.replace(/\S{20,}/g, '…'));
    assert.match(code, /^import os\nimport requests\n/);
    assert.match(code, /"Bearer " \+ os\.environ\["PHQ_API_TOKEN"\]/);
    assert.deepEqual(report.changed.sort(), ['rotate/.env', 'rotate/app.py']);
  });

  test('a create that fails changes nothing and revokes nothing', async () => {
    const old = await tokenWithValue('Rotate Fail');
    const file = vscode.Uri.joinPath(dir(), 'fail.py');
    const text = `TOKEN = "${old.value}"\n`;
    await vscode.workspace.fs.writeFile(file, Buffer.from(text));
    await emulator.inject({ route: 'POST /v1/tokens/', kind: 'status', status: 500 });
    const a = await api();
    a.testing.clearLastError();
    assert.equal(
      await exec('predicthqTokens.rotateToken', { tokenId: old.id, name: 'Never Made', confirm: true }),
      undefined,
    );
    assert.match(a.testing.lastError()?.message ?? '', /rotate the token/);
    await emulator.clear();
    assert.equal(await read(file), text);
    const names = await emulator.tokenNames();
    assert.ok(names.includes('Rotate Fail') && !names.includes('Never Made'));
  });

  test('a known-token finding offers "Rotate token…" as a quick fix', async () => {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(dir(), 'fail.py'));
    await vscode.window.showTextDocument(doc);
    const diag = await waitFor('the known-token diagnostic', () =>
      vscode.languages.getDiagnostics(doc.uri).find((d) => JSON.stringify(d.code ?? '').includes('known-token')),
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      diag.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const rotate = actions.find((x) => x.title === 'Rotate token "Rotate Fail"…');
    assert.ok(rotate?.command, actions.map((x) => x.title).join(' | '));
    assert.equal(rotate.command.command, 'predicthqTokens.rotateToken');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
