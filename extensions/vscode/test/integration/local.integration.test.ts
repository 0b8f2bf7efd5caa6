// "Tokens on this machine": what a PredictHQ customer with only api.predicthq.com and tokens
// made in the WebApp can do. Against the public-only emulator (no management endpoints):
// add (verify + probe scopes), refuse bad input and revoked values, create via the WebApp
// (openExternal recorded), rename, revoked after a 401, completion inserts the value, forget.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, completionsAfter, env, exec, seenValues, setting, shownDoc, tokenItem, waitFor } from './helpers';

const token = (name: string) => {
  const t = env.publicTokens.find((x) => x.name === name);
  assert.ok(t, `seeded token ${name}`);
  seenValues.add(t.value);
  return t;
};

async function publicFault(spec: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${env.publicUrl}/_emulator/faults/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(spec),
  });
  assert.equal(res.status, 201);
}

async function clearFaults(): Promise<void> {
  await fetch(`${env.publicUrl}/_emulator/faults/`, { method: 'DELETE' });
}

/** The local account's token nodes, by name. */
async function localTokens(): Promise<Map<string, { id: string; scopes: string[] }>> {
  const a = await api();
  const account = a.testing.treeChildren().find((n) => a.testing.treeItem(n).label === 'Tokens on this machine');
  const out = new Map<string, { id: string; scopes: string[] }>();
  if (!account) return out;
  for (const n of a.testing.treeChildren(account))
    if (n.kind === 'token') out.set(n.token.name, { id: n.token.id, scopes: n.token.scopes });
  return out;
}

suite('tokens on this machine (public API only)', function () {
  suiteSetup(async function () {
    if (!env.publicUrl || env.publicTokens.length === 0) this.skip();
    // As a new user: the default API URL is PredictHQ's; here the public-only emulator stands in.
    await setting('apiUrl', env.publicUrl);
    await api();
  });
  suiteTeardown(async () => {
    await clearFaults();
    await setting('apiUrl', undefined);
  });
  teardown(async () => {
    await clearFaults();
    (await api()).testing.clearLastError();
  });

  test('add: verified, scopes probed, stored whole; the name box is the real quick input', async () => {
    const a = await api();
    const t = token('Events Script');
    let done = false;
    const run = exec<string>('predicthqTokens.addToken', {
      value: `  "${t.value}"\n`,
      suggestedName: 'Events Script',
    }).then((id) => {
      done = true;
      return id;
    });
    await waitFor('the add command to finish', async () => {
      if (!done) await exec('workbench.action.acceptSelectedQuickOpenItem'); // accept the suggested name
      return done;
    });
    const id = await run;
    assert.ok(id, JSON.stringify(a.testing.lastError()));
    const tokens = await waitFor('the token in the tree', async () => (await localTokens()).get('Events Script'));
    assert.equal(tokens.id, id);
    assert.deepEqual(tokens.scopes, ['events']);
    assert.ok(a.testing.isStored(id), 'value in SecretStorage');
    const local = a.testing.localToken(id)!;
    assert.equal(local.probe.families.length, 11);
    assert.ok(!Number.isNaN(Date.parse(local.probe.checkedAt)));
    assert.equal(local.revokedAt, undefined);
    assert.ok(!JSON.stringify(local).includes(t.value), 'metadata never holds the value');
  });

  test('the same value twice is not added twice: the existing entry is named', async () => {
    const before = (await localTokens()).size;
    const id = await exec<string>('predicthqTokens.addToken', { value: token('Events Script').value, name: 'Again' });
    assert.equal(id, (await localTokens()).get('Events Script')?.id);
    assert.equal((await localTokens()).size, before);
  });

  test('a revoked value (401) is refused and nothing is stored', async () => {
    const a = await api();
    const before = (await localTokens()).size;
    const json = a.testing.globalStateJson();
    assert.equal(await exec('predicthqTokens.addToken', { value: token('Old Laptop').value, name: 'Old' }), undefined);
    assert.match(a.testing.lastError()?.message ?? '', /rejected this token \(401\).*Nothing was stored/);
    assert.equal((await localTokens()).size, before);
    assert.equal(a.testing.globalStateJson(), json, 'no metadata written');
  });

  test('bad input is refused with a clear message that never repeats it', async () => {
    const a = await api();
    const before = (await localTokens()).size;
    const cases: [string, RegExp][] = [
      ['   ', /empty/],
      ['abc\ndef', /several lines/],
      ['x'.repeat(10 * 1024), /too long/],
      [`phqm_${'A'.repeat(43)}`, /management credential/],
      ['two words', /spaces/],
    ];
    for (const [value, why] of cases) {
      a.testing.clearLastError();
      assert.equal(await exec('predicthqTokens.addToken', { value, name: 'Bad' }), undefined);
      const msg = a.testing.lastError()?.message ?? '';
      assert.match(msg, why);
      assert.ok(!msg.includes(value.trim().slice(0, 8)) || value.trim() === '', 'message does not echo the input');
    }
    assert.equal((await localTokens()).size, before);
  });

  test('cancel at the paste box or at the name box: nothing stored, nothing reported', async () => {
    const a = await api();
    const before = (await localTokens()).size;
    const json = a.testing.globalStateJson();
    for (const arg of [undefined, { value: token('Production').value }]) {
      let done = false;
      const run = exec('predicthqTokens.addToken', arg).then((r) => {
        done = true;
        return r;
      });
      await waitFor('the command to end', async () => {
        if (!done) await exec('workbench.action.closeQuickOpen');
        return done;
      });
      assert.equal(await run, undefined);
      assert.equal(a.testing.lastError(), undefined, 'cancelling is not an error');
    }
    assert.equal((await localTokens()).size, before);
    assert.equal(a.testing.globalStateJson(), json);
  });

  test('402: stored with a warning, and marked subscription expired', async () => {
    const a = await api();
    const id = await exec<string>('predicthqTokens.addToken', {
      value: token('Lapsed Trial').value,
      name: 'Lapsed Trial',
    });
    assert.ok(id, JSON.stringify(a.testing.lastError()));
    assert.equal(a.testing.localToken(id)?.probe.subscriptionExpired, true);
  });

  test('the API failing during the probe: undecided scopes are "unknown", then "Check Scopes Again" settles them', async () => {
    const a = await api();
    await publicFault({ route: 'GET /v1/broadcasts/', kind: 'status', status: 503 });
    await setting('network.retries', 0);
    try {
      const id = await exec<string>('predicthqTokens.addToken', {
        value: token('Production').value,
        name: 'Production',
      });
      assert.ok(id, JSON.stringify(a.testing.lastError()));
      const local = a.testing.localToken(id)!;
      assert.equal(local.probe.families.find((f) => f.scope === 'broadcasts')?.state, 'unknown');
      await clearFaults();
      const scopes = await exec<string[]>('predicthqTokens.checkScopes', { tokenId: id });
      assert.equal(scopes?.length, 11);
      assert.equal(
        a.testing.localToken(id)?.probe.families.every((f) => f.state === 'granted'),
        true,
      );
    } finally {
      await setting('network.retries', undefined);
    }
  });

  test('create: opens the WebApp API Tokens page and stores the pasted value', async () => {
    const a = await api();
    const rec = a.testing.recordOpenExternal();
    try {
      const sessionId = a.testing.accounts().find((x) => x.name === 'Tokens on this machine')!.sessionId;
      const t = token('Demand Forecasting | Model Training');
      const id = await exec<string>('predicthqTokens.createToken', {
        sessionId,
        value: t.value,
        name: t.name,
        then: 'none',
      });
      assert.ok(id, JSON.stringify(a.testing.lastError()));
      assert.deepEqual(rec.urls, ['https://control.predicthq.com/tokens']);
      assert.deepEqual((await localTokens()).get(t.name)?.scopes, ['features', 'places', 'forecasts']);
    } finally {
      rec.restore();
    }
  });

  test('rename changes the name on this machine only', async () => {
    const a = await api();
    const id = (await localTokens()).get('Events Script')!.id;
    assert.equal(
      await exec('predicthqTokens.renameToken', { tokenId: id, name: 'Notebook | Events' }),
      'Notebook | Events',
    );
    assert.ok((await localTokens()).has('Notebook | Events'));
    const node = a.testing
      .treeChildren(a.testing.treeChildren().find((n) => a.testing.treeItem(n).label === 'Tokens on this machine'))
      .find((n) => n.kind === 'token' && n.token.id === id)!;
    assert.equal(a.testing.treeItem(node).label, 'Events');
  });

  test('a completion inserts a token on this machine; no value reaches the language server', async () => {
    const a = await api();
    const id = (await localTokens()).get('Notebook | Events')!.id;
    await a.testing.syncLanguageServer();
    const doc = await shownDoc();
    const list = await completionsAfter(
      doc,
      '$API_TOKEN',
      'a completion for the local token',
      (l) => !!tokenItem(l, id),
    );
    const item = tokenItem(list, id)!;
    await exec(item.command!.command, ...(item.command!.arguments ?? []));
    const value = token('Events Script').value;
    await waitFor('value inserted', () => doc.getText().includes(value));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('verify answering 401 marks the token revoked: icon, status bar, no longer offered', async () => {
    const a = await api();
    const id = (await localTokens()).get('Notebook | Events')!.id;
    await publicFault({ route: 'GET /v1/events/', kind: 'status', status: 401, times: 1 });
    const r = await exec<{ status: string }>('predicthqTokens.verifyToken', { tokenId: id });
    assert.equal(r?.status, 'invalid');
    assert.ok(a.testing.localToken(id)?.revokedAt);
    assert.match(a.testing.statusBarText(), /1 revoked/);
    await a.testing.syncLanguageServer();
    const doc = await shownDoc();
    const list = await completionsAfter(doc, '$API_TOKEN', 'completions', (l) => l.items.length > 0);
    assert.ok(
      list.items.some((i) => i.command?.command === 'phq.insertToken'),
      'other tokens are offered',
    );
    assert.ok(
      !list.items.some((i) => JSON.stringify(i.command?.arguments ?? []).includes(id)),
      'the revoked one is not',
    );
    // A working answer clears the mark.
    await exec('predicthqTokens.verifyToken', { tokenId: id });
    assert.equal(a.testing.localToken(id)?.revokedAt, undefined);
  });

  test('forget removes the value and the entry; it does not call the API', async () => {
    const a = await api();
    const id = (await localTokens()).get('Lapsed Trial')!.id;
    assert.equal(await exec('predicthqTokens.forgetToken', { tokenId: id, confirm: true }), true);
    assert.equal((await localTokens()).has('Lapsed Trial'), false);
    assert.equal(a.testing.isStored(id), false);
    const still = await fetch(`${env.publicUrl}/v1/places?q=a&limit=1`, {
      headers: { authorization: `Bearer ${token('Lapsed Trial').value}` },
    });
    assert.equal(still.status, 200, 'forgetting does not revoke');
  });

  test('rotate a token on this machine, cancelled at the paste box: nothing stored, written or marked', async () => {
    const a = await api();
    const old = (await localTokens()).get('Production');
    assert.ok(old, 'Production was added earlier');
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    const envFile = vscode.Uri.joinPath(folder, 'local-rotate-cancel', '.env');
    const text = `PHQ_API_TOKEN=${token('Production').value}\n`;
    await vscode.workspace.fs.writeFile(envFile, Buffer.from(text));
    const before = (await localTokens()).size;
    const rec = a.testing.recordOpenExternal();
    a.testing.clearLastError();
    try {
      let done = false;
      const run = exec('predicthqTokens.rotateToken', { tokenId: old.id, name: 'Production 2', confirm: true }).then(
        (r) => {
          done = true;
          return r;
        },
      );
      await waitFor('the command to end', async () => {
        if (!done) await exec('workbench.action.closeQuickOpen');
        return done;
      });
      assert.equal(await run, undefined);
      assert.equal(a.testing.lastError(), undefined, 'cancelling is not an error');
      assert.deepEqual(rec.urls, ['https://control.predicthq.com/tokens'], 'the WebApp was opened to make one');
      assert.equal((await localTokens()).size, before);
      assert.equal(Buffer.from(await vscode.workspace.fs.readFile(envFile)).toString('utf8'), text);
      assert.equal(a.testing.localToken(old.id)?.toRevokeSince, undefined, 'not marked to revoke');
    } finally {
      rec.restore();
    }
  });

  test('rotate a token on this machine: the WebApp makes the new one, files get it, the old one is marked to revoke', async () => {
    const a = await api();
    const old = (await localTokens()).get('Production');
    assert.ok(old, 'Production was added earlier');
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    const envFile = vscode.Uri.joinPath(folder, 'local-rotate', '.env');
    await vscode.workspace.fs.writeFile(envFile, Buffer.from(`PHQ_API_TOKEN=${token('Production').value}\n`));
    const rec = a.testing.recordOpenExternal();
    try {
      const next = token('Lapsed Trial'); // forgotten above: "made in the WebApp" again
      const report = await exec<{ newTokenId: string; revoked: string }>('predicthqTokens.rotateToken', {
        tokenId: old.id,
        name: 'Production 2',
        confirm: true,
        value: next.value,
      });
      assert.ok(report, JSON.stringify(a.testing.lastError()));
      assert.equal(report.revoked, 'to-revoke-in-webapp');
      assert.deepEqual(rec.urls, ['https://control.predicthq.com/tokens', 'https://control.predicthq.com/tokens']);
      const text = Buffer.from(await vscode.workspace.fs.readFile(envFile)).toString('utf8');
      assert.equal(text, `PHQ_API_TOKEN=${next.value}\n`);
      assert.ok(a.testing.localToken(old.id)?.toRevokeSince, 'the old token is marked to revoke');
    } finally {
      rec.restore();
    }
  });
});
