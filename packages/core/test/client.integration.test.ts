// Every operation of the contract through TokenApiClient against the real emulator.
import { API_FAMILIES } from '@phq-tokens/families';
import assert from 'node:assert/strict';
import { PhqError, parseTokenName, TOKEN_ID } from '../src';
import { Harness, caught } from './helpers';

const VALUE = /^[A-Za-z0-9_-]{43}$/;

suite('TokenApiClient endpoints (integration)', () => {
  const h = new Harness();
  suiteSetup(() => h.start());
  suiteTeardown(() => h.stop());

  test('account returns the account of the credential', async () => {
    const cred = h.emu.state.createAccount('Acme Events', 'ops@acme.example').credential;
    assert.deepEqual(
      { ...(await h.client(cred).account()), id: 'x' },
      { id: 'x', name: 'Acme Events', email: 'ops@acme.example' },
    );
  });

  test('scopes returns the catalog with camelCase path prefixes', async () => {
    const scopes = await h.client(h.account()).scopes();
    // The one list of families (packages/families) is the catalog, in its order.
    assert.deepEqual(
      scopes.map((s) => s.id),
      API_FAMILIES.map((f) => f.id),
    );
    assert.deepEqual(scopes[0]!.pathPrefixes, ['/v1/events/']);
    assert.ok(scopes.every((s) => s.label && s.description));
  });

  test('create without scopes grants all; the value is 43 base64url chars; get never shows it', async () => {
    const c = h.client(h.account());
    const created = await c.create('  CI deploy  ');
    assert.match(created.id, TOKEN_ID);
    assert.match(created.value, VALUE);
    assert.equal(created.name, 'CI deploy');
    assert.equal(created.scopes.length, 11);
    assert.equal(created.replayed, false);
    assert.equal(created.lastUsedAt, null);
    const got = await c.get(created.id);
    assert.deepEqual(got, {
      id: created.id,
      name: 'CI deploy',
      scopes: created.scopes,
      createdAt: created.createdAt,
      lastUsedAt: null,
    });
    assert.ok(!JSON.stringify(got).includes(created.value));
  });

  test('create with scopes checks them against the cached catalog before any request', async () => {
    const c = h.client(h.account());
    await c.scopes();
    const created = await c.create('Features only', { scopes: ['features', 'events', 'features'] });
    assert.deepEqual(created.scopes, ['events', 'features']);
    const err = await caught(() => c.create('Bad scope', { scopes: ['evnts'] }));
    assert.ok(
      err instanceof PhqError && err.kind === 'validation' && err.field === 'scopes' && err.status === undefined,
    );
  });

  test('without a cached catalog an unknown scope is the server 422 with field "scopes"', async () => {
    const err = await caught(() => h.client(h.account()).create('x', { scopes: ['evnts'] }));
    assert.ok(err instanceof PhqError);
    assert.equal(err.kind, 'validation');
    assert.equal(err.status, 422);
    assert.equal(err.field, 'scopes');
    assert.match(err.requestId ?? '', /^req_/);
  });

  test('the same idempotency key replays the same token; with another body it is a conflict', async () => {
    const cred = h.account();
    const c = h.client(cred);
    const key = 'key-' + Date.now();
    const first = await c.create('Replay me', { idempotencyKey: key });
    const again = await c.create('Replay me', { idempotencyKey: key });
    assert.equal(again.replayed, true);
    assert.equal(again.id, first.id);
    assert.equal(again.value, first.value);
    assert.equal(h.emu.state.tokenCount(cred), 1);
    const err = await caught(() => c.create('Something else', { idempotencyKey: key }));
    assert.ok(err instanceof PhqError && err.kind === 'conflict' && err.status === 409);
    assert.equal(h.emu.state.tokenCount(cred), 1);
  });

  test('every create sends its own fresh key', async () => {
    const cred = h.account();
    const c = h.client(cred);
    const a = await c.create('Same body');
    const b = await c.create('Same body');
    assert.notEqual(a.id, b.id);
    assert.equal(h.emu.state.tokenCount(cred), 2);
  });

  test('rename changes only the name; delete removes; a second delete is not-found', async () => {
    const c = h.client(h.account());
    const t = await c.create('Old name', { scopes: ['events'] });
    const renamed = await c.rename(t.id, ' New name ');
    assert.equal(renamed.name, 'New name');
    assert.deepEqual(renamed.scopes, ['events']);
    await c.delete(t.id);
    for (const call of [() => c.get(t.id), () => c.delete(t.id), () => c.rename(t.id, 'x')]) {
      const err = await caught(call);
      assert.ok(err instanceof PhqError && err.kind === 'not-found' && err.status === 404);
    }
  });

  test('listPage pages with limit/offset and counts', async () => {
    const cred = h.account();
    h.emu.state.addTokens(cred, 7);
    const c = h.client(cred);
    const p1 = await c.listPage({ limit: 3 });
    assert.equal(p1.count, 7);
    assert.equal(p1.results.length, 3);
    assert.equal(p1.previous, null);
    assert.ok(p1.next);
    const p3 = await c.listPage({ limit: 3, offset: 6 });
    assert.equal(p3.results.length, 1);
    assert.equal(p3.next, null);
    const def = await c.listPage();
    assert.equal(def.results.length, 7);
  });

  test('page size and offset are checked before any request', async () => {
    const c = h.client(h.account());
    for (const [opts, field] of [
      [{ limit: 0 }, 'limit'],
      [{ limit: 501 }, 'limit'],
      [{ offset: -1 }, 'offset'],
    ] as const) {
      const err = await caught(() => c.listPage(opts));
      assert.ok(
        err instanceof PhqError && err.kind === 'validation' && err.field === field && err.status === undefined,
      );
    }
  });

  test('legacy "Client | Token" names from the seed parse into client and token', async () => {
    const tokens = await h.client(h.emu.credential).listAll();
    const legacy = tokens.map((t) => parseTokenName(t.name)).filter((p) => p.client !== null);
    assert.ok(legacy.length >= 1, 'the seed has legacy names');
    assert.ok(legacy.some((p) => p.client === 'Analytics Pipeline' && p.token === 'Nightly Export'));
  });

  test('legacy names can be created and renamed to, and bad legacy forms are refused locally', async () => {
    const c = h.client(h.account());
    const t = await c.create('Data Team | Warehouse Sync');
    assert.deepEqual(parseTokenName(t.name), { client: 'Data Team', token: 'Warehouse Sync' });
    const r = await c.rename(t.id, 'Data Team | Warehouse Sync v2');
    assert.deepEqual(parseTokenName(r.name), { client: 'Data Team', token: 'Warehouse Sync v2' });
    const err = await caught(() => c.rename(t.id, 'a | b | c'));
    assert.ok(err instanceof PhqError && err.field === 'name' && err.status === undefined);
  });

  test('bad ids are refused before any request', async () => {
    const err = await caught(() => h.client(h.account()).get('../account'));
    assert.ok(err instanceof PhqError && err.kind === 'validation' && err.field === 'id');
  });
});
