// What the extension asks and says, as a user meets it: questions that can delete or lose
// something default to the safe choice (Enter, the first button, changes nothing), the Forget
// question has one way out, the sign-out question says what signing out forgets, a rename of a
// token on this machine says only what is known, and a rate-limit toast never goes stale.
// Dialogs cannot be clicked from the extension host: the questions are recorded and answered
// with the first button, which is what Enter chooses in VS Code (the UI suite checks the
// focused button in a real browser).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  copiedValue,
  api,
  emulator,
  env,
  exec,
  requireEmulator,
  seenValues,
  setting,
  signedIn,
  storedToken,
  waitFor,
} from './helpers';

const enter = (q: { buttons: string[] }) => q.buttons[0];

suite('questions and toasts', function () {
  let sessionId: string;
  suiteSetup(async function () {
    requireEmulator(this);
    sessionId = await signedIn();
  });
  teardown(async () => {
    await emulator.clear();
    (await api()).testing.clearLastError();
  });

  test('Rotate: Enter at the plan does not rotate (no new token, the old one kept)', async () => {
    const a = await api();
    const node = await storedToken(sessionId, 'Rotate On Enter', ['events']);
    const rec = a.testing.recordModals(enter);
    try {
      const r = await exec('predicthqTokens.rotateToken', { tokenId: node.token.id, name: 'Rotate On Enter 2' });
      assert.equal(r, undefined);
    } finally {
      rec.restore();
    }
    assert.equal(rec.questions.length, 1);
    assert.match(rec.questions[0]!.message, /^Rotate "Rotate On Enter"\?$/);
    assert.notEqual(rec.questions[0]!.buttons[0], 'Rotate', 'Enter must not rotate');
    const names = await emulator.tokenNames();
    assert.ok(names.includes('Rotate On Enter'), 'the old token is kept');
    assert.ok(!names.includes('Rotate On Enter 2'), 'no replacement was made');
  });

  test('Delete: Enter keeps the token', async () => {
    const a = await api();
    const node = await storedToken(sessionId, 'Delete On Enter', ['events']);
    const rec = a.testing.recordModals(enter);
    try {
      assert.equal(await exec('predicthqTokens.deleteToken', { tokenId: node.token.id }), false);
    } finally {
      rec.restore();
    }
    assert.ok((await emulator.tokenNames()).includes('Delete On Enter'));
  });

  test("Forget: one way out (VS Code's Cancel), and Enter forgets nothing", async function () {
    if (!env.publicUrl || env.publicTokens.length === 0) this.skip();
    const a = await api();
    await setting('apiUrl', env.publicUrl);
    const t = env.publicTokens.find((x) => x.name === 'Events Script')!;
    seenValues.add(t.value);
    try {
      const id = await exec<string>('predicthqTokens.addToken', { value: t.value, name: 'Forget On Enter' });
      assert.ok(id, JSON.stringify(a.testing.lastError()));
      const urls = a.testing.recordOpenExternal();
      const rec = a.testing.recordModals(enter);
      try {
        assert.equal(await exec('predicthqTokens.forgetToken', { tokenId: id }), false);
      } finally {
        rec.restore();
        urls.restore();
      }
      const q = rec.questions[0]!;
      assert.match(q.detail, /does NOT revoke/);
      assert.ok(
        !q.buttons.some((b) => /^(cancel|keep)/i.test(b)),
        `VS Code adds Cancel; no second way out: ${q.buttons.join(', ')}`,
      );
      assert.ok(a.testing.isStored(id), 'Enter forgot nothing');
      assert.equal(urls.urls.length, 1, 'Enter opened the WebApp to revoke it');
    } finally {
      await setting('apiUrl', undefined);
    }
  });

  test('Rename of a token on this machine says only what is known (not the WebApp name it never read)', async function () {
    if (!env.publicUrl || env.publicTokens.length === 0) this.skip();
    const a = await api();
    await setting('apiUrl', env.publicUrl);
    const t = env.publicTokens.find((x) => x.name === 'Demand Forecasting | Model Training')!;
    seenValues.add(t.value);
    try {
      const id = await exec<string>('predicthqTokens.addToken', {
        value: t.value,
        name: 'Demand Forecasting | Model Training',
      });
      assert.ok(id, JSON.stringify(a.testing.lastError()));
      // (an earlier suite may have added this value under another name: the duplicate is returned)
      const before = a.testing.localToken(id)!.name.split('|').pop()!.trim();
      await exec('predicthqTokens.renameToken', { tokenId: id, name: 'Demand Forecasting | Training' });
      const said = a.testing.recentNotices().at(-1) ?? '';
      assert.match(said, /on this machine only/);
      assert.doesNotMatch(said, /WebApp is still "/, 'the WebApp name was never read');
      assert.ok(said.startsWith(`Renamed "${before}" to "Training" on this machine only`), said);
    } finally {
      await setting('apiUrl', undefined);
    }
  });

  test('the sign-out question says what signing out forgets, and Enter keeps the stored values', async () => {
    const a = await api();
    const node = await storedToken(sessionId, 'Kept Over Sign Out', ['events']);
    const rec = a.testing.recordModals(enter);
    try {
      await exec('predicthqTokens.signOut', { sessionId });
    } finally {
      rec.restore();
    }
    const q = rec.questions[0]!;
    assert.match(q.detail, /forgets this account's sign-in/);
    assert.match(q.detail, /value not on this machine/);
    assert.equal(q.buttons[0], 'Sign Out, Keep Values');
    sessionId = await signedIn();
    assert.equal(a.testing.isStored(node.token.id), true, 'the kept value is back after signing in again');
  });

  test('429 with Retry-After: a countdown that ends, then the error with Retry; no toast says "in 2 s" for good', async () => {
    const a = await api();
    await setting('network.retries', 0);
    try {
      await emulator.inject({ route: 'GET /v1/tokens/', kind: 'status', status: 429, retryAfter: 2, times: 1 });
      const before = a.testing.recentNotices().length;
      await exec('predicthqTokens.refresh');
      assert.match(a.testing.lastError()?.message ?? '', /rate limiting/);
      const final = await waitFor('the error once the wait is over', () =>
        a.testing
          .recentNotices()
          .slice(before)
          .find((m) => /the wait it asked for is over/.test(m)),
      );
      assert.match(final, /^Could not .*\(429\)/);
      const shown = a.testing.recentNotices().slice(before);
      assert.ok(
        shown.some((m) => /retry in 2 s/.test(m)) && shown.some((m) => /retry in 1 s/.test(m)),
        shown.join('\n'),
      );
      assert.ok(!shown.some((m) => /Try again in \d+ s/.test(m)), 'no toast keeps a relative wait');
    } finally {
      await setting('network.retries', undefined);
    }
  });

  test('Save to .env says which folder it wrote to', async () => {
    const a = await api();
    const folder = vscode.workspace.workspaceFolders![0]!;
    const id = await exec<string>('predicthqTokens.createToken', {
      sessionId,
      name: 'Dotenv Folder Named',
      scopes: ['events'],
      then: 'env',
    });
    assert.ok(id, JSON.stringify(a.testing.lastError()));
    const said = a.testing.recentNotices().at(-1) ?? '';
    assert.match(said, /^Saved "Dotenv Folder Named" to \.env /);
    assert.ok(said.includes(`(folder ${folder.name})`), said);
    seenValues.add(await copiedValue(id));
    // The file the extension just wrote is where a value may live: a hint at most, never an error.
    const envUri = vscode.Uri.joinPath(folder.uri, '.env');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(envUri));
    const mine = await waitFor('the .env judged', () => {
      const d = vscode.languages
        .getDiagnostics(envUri)
        .filter((x) => JSON.stringify(x.code ?? '').includes('known-token'));
      return d.length > 0 ? d : undefined;
    });
    assert.deepEqual(
      mine.map((d) => d.severity),
      mine.map(() => vscode.DiagnosticSeverity.Hint),
      mine.map((d) => d.message).join('\n'),
    );
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test("the view's keys act on the selected token: Ctrl+C copies it, F2 renames it", async () => {
    const a = await api();
    const node = await storedToken(sessionId, 'Keyboard Copy', ['events']);
    // What the keybindings send ({focused: true}) with the token selected in the view.
    await a.testing.selectToken(node.token.id);
    await vscode.env.clipboard.writeText('');
    assert.equal(await exec('predicthqTokens.copyToken', { focused: true }), true);
    const v = await vscode.env.clipboard.readText();
    seenValues.add(v);
    assert.equal(v, await copiedValue(node.token.id), 'the selected token was copied');
    const renaming = exec('predicthqTokens.renameToken', { focused: true });
    const box = await waitFor('the rename box', () => a.testing.inputBox());
    assert.equal(box.title, 'Rename "Keyboard Copy"');
    await exec('workbench.action.closeQuickOpen');
    assert.equal(await renaming, undefined);
  });
});
