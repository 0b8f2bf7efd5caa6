// Scan Git History: a repository built here with git (fixed identity and dates)
// holds a placeholder that stays in HEAD and a token-shaped value (random, obviously fake) that
// a later commit removes. The command, given the folder, fills the "Token Leaks in Git History"
// view with both, each with the commit that brought it and whether it is still in HEAD, and a
// finding opens the file as it was at that commit. With a signed-in account, a stored token's
// value committed by mistake is named ("your token ...") by fingerprint.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { HistoryFinding, HistoryScanResult } from '../../src/history/gitHistory';
import { api, copiedValue, env, exec, seenValues, signedIn, storedToken } from './helpers';

const PLACEHOLDER_PY = 'import requests\nh = {"Authorization": "Bearer $API_TOKEN"}\n';
const pyToken = (t: string) => `import requests\nh = {"Authorization": "Bearer ${t}"}\n`;
const fakeToken = (): string => ('FAKE' + randomBytes(30).toString('base64url').replace(/[-_]/g, 'x')).slice(0, 43);

/** A repository with a fixed identity and clock: commit i is dated 2025-03-0i. */
class Repo {
  private n = 0;
  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    this.git('init', '-q', '-b', 'main');
  }
  git(...args: string[]): string {
    const date = `2025-03-0${this.n} 12:00:00 +0000`;
    return execFileSync('git', args, {
      cwd: this.dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'Ann Example',
        GIT_AUTHOR_EMAIL: 'ann@example.invalid',
        GIT_COMMITTER_NAME: 'Ann Example',
        GIT_COMMITTER_EMAIL: 'ann@example.invalid',
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_CONFIG_GLOBAL: '/dev/null',
      },
    }).trim();
  }
  commit(files: Record<string, string | null>, message: string): string {
    this.n++;
    for (const [name, text] of Object.entries(files)) {
      if (text === null) this.git('rm', '-q', name);
      else {
        writeFileSync(path.join(this.dir, name), text);
        this.git('add', name);
      }
    }
    this.git('commit', '-q', '-m', message);
    return this.git('rev-parse', 'HEAD');
  }
}

suite('Scan Git History: findings of every commit in a view', function () {
  let root: string;
  let repo: Repo;
  let placeholderCommit: string;
  let tokenCommit: string;

  suiteSetup(() => {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder);
    root = path.join(folder.fsPath, 'history-scan');
    rmSync(root, { recursive: true, force: true });
    repo = new Repo(path.join(root, 'repo'));
    placeholderCommit = repo.commit({ 'app.py': PLACEHOLDER_PY }, 'add app');
    tokenCommit = repo.commit({ 'leak.py': pyToken(fakeToken()) }, 'add a client');
    repo.commit({ 'leak.py': null, 'README.md': '# demo\n' }, 'remove the client');
  });

  suiteTeardown(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  const findings = async () => (await api()).testing.historyFindings();
  const byFile = (list: HistoryFinding[], file: string) => {
    const f = list.find((x) => x.file === file);
    assert.ok(f, `${file} in ${JSON.stringify(list.map((x) => [x.file, x.ruleId]))}`);
    return f;
  };

  test('History: both findings with their commit, date, author and in-HEAD state', async () => {
    const r = await exec<HistoryScanResult>('predicthqTokens.scanGitHistory', { folder: repo.dir });
    assert.ok(r, JSON.stringify((await api()).testing.lastError()));
    assert.equal(r.cancelled, false);
    const list = await findings();
    const placeholder = byFile(list, 'app.py');
    assert.equal(placeholder.ruleId, 'phq/placeholder');
    assert.equal(placeholder.commit, placeholderCommit);
    assert.equal(placeholder.date?.slice(0, 10), '2025-03-01');
    assert.equal(placeholder.author, 'Ann Example');
    assert.equal(placeholder.inHead, true);
    const token = byFile(list, 'leak.py');
    assert.equal(token.ruleId, 'phq/hardcoded-token');
    assert.equal(token.commit, tokenCommit);
    assert.equal(token.date?.slice(0, 10), '2025-03-02');
    assert.equal(token.inHead, false);

    // The view's nodes say the same, in words.
    const a = await api();
    const items = a.testing.historyNodes().map((n) => a.testing.historyItem(n));
    const itemOf = (file: string) => {
      const item = items.find((i) => String(i.label).startsWith(file));
      assert.ok(item, `a node for ${file}`);
      return item;
    };
    assert.match(
      String(itemOf('app.py').description),
      new RegExp(`${placeholderCommit.slice(0, 7)}, 2025-03-01, Ann Example`),
    );
    assert.match(String(itemOf('app.py').description), /still in HEAD/);
    assert.match(String(itemOf('leak.py').description), new RegExp(tokenCommit.slice(0, 7)));
    assert.match(String(itemOf('leak.py').description), /removed since, still in history/);
    assert.match((itemOf('leak.py').tooltip as vscode.MarkdownString).value, /Rotate it/);
    // What matters first: the token removed since (still in every clone) before the placeholder in HEAD.
    const order = items.map((i) => String(i.label).split(':')[0]);
    assert.ok(order.indexOf('leak.py') < order.indexOf('app.py'), order.join(', '));
  });

  test('History: a finding opens the file as it was at its commit, read-only', async () => {
    const a = await api();
    const token = byFile(await findings(), 'leak.py');
    const node = a.testing.historyNodes().find((n) => n.kind === 'finding' && n.finding.file === 'leak.py');
    assert.ok(node);
    const command = a.testing.historyItem(node).command;
    assert.ok(command, 'the node opens something');
    assert.equal(command.command, 'vscode.open');
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const uri = a.testing.historyUri(token);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'an editor is open');
    assert.equal(editor.document.uri.toString(), uri.toString());
    // leak.py is gone from the working tree and HEAD; the document is the committed version.
    assert.match(editor.document.getText(), /^import requests\nh = \{"Authorization": "Bearer FAKE/);
    assert.equal(editor.document.languageId, 'python');
    const applied = await editor.edit((e) => e.insert(new vscode.Position(0, 0), '# edited\n'));
    // A content provider's document cannot be saved; the edit stays in memory at most.
    if (applied) assert.equal(await editor.document.save(), false);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('History: Cancel stops the scan; the view says so', async () => {
    const r = await exec<HistoryScanResult>('predicthqTokens.scanGitHistory', { folder: repo.dir, cancelAfterMs: 1 });
    assert.equal(r.cancelled, true);
    const a = await api();
    assert.deepEqual(
      a.testing.historyNodes().map((n) => String(a.testing.historyItem(n).label)),
      ['Scan cancelled.'],
    );
  });

  test('History: your own token committed by mistake is named, with the hint to rotate it', async function () {
    if (!env.emulatorUrl || !env.credential) this.skip();
    const sessionId = await signedIn();
    const node = await storedToken(sessionId, 'CI | History Test', ['events']);
    const value = await copiedValue(node.token.id);
    seenValues.add(value);
    const mine = new Repo(path.join(root, 'mine'));
    const commit = mine.commit({ 'deploy.py': pyToken(value) }, 'deploy script');
    mine.commit({ 'deploy.py': null, 'README.md': '# x\n' }, 'oops');
    await exec('predicthqTokens.scanGitHistory', { folder: mine.dir });
    const known = (await findings()).filter((f) => f.ruleId === 'phq/known-token');
    assert.equal(known.length, 1, JSON.stringify(await findings()));
    assert.equal(known[0]!.tokenName, 'CI | History Test');
    assert.equal(known[0]!.tokenId, node.token.id);
    assert.equal(known[0]!.commit, commit);
    assert.equal(known[0]!.inHead, false);
    const a = await api();
    const item = a.testing.historyItem({ kind: 'finding', finding: known[0]! });
    assert.match(String(item.label), /your token "CI \| History Test"/);
    assert.match(String(item.description), /rotate it: it stays in every clone/);
    // Metadata only: the value is in no finding and no node.
    assert.ok(!JSON.stringify(await findings()).includes(value));
    assert.ok(!JSON.stringify(item).includes(value));
  });
});
