import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { AUTH_PROVIDER_ID } from '../../src/constants';
import { api, env, exec, requireEmulator, setting, signedIn, tokenByName, tokenNodes, waitFor } from './helpers';

suite('sign-in and the API Tokens tree', function () {
  suiteSetup(function () {
    requireEmulator(this);
  });

  test('sign in with the emulator credential lists the account and its tokens', async () => {
    const sessionId = await signedIn();
    const a = await api();
    const [account] = a.testing.treeChildren();
    assert.ok(account && account.kind === 'account');
    const item = a.testing.treeItem(account);
    assert.equal(item.label, 'Demo Org');
    assert.match(String(item.description), /demo@example\.com/);
    const tokens = await tokenNodes(sessionId);
    assert.ok(tokens.length >= 8, `seeded tokens listed (${tokens.length})`);
    assert.match(a.testing.statusBarText(), /^\$\(key\) PredictHQ: Demo Org$/);
  });

  test('the session is served by the registered authentication provider', async () => {
    const sessions = await (await api()).testing.sessions();
    assert.equal(sessions.length, 1);
    assert.match(sessions[0]!.label, /^Demo Org \(127\.0\.0\.1:\d+\)$/);
  });

  test('legacy "Client | Token" names show the token name with the client beside it', async () => {
    const sessionId = await signedIn();
    const a = await api();
    const node = await tokenByName(sessionId, 'Analytics Pipeline | Nightly Export');
    const item = a.testing.treeItem(node);
    assert.equal(item.label, 'Nightly Export');
    assert.match(String(item.description), /^Analytics Pipeline · /);
    assert.match(String(item.description), /events, features/);
    const plain = a.testing.treeItem(await tokenByName(sessionId, 'Production Dashboard'));
    assert.equal(plain.label, 'Production Dashboard');
    assert.equal(plain.description, 'all scopes');
  });

  test('scopes are visible as children with catalog labels', async () => {
    const sessionId = await signedIn();
    const a = await api();
    const node = await tokenByName(sessionId, 'Analytics Pipeline | Nightly Export');
    const scopes = a.testing.treeChildren(node).map((n) => a.testing.treeItem(n).label);
    assert.deepEqual(scopes, ['Events', 'Features']);
  });

  test('tokens whose value is not stored here have the "not stored" icon and context', async () => {
    const sessionId = await signedIn();
    const a = await api();
    const item = a.testing.treeItem(await tokenByName(sessionId, 'Staging'));
    assert.equal(item.contextValue, 'token');
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'circle-outline');
  });

  test('filter narrows the list and clear restores it', async () => {
    const sessionId = await signedIn();
    const before = (await tokenNodes(sessionId)).length;
    await exec('predicthqTokens.filter', { text: 'nightly' });
    const filtered = await tokenNodes(sessionId);
    assert.deepEqual(
      filtered.map((n) => n.token.name),
      ['Analytics Pipeline | Nightly Export'],
    );
    await exec('predicthqTokens.filter', { text: 'places' }); // matches scope ids too
    assert.ok((await tokenNodes(sessionId)).every((n) => n.token.scopes.includes('places')));
    await exec('predicthqTokens.clearFilter');
    assert.equal((await tokenNodes(sessionId)).length, before);
  });

  test('sort by newest first, then back to name', async () => {
    const sessionId = await signedIn();
    await exec('predicthqTokens.sortBy', { order: 'created' });
    const byDate = (await tokenNodes(sessionId)).map((n) => n.token.createdAt);
    assert.deepEqual(byDate, [...byDate].sort().reverse());
    await exec('predicthqTokens.sortBy', { order: 'name' });
    const first = (await tokenNodes(sessionId))[0];
    assert.ok(first);
  });

  test('a long list is shown a page at a time', async () => {
    const sessionId = await signedIn();
    const a = await api();
    await setting('tree.pageSize', 10);
    try {
      const account = a.testing.treeChildren().find((n) => n.sessionId === sessionId)!;
      const total = a.testing.accounts().find((x) => x.sessionId === sessionId)!.tokenCount!;
      const children = a.testing.treeChildren(account);
      if (total > 10) {
        const more = children.at(-1)!;
        assert.equal(more.kind, 'more');
        await exec('predicthqTokens.showMore', more);
        assert.ok(a.testing.treeChildren(account).filter((n) => n.kind === 'token').length > 10);
      } else assert.equal(children.filter((n) => n.kind === 'token').length, total);
    } finally {
      await setting('tree.pageSize', undefined);
    }
  });

  test('a second account signs in beside the first and signs out alone', async function () {
    if (!env.credential2) this.skip();
    await signedIn();
    const a = await api();
    // VS Code itself sees the provider's sessions change (this is what updates the Accounts menu).
    const changed = new Promise<string>((resolve) => {
      const sub = vscode.authentication.onDidChangeSessions((e) => {
        sub.dispose();
        resolve(e.provider.id);
      });
    });
    const id2 = await exec<string>('predicthqTokens.signIn', { baseUrl: env.emulatorUrl, credential: env.credential2 });
    assert.ok(id2);
    assert.equal(await changed, AUTH_PROVIDER_ID);
    await waitFor('two accounts', () => a.testing.treeChildren().length === 2);
    assert.deepEqual(
      a.testing
        .accounts()
        .map((x) => x.name)
        .sort(),
      ['Demo Org', 'Second Org'],
    );
    await exec('predicthqTokens.signOut', { sessionId: id2, storedValues: 'remove' });
    await waitFor('one account', () => a.testing.treeChildren().length === 1);
    assert.equal(a.testing.accounts()[0]?.name, 'Demo Org');
  });

  test('5,000 tokens: paged in the tree, filtered and sorted across all of them', async function () {
    if (!env.credentialBig) this.skip();
    const a = await api();
    const t0 = Date.now();
    const id = await exec<string>('predicthqTokens.signIn', {
      baseUrl: env.emulatorUrl,
      credential: env.credentialBig,
    });
    assert.ok(id, JSON.stringify(a.testing.lastError()));
    assert.equal(a.testing.accounts().find((x) => x.sessionId === id)?.tokenCount, 5000);
    console.log(`    signed in and listed 5,000 tokens in ${Date.now() - t0} ms`);
    try {
      const account = a.testing.treeChildren().find((n) => n.sessionId === id)!;
      const page = a.testing.treeChildren(account);
      assert.equal(page.filter((n) => n.kind === 'token').length, 200);
      const more = page.at(-1)!;
      assert.equal(more.kind, 'more');
      assert.match(String(a.testing.treeItem(more).label), /4800 more/);
      await exec('predicthqTokens.filter', { text: 'bulk token 04321' });
      const hit = a.testing.treeChildren(account);
      assert.deepEqual(
        hit.map((n) => (n.kind === 'token' ? n.token.name : n.kind)),
        ['Bulk token 04321'],
      );
      await exec('predicthqTokens.clearFilter');
      await exec('predicthqTokens.sortBy', { order: 'created' });
      const first = a.testing.treeChildren(account)[0];
      assert.equal(first?.kind === 'token' && first.token.name, 'Bulk token 05000');
    } finally {
      await exec('predicthqTokens.sortBy', { order: 'name' });
      await exec('predicthqTokens.signOut', { sessionId: id, storedValues: 'remove' });
    }
  });
});
