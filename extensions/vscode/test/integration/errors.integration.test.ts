import * as assert from 'node:assert/strict';
import { api, emulator, env, exec, requireEmulator, setting, signedIn, storedToken } from './helpers';

suite('error paths (emulator fault injection)', function () {
  suiteSetup(async function () {
    requireEmulator(this);
    await signedIn();
    await setting('network.retries', 0); // see each failure at once instead of after backoff
  });
  setup(async () => (await api()).testing.clearLastError());
  teardown(() => emulator.clear());
  suiteTeardown(() => setting('network.retries', undefined));

  test('401 offers to sign in again', async () => {
    await emulator.inject({ route: 'GET /v1/tokens/', kind: 'status', status: 401 });
    await exec('predicthqTokens.refresh');
    const e = (await api()).testing.lastError();
    assert.ok(e, 'an error was reported');
    assert.match(e.message, /sign in again/i);
    assert.deepEqual(e.actions, ['Sign In', 'Show Logs']);
    const a = await api();
    assert.ok(a.testing.accounts()[0]?.error, 'the account shows the failure');
    // "Sign In" again (what the button runs, here with the credential given) reloads the account.
    await emulator.clear();
    await exec('predicthqTokens.signIn', { baseUrl: env.emulatorUrl, credential: env.credential });
    assert.equal(a.testing.accounts()[0]?.error, undefined);
  });

  test('403 names the missing scope', async () => {
    const sessionId = await signedIn();
    const node = await storedToken(sessionId, 'CI | Ext Host Test', ['events', 'places']);
    await emulator.inject({ route: 'PATCH /v1/tokens/{id}/', kind: 'status', status: 403 });
    await exec('predicthqTokens.renameToken', { tokenId: node.token.id, name: 'CI | Never' });
    const e = (await api()).testing.lastError();
    assert.ok(e);
    assert.match(e.message, /403|scope/);
    assert.ok(e.actions.includes('Show Logs'));
  });

  test('429 says it is rate limited and Retry works once the limit passes', async () => {
    const a = await api();
    await emulator.inject({ route: 'GET /v1/tokens/', kind: 'status', status: 429, retryAfter: 1, times: 1 });
    await exec('predicthqTokens.refresh');
    const e = a.testing.lastError();
    assert.ok(e);
    assert.match(e.message, /rate limit/i);
    assert.deepEqual(e.actions, ['Retry', 'Show Logs']);
    // The rule was used up: Retry (what the notification button runs) now succeeds.
    await a.testing.retryLastError();
    assert.equal(a.testing.accounts()[0]?.error, undefined);
  });

  test('network failure says the API could not be reached and offers Retry', async () => {
    await emulator.inject({ route: 'GET /v1/tokens/', kind: 'drop' });
    await exec('predicthqTokens.refresh');
    const e = (await api()).testing.lastError();
    assert.ok(e);
    assert.match(e.message, /could not be reached/);
    assert.deepEqual(e.actions, ['Retry', 'Show Logs']);
  });

  test('a failed create leaves no stored value and no token behind', async () => {
    const a = await api();
    await emulator.inject({ route: 'POST /v1/tokens/', kind: 'status', status: 500 });
    const before = (await emulator.tokenNames()).length;
    assert.equal(
      await exec('predicthqTokens.createToken', { name: 'Should Fail', scopes: ['events'], then: 'none' }),
      undefined,
    );
    assert.match(a.testing.lastError()?.message ?? '', /server error/);
    await emulator.clear();
    assert.equal((await emulator.tokenNames()).length, before);
  });

  test('a truncated 201: the create is replayed with the same key and the value is stored', async () => {
    const a = await api();
    await emulator.inject({ route: 'POST /v1/tokens/', kind: 'malformed', when: 'after', times: 1 });
    const id = await exec<string>('predicthqTokens.createToken', {
      name: 'Truncated Once',
      scopes: ['events'],
      then: 'none',
    });
    await emulator.clear();
    assert.match(id ?? '', /^tok_/, JSON.stringify(a.testing.lastError()));
    assert.equal(a.testing.isStored(id), true);
    assert.equal((await emulator.tokenNames()).filter((n) => n === 'Truncated Once').length, 1);
  });

  test('a create whose success stays unreadable names the token that may exist and offers no Retry', async () => {
    const a = await api();
    a.testing.clearLastError();
    await emulator.inject({ route: 'POST /v1/tokens/', kind: 'malformed', when: 'after', times: 2 });
    const id = await exec('predicthqTokens.createToken', { name: 'Maybe Orphan', scopes: ['events'], then: 'none' });
    await emulator.clear();
    assert.equal(id, undefined);
    const err = a.testing.lastError();
    assert.match(err?.message ?? '', /A token named "Maybe Orphan" may have been created anyway/);
    assert.match(err?.message ?? '', /refresh the API Tokens view/);
    assert.ok(!err?.actions.includes('Retry'), JSON.stringify(err?.actions));
    assert.ok((await emulator.tokenNames()).includes('Maybe Orphan'), 'the orphan the message is about');
  });

  test('Retry after a 500 that came once the token was made: the same Idempotency-Key, exactly one token', async () => {
    const a = await api();
    // The token is made, then every answer fails (the extension's own retries included).
    await emulator.inject({ route: 'POST /v1/tokens/', kind: 'status', status: 500, when: 'after' });
    const args = { name: 'Reply Lost', scopes: ['events'], then: 'none' };
    assert.equal(await exec('predicthqTokens.createToken', args), undefined);
    const err = a.testing.lastError();
    assert.match(err?.message ?? '', /server error \(500\)/);
    assert.ok(err?.actions.includes('Retry'), JSON.stringify(err?.actions));
    await emulator.clear();
    const id = await a.testing.retryLastError();
    assert.match(String(id), /^tok_/, JSON.stringify(a.testing.lastError()));
    assert.equal(a.testing.isStored(String(id)), true, 'the replayed value is stored');
    assert.deepEqual(
      (await emulator.tokenNames()).filter((n) => n === 'Reply Lost'),
      ['Reply Lost'],
      'one token, not a second one nobody has the value of',
    );
  });
});
