// The language client's failure policy (src/lsp/failurePolicy.ts) in a real VS Code: a
// server that dies (killed here; over stdio, broken framing makes it exit 1 the same way)
// is restarted, logged, and given the tokens again; after repeated crashes in 3 minutes it
// stays stopped and the user is told once, with "Show Logs". Runs after the language suite:
// it leaves the server stopped.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  api,
  copiedValue,
  exec,
  requireEmulator,
  requireLanguageServer,
  seenValues,
  signedIn,
  waitFor,
} from './helpers';

function* files(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (e.isFile()) yield p;
  }
}

/** The lines of the language server's output channel, as VS Code wrote them to its log file. */
async function serverLog(): Promise<string> {
  const logRoot = path.dirname(path.dirname((await api()).testing.logUri.fsPath));
  return [...files(logRoot)]
    .filter((f) => f.includes('PredictHQ Tokens Language Server'))
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
}

const count = (text: string, needle: string) => text.split(needle).length - 1;

suite('language server failures: restart, log, tell once', function () {
  this.timeout(120_000);
  suiteSetup(async function () {
    requireEmulator(this);
    await requireLanguageServer(this);
    await signedIn();
  });

  /** A new untitled document gets diagnostics: the server is up and working. */
  async function judged(): Promise<void> {
    const doc = await vscode.workspace.openTextDocument({ language: 'python', content: 'h = "Bearer $API_TOKEN"\n' });
    await waitFor('diagnostics from the running server', () => vscode.languages.getDiagnostics(doc.uri).length > 0);
  }

  async function runningPid(other?: number): Promise<number> {
    const a = await api();
    return waitFor(`a running language server${other ? ` other than ${other}` : ''}`, () => {
      const pid = a.testing.languageServerFailures().pid;
      return pid !== undefined && pid !== other && a.testing.languageClientState() === 'running' ? pid : undefined;
    });
  }

  test('a server that dies is restarted once, the restart is logged, and the new server works', async () => {
    const a = await api();
    // An open document holding a stored value: the restarted server gets it again through
    // the redacting didOpen (which must work on VS Code's frozen document objects).
    // The account named: with a second kind of account signed in, Create would ask which.
    const id = await exec<string>('predicthqTokens.createToken', {
      sessionId: await signedIn(),
      name: 'Restart Probe',
      scopes: ['events'],
      then: 'none',
    });
    const value = await copiedValue(id);
    seenValues.add(value);
    await vscode.window.showTextDocument(
      await vscode.workspace.openTextDocument({ language: 'python', content: `token = "${value}"\n` }),
    );
    const before = a.testing.languageServerFailures().restarts;
    const logBefore = count(await serverLog(), 'language server stopped unexpectedly; restarting it');
    const pid = await runningPid();
    process.kill(pid, 'SIGKILL');
    const next = await runningPid(pid);
    assert.notEqual(next, pid);
    assert.equal(a.testing.languageServerFailures().restarts, before + 1, 'restarted exactly once');
    await waitFor(
      'the restart in the server log',
      async () => count(await serverLog(), 'language server stopped unexpectedly; restarting it') > logBefore,
    );
    assert.equal(a.testing.languageServerFailures().notice, undefined, 'no notification for one restart');
    // The new server judges documents (and got the tokens again: sendTokens on Running).
    const doc = await vscode.workspace.openTextDocument({ language: 'python', content: 'h = "Bearer $API_TOKEN"\n' });
    await waitFor('diagnostics from the restarted server', () => vscode.languages.getDiagnostics(doc.uri).length > 0);
  });

  test('after repeated crashes it stays stopped and the user is told once, with Show Logs', async () => {
    const a = await api();
    // The first test used one restart of the 4 allowed in 3 minutes; 4 more crashes use up
    // the rest (3) and the last is not restarted.
    let pid = await runningPid();
    for (let i = 0; i < 3; i++) {
      process.kill(pid, 'SIGKILL');
      pid = await runningPid(pid);
      // Killed while it initializes, a server is not restarted (an initialize failure is told
      // once, not retried): wait until the new one has judged a document before the next kill.
      await judged();
    }
    process.kill(pid, 'SIGKILL');
    await waitFor('the client to give up', () => a.testing.languageClientState() === 'stopped');
    const notice = await waitFor('the notification', () => a.testing.languageServerFailures().notice);
    assert.match(notice, /language server stopped 5 times in 3 minutes and was not restarted/);
    await waitFor('the give-up line in the server log', async () =>
      (await serverLog()).includes('language server stopped unexpectedly 5 times in 3 minutes; not restarting it'),
    );
    // Still stopped a moment later: no restart behind the user's back.
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal(a.testing.languageClientState(), 'stopped');
    assert.equal(a.testing.languageServerFailures().restarts, 4);
  });
});
