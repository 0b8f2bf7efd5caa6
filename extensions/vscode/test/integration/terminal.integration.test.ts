// "Use Token in Terminals" in a real VS Code (docs/extension.md, "Use a token without writing it"):
// new terminals get the variable (the shell writes its LENGTH to a temp file; the value is never
// echoed), an open terminal keeps its environment while the collection changes (VS Code's
// relaunch hint), Stop Using, delete and rotate update it, the status bar names the token; the
// command variable resolves in a task and a debug launch; the opt-in debug provider adds it.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, copiedValue, exec, requireEmulator, seenValues, setting, shownDoc, signedIn, waitFor } from './helpers';

const VAR = 'PHQ_API_TOKEN';
const sha = (v: string) => createHash('sha256').update(v).digest('hex');

suite('use a token in terminals', function () {
  let sessionId: string;
  let out: string;
  let n = 0;
  const next = () => path.join(out, `out-${++n}.txt`);

  suiteSetup(async function () {
    requireEmulator(this);
    sessionId = await signedIn();
    out = mkdtempSync(path.join(tmpdir(), 'phq-terminal-'));
  });
  suiteTeardown(async () => {
    await exec('predicthqTokens.stopUsingInTerminals');
    await setting('injectIntoDebugSessions', undefined);
    for (const t of vscode.window.terminals) t.dispose();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  async function tokenWithValue(name: string): Promise<{ id: string; value: string }> {
    const id = await exec<string>('predicthqTokens.createToken', { sessionId, name, scopes: ['events'], then: 'none' });
    assert.ok(id, JSON.stringify((await api()).testing.lastError()));
    const value = await copiedValue(id);
    seenValues.add(value);
    return { id, value };
  }

  /** Use Token in Terminals; code-server is a remote window (its terminals run on its host), confirmed here. */
  const use = (tokenId: string) =>
    exec<{ applied: boolean; name: string }>('predicthqTokens.useInTerminals', { tokenId, confirmRemote: true });

  /** What a shell line wrote to its file, once written. */
  const written = (file: string, what: string) =>
    waitFor(what, () => (existsSync(file) ? readFileSync(file, 'utf8').trim() : ''));

  /** A new terminal (its own process) runs `line`; resolves to what it wrote. */
  async function inNewTerminal(line: (file: string) => string): Promise<string> {
    const file = next();
    const t = vscode.window.createTerminal({ name: 'phq-probe', shellPath: '/bin/sh', shellArgs: ['-c', line(file)] });
    try {
      return await written(file, 'the new terminal wrote its line');
    } finally {
      t.dispose();
    }
  }
  const lengthLine = (v: string) => (file: string) => `printf %s "\${#${v}}" > '${file}'`;
  const hashLine = (v: string) => (file: string) => `printf %s "$${v}" | sha256sum | cut -c1-64 > '${file}'`;

  test('a remote window (code-server) asks before its terminals get a token', async function () {
    const a = await api();
    if (!vscode.env.remoteName) this.skip();
    const tok = await tokenWithValue('Terminal Remote');
    a.testing.clearLastError();
    // The modal cannot be answered in tests: VS Code refuses it, which stops the command.
    assert.equal(await exec('predicthqTokens.useInTerminals', { tokenId: tok.id }), undefined);
    assert.match(a.testing.lastError()?.message ?? '', /terminals of the remote/);
    assert.deepEqual(a.testing.terminalToken().collection.vars, {});
  });

  test('a new terminal gets the variable; the status bar names the token, never the value', async () => {
    const a = await api();
    const tok = await tokenWithValue('Terminal Token');
    assert.equal(await inNewTerminal(lengthLine(VAR)), '0', 'nothing before Use Token in Terminals');
    const state = await use(tok.id);
    assert.ok(state?.applied, JSON.stringify(a.testing.lastError() ?? a.testing.terminalToken()));
    const t = a.testing.terminalToken();
    assert.deepEqual(t.collection.vars, { [VAR]: tok.value.length });
    assert.equal(t.collection.persistent, false, 'VS Code never stores the collection');
    assert.match(t.collection.description, /Terminal Token/);
    assert.ok(!t.collection.description.includes(tok.value));
    assert.equal(t.statusText, `$(terminal) ${VAR}: Terminal Token`);
    assert.ok(!t.statusTooltip.includes(tok.value));
    assert.equal(await inNewTerminal(lengthLine(VAR)), String(tok.value.length));
    assert.equal(await inNewTerminal(hashLine(VAR)), sha(tok.value), 'the token itself, not another');
  });

  test('a terminal from "Terminal: Create New Terminal" with the default shell gets it too', async () => {
    const file = next();
    await exec('workbench.action.terminal.new');
    const t = await waitFor('the new terminal is active', () => vscode.window.activeTerminal);
    t.sendText(`printf %s "\${#${VAR}}" > '${file}'`);
    assert.equal(await written(file, 'the default shell wrote its line'), '43');
    t.dispose();
  });

  test('an open terminal keeps its environment while the collection changes (the relaunch hint)', async () => {
    const a = await api();
    await exec('predicthqTokens.stopUsingInTerminals');
    const open = vscode.window.createTerminal({ name: 'phq-open', shellPath: '/bin/sh' });
    const before = next();
    open.sendText(`printf %s "\${#${VAR}}" > '${before}'`);
    assert.equal(await written(before, 'the open terminal answered'), '0');
    const tok = await tokenWithValue('Terminal Hint');
    await use(tok.id);
    assert.deepEqual(a.testing.terminalToken().collection.vars, { [VAR]: tok.value.length }, 'the collection changed');
    const after = next();
    open.sendText(`printf %s "\${#${VAR}}" > '${after}'`);
    assert.equal(await written(after, 'the open terminal answered again'), '0', 'not changed under it');
    assert.equal(await inNewTerminal(lengthLine(VAR)), String(tok.value.length));
    open.dispose();
  });

  test('Stop Using removes it from new terminals and the status bar', async () => {
    const a = await api();
    const tok = await tokenWithValue('Terminal Stop');
    await use(tok.id);
    assert.equal(await exec('predicthqTokens.stopUsingInTerminals'), true);
    const t = a.testing.terminalToken();
    assert.deepEqual(t.collection.vars, {});
    assert.equal(t.statusText, '');
    assert.equal(await inNewTerminal(lengthLine(VAR)), '0');
  });

  test('rotating the token switches new terminals to the replacement', async () => {
    const a = await api();
    const old = await tokenWithValue('Terminal Rotate');
    await use(old.id);
    const report = await exec<{ newTokenId: string; revoked: string }>('predicthqTokens.rotateToken', {
      tokenId: old.id,
      name: 'Terminal Rotate (rotated)',
      confirm: true,
    });
    assert.ok(report, JSON.stringify(a.testing.lastError()));
    const fresh = await copiedValue(report.newTokenId);
    seenValues.add(fresh);
    await a.testing.terminalSettled();
    assert.equal(a.testing.terminalToken().state?.tokenId, report.newTokenId);
    assert.equal(a.testing.terminalToken().statusText, `$(terminal) ${VAR}: Terminal Rotate (rotated)`);
    assert.equal(await inNewTerminal(hashLine(VAR)), sha(fresh), 'the replacement, not the old token');
  });

  test('deleting the token removes it from new terminals at once', async () => {
    const a = await api();
    const tok = await tokenWithValue('Terminal Delete');
    await use(tok.id);
    assert.equal(await exec('predicthqTokens.deleteToken', { tokenId: tok.id, confirm: true }), true);
    await a.testing.terminalSettled();
    assert.deepEqual(a.testing.terminalToken().collection.vars, {});
    assert.equal(a.testing.terminalToken().state, undefined);
    assert.equal(await inNewTerminal(lengthLine(VAR)), '0');
  });

  test('a new variable name moves it', async () => {
    const a = await api();
    const tok = await tokenWithValue('Terminal Rename Var');
    await use(tok.id);
    try {
      await setting('envVarName', 'PHQ_OTHER_TOKEN');
      await waitFor('moved to PHQ_OTHER_TOKEN', () => a.testing.terminalToken().collection.vars.PHQ_OTHER_TOKEN);
      assert.deepEqual(a.testing.terminalToken().collection.vars, { PHQ_OTHER_TOKEN: tok.value.length });
      assert.equal(await inNewTerminal(lengthLine('PHQ_OTHER_TOKEN')), String(tok.value.length));
    } finally {
      await setting('envVarName', undefined);
    }
    await waitFor('back in PHQ_API_TOKEN', () => a.testing.terminalToken().collection.vars[VAR]);
  });

  test('${command:predicthqTokens.activeToken} resolves in a task; tasks.json keeps the variable', async () => {
    const tok = await tokenWithValue('Terminal Task');
    await use(tok.id);
    const folder = vscode.workspace.workspaceFolders![0]!;
    const tasksJson = vscode.Uri.joinPath(folder.uri, '.vscode', 'tasks.json');
    const file = next();
    const text = JSON.stringify(
      {
        version: '2.0.0',
        tasks: [
          {
            label: 'phq-task-length',
            type: 'shell',
            // No ${...} in the command: VS Code resolves variables there too.
            command: `printf %s "$PHQ_TASK_TOKEN" | wc -c > '${file}'`,
            options: { env: { PHQ_TASK_TOKEN: '${command:predicthqTokens.activeToken}' } },
            presentation: { reveal: 'never' },
          },
        ],
      },
      null,
      2,
    );
    await vscode.workspace.fs.writeFile(tasksJson, Buffer.from(text));
    try {
      const task = await waitFor('the task is listed', async () =>
        (await vscode.tasks.fetchTasks()).find((t) => t.name === 'phq-task-length'),
      );
      await vscode.tasks.executeTask(task);
      assert.equal(await written(file, 'the task wrote the length'), String(tok.value.length));
      assert.equal(Buffer.from(await vscode.workspace.fs.readFile(tasksJson)).toString('utf8'), text, 'file unchanged');
    } finally {
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder.uri, '.vscode'), { recursive: true });
    }
  });

  test('debug sessions get it when opted in, and the command variable resolves in a launch', async function () {
    this.timeout(180_000); // three launches of js-debug, slow on a loaded machine
    const tok = await tokenWithValue('Terminal Debug');
    await use(tok.id);
    const folder = vscode.workspace.workspaceFolders![0]!;
    const program = path.join(out, 'probe.js');
    const launch = async (env: Record<string, string> = {}) => {
      const file = next();
      writeFileSync(
        program,
        `require('fs').writeFileSync(${JSON.stringify(file)}, [process.env.${VAR} || '', process.env.PHQ_LAUNCH_TOKEN || ''].map((v) => v.length).join(' '));\n`,
      );
      const ended = new Promise<void>((resolve) => {
        const d = vscode.debug.onDidTerminateDebugSession(() => (d.dispose(), resolve()));
      });
      assert.ok(
        await vscode.debug.startDebugging(folder, {
          type: 'node',
          request: 'launch',
          name: 'phq-probe',
          program,
          console: 'internalConsole',
          env,
        }),
        'the session started',
      );
      const got = await written(file, 'the debugged program wrote its line');
      await ended;
      return got;
    };
    // debug.saveBeforeStart would save the active editor first, and an untitled one left by an
    // earlier suite opens a Save As box nobody answers.
    const debugConfig = vscode.workspace.getConfiguration('debug');
    await debugConfig.update('saveBeforeStart', 'none', vscode.ConfigurationTarget.Global);
    await setting('injectIntoDebugSessions', false);
    assert.equal(await launch(), '0 0', 'off by default');
    await setting('injectIntoDebugSessions', true);
    assert.equal(await launch(), `${tok.value.length} 0`, 'opted in');
    await setting('injectIntoDebugSessions', false);
    assert.equal(
      await launch({ PHQ_LAUNCH_TOKEN: '${command:predicthqTokens.activeToken}' }),
      `0 ${tok.value.length}`,
      'the command variable, resolved at launch',
    );
    await debugConfig.update('saveBeforeStart', undefined, vscode.ConfigurationTarget.Global);
  });

  test('the environment-reference quick fix offers Use Token in Terminals afterwards', async () => {
    // A document of its own: earlier suites rewrite the workspace's events.py.
    const doc = await shownDoc();
    const at = doc.getText().indexOf('$API_TOKEN');
    const range = new vscode.Range(doc.positionAt(at), doc.positionAt(at + 3));
    const fix = await waitFor('the env-reference fix', async () =>
      (
        await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, range)
      ).find((x) => x.title.startsWith('Replace with') && x.edit && !x.title.includes('token "')),
    );
    assert.equal(fix.command?.command, 'predicthqTokens.offerTerminalToken');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
