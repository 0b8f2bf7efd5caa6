// "Would git commit this file?" in the server: the ignore rules are read once per folder and
// kept until the client's file watcher (registered by the server) reports an ignore file
// changed; then the diagnostics of open documents say what git would do now.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver-protocol/node';
import { fingerprint } from '@phq-tokens/detect';
import { startSession, type Session } from '../support/lspClient';
import { newTokenValue, token, tokensParams } from '../support/fixtures';

suite('LSP git status follows ignore files (client watcher)', () => {
  let s: Session;
  let root: string;
  setup(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'phq-watch-'));
    mkdirSync(path.join(root, '.git'));
    s = await startSession();
  });
  teardown(async () => {
    await s.stop();
    rmSync(root, { recursive: true, force: true });
  });

  test('a .gitignore written later counts once the watcher reports it', async () => {
    const deadline = Date.now() + 10_000;
    while (!s.registrations.includes(DidChangeWatchedFilesNotification.method) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    assert.ok(s.registrations.includes(DidChangeWatchedFilesNotification.method), 'the server asked to watch');
    const value = newTokenValue();
    await s.tokens(tokensParams([token('tok_w', 'Watched', ['events'], { fingerprint: fingerprint(value) })]));
    const uri = pathToFileURL(path.join(root, 'app.py')).href;
    await s.open(uri, 'python', `TOKEN = "${value}"\n`);
    const known = (d: { code?: unknown }) => d.code === 'phq/known-token';
    const first = (await s.diagnostics(uri, 1)).diagnostics.find(known);
    assert.match(String(first?.message), /Git would commit this file/);

    writeFileSync(path.join(root, '.gitignore'), 'app.py\n');
    const next = s.nextDiagnostics(uri);
    await s.conn.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathToFileURL(path.join(root, '.gitignore')).href, type: FileChangeType.Created }],
    });
    const after = (await next).diagnostics.find(known);
    assert.match(String(after?.message), /which git ignores/);
  });
});
