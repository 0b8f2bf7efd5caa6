// Rotate a token against the emulator: the plan's places are rewritten (an .env
// gets the new value, code reads it from the environment, with its import), the old token is
// deleted only after the files were written; a failed create changes nothing; a known-token
// finding offers the rotation as a quick fix. Faults: the old token revoked elsewhere meanwhile
// (the rotation still finishes and says so), two rotations of one token at once (the second is
// refused), a read-only file (stops before anything changes and names the file), a file changed on
// disk while the replacement is made (stops before the revoke, names it), cancel at the name box.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, copiedValue, emulator, env, exec, requireEmulator, seenValues, signedIn, waitFor } from './helpers';

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

  test('an old token already revoked elsewhere: the files still change and the rotation says so', async () => {
    const old = await tokenWithValue('Rotate Gone');
    const envFile = vscode.Uri.joinPath(dir(), 'gone', '.env');
    await vscode.workspace.fs.writeFile(envFile, Buffer.from(`PHQ_API_TOKEN=${old.value}\n`));
    // Revoked behind the extension's back (another machine, the WebApp).
    const res = await fetch(`${env.emulatorUrl}/v1/tokens/${old.id}/`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${env.credential}` },
    });
    assert.equal(res.status, 204);
    const report = await exec<{ newTokenId: string; revoked: string }>('predicthqTokens.rotateToken', {
      tokenId: old.id,
      name: 'Rotate Gone (rotated)',
      confirm: true,
    });
    assert.ok(report, JSON.stringify((await api()).testing.lastError()));
    assert.equal(report.revoked, 'already-gone');
    const fresh = await copiedValue(report.newTokenId);
    seenValues.add(fresh);
    assert.equal(await read(envFile), `PHQ_API_TOKEN=${fresh}\n`);
  });

  test('two rotations of one token at once: the second is refused, the first finishes', async () => {
    const old = await tokenWithValue('Rotate Twice');
    const a = await api();
    a.testing.clearLastError();
    const args = (n: string) => ({ tokenId: old.id, name: n, confirm: true });
    const [one, two] = await Promise.all([
      exec<{ revoked: string }>('predicthqTokens.rotateToken', args('Twice A')),
      exec<{ revoked: string }>('predicthqTokens.rotateToken', args('Twice B')),
    ]);
    assert.equal([one, two].filter((r) => r?.revoked === 'deleted').length, 1, JSON.stringify([one, two]));
    assert.match(a.testing.lastError()?.message ?? '', /already being rotated/);
    const names = await emulator.tokenNames();
    assert.equal(names.filter((n) => n === 'Twice A' || n === 'Twice B').length, 1, names.join(', '));
    assert.ok(!names.includes('Rotate Twice'));
  });

  test('a .env that is a symbolic link gets the new value through the link (the CLI decides the same)', async function () {
    if (process.platform === 'win32') this.skip();
    const old = await tokenWithValue('Rotate Linked');
    const outside = await fs.mkdtemp(path.join(os.tmpdir(), 'phq-outside-'));
    const real = path.join(outside, 't.env');
    const link = vscode.Uri.joinPath(dir(), 'linked', '.env');
    try {
      await fs.writeFile(real, `PHQ_API_TOKEN=${old.value}\n`);
      await fs.mkdir(path.dirname(link.fsPath), { recursive: true });
      await fs.symlink(real, link.fsPath);
      const report = await exec<{ newTokenId: string; changed: string[]; revoked: string }>(
        'predicthqTokens.rotateToken',
        { tokenId: old.id, name: 'Rotate Linked (rotated)', confirm: true },
      );
      assert.ok(report, JSON.stringify((await api()).testing.lastError()));
      assert.equal(report.revoked, 'deleted');
      const fresh = await copiedValue(report.newTokenId);
      seenValues.add(fresh);
      assert.ok((await fs.lstat(link.fsPath)).isSymbolicLink(), 'the .env is still a link');
      // What the app reads through the link is the new token, not the deleted one.
      assert.equal(await fs.readFile(real, 'utf8'), `PHQ_API_TOKEN=${fresh}\n`);
    } finally {
      for (const d of vscode.workspace.textDocuments.filter((x) => x.uri.fsPath === link.fsPath)) {
        await vscode.window.showTextDocument(d);
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      }
      await fs.rm(path.dirname(link.fsPath), { recursive: true, force: true });
      await fs.rm(outside, { recursive: true, force: true });
    }
  });

  test('a read-only (0400) .env stops the rotation before anything is created, naming it', async function () {
    if (process.platform === 'win32') this.skip();
    const old = await tokenWithValue('Rotate RO Env');
    const file = vscode.Uri.joinPath(dir(), 'roenv', '.env');
    await vscode.workspace.fs.writeFile(file, Buffer.from(`PHQ_API_TOKEN=${old.value}\n`));
    await fs.chmod(file.fsPath, 0o400);
    const a = await api();
    a.testing.clearLastError();
    try {
      const report = await exec('predicthqTokens.rotateToken', { tokenId: old.id, name: 'RO Env New', confirm: true });
      assert.equal(report, undefined);
      assert.match(a.testing.lastError()?.message ?? '', /rotate\/roenv\/\.env is read-only/);
      const names = await emulator.tokenNames();
      assert.ok(!names.includes('RO Env New'), names.join(', '));
    } finally {
      await fs.rm(path.dirname(file.fsPath), { recursive: true, force: true });
    }
  });

  test('a read-only file stops the rotation before anything changes and names the file', async () => {
    const old = await tokenWithValue('Rotate Locked');
    const file = vscode.Uri.joinPath(dir(), 'locked', 'settings.py');
    const text = `TOKEN = "${old.value}"\n`;
    await vscode.workspace.fs.writeFile(file, Buffer.from(text));
    await fs.chmod(file.fsPath, 0o444);
    const a = await api();
    a.testing.clearLastError();
    try {
      const report = await exec('predicthqTokens.rotateToken', { tokenId: old.id, name: 'Locked New', confirm: true });
      assert.equal(report, undefined);
      const msg = a.testing.lastError()?.message ?? '';
      assert.match(msg, /stopped before creating anything/);
      assert.match(msg, /rotate\/locked\/settings\.py is read-only/);
      assert.equal(await fs.readFile(file.fsPath, 'utf8'), text);
      const names = await emulator.tokenNames();
      assert.ok(names.includes('Rotate Locked') && !names.includes('Locked New'), names.join(', '));
    } finally {
      await fs.chmod(file.fsPath, 0o644);
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === file.toString());
      if (doc?.isDirty) {
        await vscode.window.showTextDocument(doc);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
    }
  });

  test('a file changed on disk while the replacement is made: stops before the revoke and names it', async () => {
    const old = await tokenWithValue('Rotate Moved');
    const file = vscode.Uri.joinPath(dir(), 'moved', 'config.py');
    await vscode.workspace.fs.writeFile(file, Buffer.from(`TOKEN = "${old.value}"\n`));
    await emulator.inject({ route: 'POST /v1/tokens/', kind: 'latency', delayMs: 1500 });
    const a = await api();
    a.testing.clearLastError();
    const run = exec('predicthqTokens.rotateToken', { tokenId: old.id, name: 'Moved New', confirm: true });
    await waitFor('the create to reach the emulator', async () => {
      const res = await fetch(`${env.emulatorUrl}/_emulator/faults/`);
      const body = (await res.json()) as { results: { hits: number }[] };
      return body.results.some((f) => f.hits > 0);
    });
    // Someone edits the file meanwhile (still holding the value, plus a line the plan never saw).
    const edited = `# edited meanwhile\nTOKEN = "${old.value}"\n`;
    await fs.writeFile(file.fsPath, edited);
    assert.equal(await run, undefined);
    const msg = a.testing.lastError()?.message ?? '';
    assert.match(msg, /stopped before revoking/);
    assert.match(msg, /rotate\/moved\/config\.py changed on disk/);
    assert.match(msg, /the new one exists/);
    assert.equal(await fs.readFile(file.fsPath, 'utf8'), edited);
    const names = await emulator.tokenNames();
    assert.ok(names.includes('Rotate Moved') && names.includes('Moved New'), names.join(', '));
  });

  test('cancel at the name box: nothing created, nothing written, not reported as an error', async () => {
    const old = await tokenWithValue('Rotate Cancel');
    const file = vscode.Uri.joinPath(dir(), 'cancel', '.env');
    const text = `PHQ_API_TOKEN=${old.value}\n`;
    await vscode.workspace.fs.writeFile(file, Buffer.from(text));
    const a = await api();
    a.testing.clearLastError();
    const before = (await emulator.tokenNames()).length;
    let done = false;
    const run = exec('predicthqTokens.rotateToken', { tokenId: old.id, confirm: true }).then((r) => {
      done = true;
      return r;
    });
    await waitFor('the command to end', async () => {
      if (!done) await exec('workbench.action.closeQuickOpen');
      return done;
    });
    assert.equal(await run, undefined);
    assert.equal(a.testing.lastError(), undefined, 'cancelling is not an error');
    assert.equal((await emulator.tokenNames()).length, before);
    assert.equal(await read(file), text);
  });

  test('what the search did not look at is named (a file over the size limit, files beyond the file limit)', async () => {
    const old = await tokenWithValue('Rotate Limits');
    const big = vscode.Uri.joinPath(dir(), 'limits', 'big.py');
    await vscode.workspace.fs.writeFile(big, Buffer.from(`# ${'x'.repeat(100_000)}\nTOKEN = "${old.value}"\n`));
    const rotate = async (id: string, searchLimits: object) => {
      const r = await exec<{ notSearched: string[] }>('predicthqTokens.rotateToken', {
        tokenId: id,
        name: `Limits New ${JSON.stringify(searchLimits)}`,
        confirm: true,
        searchLimits,
      });
      assert.ok(r, JSON.stringify((await api()).testing.lastError()));
      return r.notSearched.join('\n');
    };
    assert.match(
      await rotate(old.id, { maxBytes: 60_000 }),
      /^- 1 file\(s\) over 60000 bytes: rotate\/limits\/big\.py$/,
    );
    const other = await tokenWithValue('Rotate Limits 2');
    assert.match(await rotate(other.id, { maxFiles: 3 }), /^- files beyond the first 3 of the workspace$/);
    const everything = await tokenWithValue('Rotate Limits 3');
    assert.equal(await rotate(everything.id, {}), '', 'the default limits see this whole workspace');
    // big.py still holds the old value, which the extension forgot with the deleted token: a
    // later workspace scan would send it as any unknown token (the leak check counts it).
    await vscode.workspace.fs.delete(big);
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
