// Add an API Token when the network is down or the API URL leads to something that is not
// PredictHQ: it fails at once naming the host (no minute of probing), a server answering 404
// to everything does not make a token "valid", and Retry keeps what was pasted and typed
// (in memory only). Every server is on 127.0.0.1: a closed port, the public-only emulator.
import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import { fingerprint } from '@phq-tokens/detect/fingerprint';
import { api, env, exec, seenValues, setting, waitFor } from './helpers';

async function closedPort(): Promise<string> {
  const s = net.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${(s.address() as net.AddressInfo).port}`;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return host;
}

const value = (name: string): string => {
  const t = env.publicTokens.find((x) => x.name === name);
  assert.ok(t, `seeded token ${name}`);
  seenValues.add(t.value);
  return t.value;
};

/** Forgets any token on this machine holding `v`, so that adding it is not refused as a duplicate. */
async function forgetValue(v: string): Promise<void> {
  const a = await api();
  const fp = fingerprint(v);
  for (const account of a.testing.treeChildren())
    for (const n of a.testing.treeChildren(account))
      if (n.kind === 'token' && a.testing.localToken(n.token.id)?.fingerprint === fp)
        await exec('predicthqTokens.forgetToken', { tokenId: n.token.id, confirm: true });
}

suite('Add an API Token on a broken network or a server that is not PredictHQ', function () {
  suiteSetup(async function () {
    if (!env.publicUrl || env.publicTokens.length === 0) this.skip();
    await api();
  });
  teardown(async () => {
    await setting('apiUrl', undefined);
    await exec('workbench.action.closeQuickOpen');
    (await api()).testing.clearLastError();
  });

  test('connection refused: fails at the first request naming the host; Retry keeps the value and the name', async () => {
    const a = await api();
    const host = await closedPort();
    await setting('apiUrl', `http://${host}`);
    const v = value('Demand Forecasting | Model Training');
    await forgetValue(v);
    const started = Date.now();
    const run = exec('predicthqTokens.addToken');
    // As a user does: paste into the password box, Enter; type a name, Enter.
    await waitFor('the paste box', () => a.testing.inputBox()?.password);
    assert.ok(a.testing.typeIntoInputBox(v));
    await exec('workbench.action.acceptSelectedQuickOpenItem');
    await waitFor('the name box', () => a.testing.inputBox()?.password === false);
    assert.ok(a.testing.typeIntoInputBox('Model Training Laptop'));
    await exec('workbench.action.acceptSelectedQuickOpenItem');
    assert.equal(await run, undefined);
    const seconds = (Date.now() - started) / 1000;
    console.log(`      (add with the API URL refusing connections failed after ${seconds.toFixed(1)} s)`);
    const err = a.testing.lastError();
    assert.equal(
      err?.message,
      `Could not add the token: the PredictHQ API at ${host} could not be reached (connection refused).`,
    );
    assert.deepEqual(err?.actions, ['Retry', 'Show Logs']);
    assert.ok(!a.testing.globalStateJson().includes(v), 'what was pasted is not written anywhere');

    // The network is back (here: the API URL answers); Retry starts from what was given.
    await setting('apiUrl', env.publicUrl);
    const retried = a.testing.retryLastError();
    const paste = await waitFor('the paste box again', () => a.testing.inputBox());
    assert.equal(paste.password, true);
    assert.equal(paste.hasValue, true, 'the pasted value is kept');
    await exec('workbench.action.acceptSelectedQuickOpenItem');
    const nameBox = await waitFor('the name box again', () =>
      a.testing.inputBox()?.password === false ? a.testing.inputBox() : undefined,
    );
    assert.equal(nameBox.value, 'Model Training Laptop', 'the name is kept');
    await exec('workbench.action.acceptSelectedQuickOpenItem');
    const id = await retried;
    assert.ok(id, JSON.stringify(a.testing.lastError()));
    const local = a.testing.localToken(String(id));
    assert.equal(local?.name, 'Model Training Laptop');
    assert.deepEqual(
      local?.probe.families.filter((f) => f.state === 'granted').map((f) => f.scope),
      ['features', 'places', 'forecasts'],
      'the kept value is the one pasted',
    );
    await exec('predicthqTokens.forgetToken', { tokenId: id, confirm: true });
  });

  test("a server that accepts and never answers: the probe's one deadline ends the add, naming the host", async () => {
    const a = await api();
    const sockets = new Set<net.Socket>();
    const hole = net.createServer((c) => sockets.add(c.on('error', () => undefined)));
    await new Promise<void>((resolve) => hole.listen(0, '127.0.0.1', resolve));
    const host = `127.0.0.1:${(hole.address() as net.AddressInfo).port}`;
    try {
      await setting('apiUrl', `http://${host}`);
      const started = Date.now();
      // Default settings: the probe's deadline (8 s), not 11 families times retries.
      const id = await exec('predicthqTokens.addToken', { value: 'Zz9'.repeat(14) + 'Z', name: 'Black Hole' });
      console.log(
        `      (add against a server that never answers failed after ${((Date.now() - started) / 1000).toFixed(1)} s)`,
      );
      assert.equal(id, undefined);
      assert.equal(
        a.testing.lastError()?.message,
        `Could not add the token: the PredictHQ API at ${host} could not be reached (timed out).`,
      );
    } finally {
      for (const c of sockets) c.destroy();
      await new Promise<void>((resolve) => hole.close(() => resolve()));
    }
  });

  test('404 from everything (a wrong API URL): refused, nothing stored, not "valid"', async () => {
    const a = await api();
    await setting('apiUrl', `${env.publicUrl}/api`);
    const json = a.testing.globalStateJson();
    // Any value: behind a wrong URL every family answers 404 (this one is fake, so stored nowhere yet).
    const id = await exec('predicthqTokens.addToken', { value: 'Zz9'.repeat(14) + 'Z', name: 'Wrong URL' });
    assert.equal(id, undefined, 'nothing added');
    assert.match(
      a.testing.lastError()?.message ?? '',
      /no API family at .* accepted this token.*404 from every family/,
    );
    assert.equal(a.testing.globalStateJson(), json, 'nothing stored');
  });
});
