// The management API over real HTTP; every response is checked against the contract.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { randomUUID } from 'node:crypto';
import { SCOPE_IDS } from '../src/index';
import { call, json, useEmulator, type ErrorBody, type PageBody, type TokenBody } from './helpers';

suite('management API', () => {
  const emu = useEmulator();

  test('GET /v1/account/ returns the default account', async () => {
    const r = await call(emu(), '/v1/account/');
    assert.equal(r.status, 200);
    assert.equal(json(r).name, 'Demo Org');
  });

  test('GET /v1/tokens/scopes/ lists one scope per family with its path prefix', async () => {
    const r = await call(emu(), '/v1/tokens/scopes/');
    const body = json<{ count: number; results: { id: string; path_prefixes: string[] }[] }>(r);
    assert.equal(body.count, 11);
    assert.deepEqual(
      body.results.map((s) => s.id),
      [...SCOPE_IDS],
    );
    assert.deepEqual(body.results.find((s) => s.id === 'events')?.path_prefixes, ['/v1/events/']);
  });

  test('the seed has legacy names and partial scopes, none of the partial ones with events only', async () => {
    const { results } = json<PageBody>(await call(emu(), '/v1/tokens/'));
    assert.ok(results.length >= 8);
    assert.ok(results.some((t) => t.name === 'Analytics Pipeline | Nightly Export'));
    assert.ok(results.some((t) => t.scopes.length === 1 && t.scopes[0] === 'features'));
    assert.ok(results.some((t) => !t.scopes.includes('events')));
    assert.ok(
      results.every((t) => !('token' in t)),
      'a list never carries values',
    );
  });

  test('pagination: limit/offset with absolute next/previous, ordered by created_at then id', async () => {
    const first = json<PageBody>(await call(emu(), '/v1/tokens/?limit=3'));
    assert.equal(first.results.length, 3);
    assert.equal(first.previous, null);
    assert.equal(first.next, `${emu().url}/v1/tokens/?limit=3&offset=3`);
    const second = json<PageBody>(await call(emu(), new URL(first.next!).pathname + new URL(first.next!).search));
    assert.equal(second.previous, `${emu().url}/v1/tokens/?limit=3&offset=0`);
    const all = [...first.results, ...second.results];
    const sorted = [...all].sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id));
    assert.deepEqual(all, sorted);
    const last = json<PageBody>(await call(emu(), `/v1/tokens/?limit=500&offset=${first.count - 1}`));
    assert.equal(last.results.length, 1);
    assert.equal(last.next, null);
  });

  test('limit and offset out of bounds are 400 invalid_request naming the parameter', async () => {
    for (const [q, field] of [
      ['limit=0', 'limit'],
      ['limit=501', 'limit'],
      ['limit=abc', 'limit'],
      ['limit=1.5', 'limit'],
      ['offset=-1', 'offset'],
    ] as const) {
      const r = await call(emu(), `/v1/tokens/?${q}`);
      assert.equal(r.status, 400, q);
      assert.equal(json<ErrorBody>(r).code, 'invalid_request');
      assert.equal(json<ErrorBody>(r).field, field);
    }
    assert.equal((await call(emu(), '/v1/tokens/?limit=500')).status, 200);
  });

  test('create, get, rename, delete', async () => {
    const created = await call(emu(), '/v1/tokens/', {
      method: 'POST',
      body: { name: '  CI pipeline  ', scopes: ['events', 'places'] },
      headers: { 'idempotency-key': randomUUID() },
    });
    assert.equal(created.status, 201);
    const t = json<TokenBody>(created);
    assert.equal(t.name, 'CI pipeline', 'stored trimmed');
    assert.match(t.token!, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(created.headers.get('location'), `${emu().url}/v1/tokens/${t.id}/`);
    assert.equal(created.headers.get('idempotent-replayed'), null);

    const got = json<TokenBody>(await call(emu(), `/v1/tokens/${t.id}/`));
    assert.deepEqual(got, { id: t.id, name: t.name, scopes: t.scopes, created_at: t.created_at, last_used_at: null });

    const renamed = await call(emu(), `/v1/tokens/${t.id}/`, { method: 'PATCH', body: { name: 'Build | Deploy' } });
    assert.equal(renamed.status, 200);
    assert.equal(json<TokenBody>(renamed).name, 'Build | Deploy');

    assert.equal((await call(emu(), `/v1/tokens/${t.id}/`, { method: 'DELETE' })).status, 204);
    assert.equal((await call(emu(), `/v1/tokens/${t.id}/`)).status, 404);
    assert.equal((await call(emu(), `/v1/tokens/${t.id}/`, { method: 'DELETE' })).status, 404);
  });

  test('create without scopes grants every scope', async () => {
    const r = await call(emu(), '/v1/tokens/', { method: 'POST', body: { name: 'All' } });
    assert.deepEqual(json<TokenBody>(r).scopes, [...SCOPE_IDS]);
  });

  test('422 validation_error names the field', async () => {
    const cases: [unknown, string][] = [
      [{}, 'name'],
      [{ name: 42 }, 'name'],
      [{ name: '   ' }, 'name'],
      [{ name: 'x'.repeat(101) }, 'name'],
      [{ name: 'tab\there' }, 'name'],
      [{ name: 'a | b | c' }, 'name'],
      [{ name: 'Client |' }, 'name'],
      [{ name: 'ok', scopes: [] }, 'scopes'],
      [{ name: 'ok', scopes: 'events' }, 'scopes'],
      [{ name: 'ok', scopes: ['events', 'nope'] }, 'scopes'],
      [{ name: 'ok', scopes: ['events', 'events'] }, 'scopes'],
      [{ name: 'ok', colour: 'red' }, 'colour'],
    ];
    for (const [body, field] of cases) {
      const r = await call(emu(), '/v1/tokens/', { method: 'POST', body });
      assert.equal(r.status, 422, JSON.stringify(body));
      assert.equal(json<ErrorBody>(r).field, field, JSON.stringify(body));
    }
    assert.equal((await call(emu(), '/v1/tokens/', { method: 'POST', body: { name: 'x'.repeat(100) } })).status, 201);
  });

  test('PATCH validates the name and refuses scope changes', async () => {
    const { results } = json<PageBody>(await call(emu(), '/v1/tokens/?limit=1'));
    const id = results[0]!.id;
    const bad = await call(emu(), `/v1/tokens/${id}/`, { method: 'PATCH', body: { name: '' } });
    assert.equal(json<ErrorBody>(bad).field, 'name');
    const scopes = await call(emu(), `/v1/tokens/${id}/`, { method: 'PATCH', body: { name: 'x', scopes: ['events'] } });
    assert.equal(scopes.status, 422);
    assert.equal(json<ErrorBody>(scopes).field, 'scopes');
  });

  test('400 for a body that is not a JSON object, not JSON, or not sent as JSON', async () => {
    for (const body of ['[1,2]', '"name"', '{"name": ']) {
      const r = await call(emu(), '/v1/tokens/', { method: 'POST', body });
      assert.equal(r.status, 400, body);
      assert.equal(json<ErrorBody>(r).code, 'invalid_request');
    }
    const text = await call(emu(), '/v1/tokens/', {
      method: 'POST',
      body: '{"name":"x"}',
      headers: { 'content-type': 'text/plain' },
    });
    assert.equal(text.status, 400);
  });

  test('401 for a missing, malformed, unknown or wrong-kind credential; the value is never echoed', async () => {
    const created = json<TokenBody>(await call(emu(), '/v1/tokens/', { method: 'POST', body: { name: 'value' } }));
    for (const auth of [null, 'phqm_unknown', created.token!]) {
      const r = await call(emu(), '/v1/tokens/', { auth });
      assert.equal(r.status, 401);
      assert.equal(json<ErrorBody>(r).code, 'unauthorized');
      assert.ok(!JSON.stringify(r.body).includes(created.token!));
    }
    const basic = await call(emu(), '/v1/account/', { auth: null, headers: { authorization: 'Basic abc' } });
    assert.equal(basic.status, 401);
  });

  test('accounts are isolated: another account sees 404 for my token', async () => {
    const other = emu().state.createAccount('Other Org');
    const mine = json<TokenBody>(await call(emu(), '/v1/tokens/', { method: 'POST', body: { name: 'mine' } }));
    assert.equal((await call(emu(), `/v1/tokens/${mine.id}/`, { auth: other.credential })).status, 404);
    assert.equal(json<PageBody>(await call(emu(), '/v1/tokens/', { auth: other.credential })).count, 0);
    assert.equal(json(await call(emu(), '/v1/account/', { auth: other.credential })).name, 'Other Org');
  });

  test('404 for unknown paths, a missing trailing slash and a malformed id', async () => {
    const noSlash = await call(emu(), '/v1/tokens/scopes', {});
    assert.equal(noSlash.status, 404);
    assert.match(json<ErrorBody>(noSlash).message, /slash/);
    assert.equal((await call(emu(), '/v1/tokens/not-an-id/')).status, 404);
  });

  test('errors fastify and Node answer themselves follow the contract too (no echo of the path)', async () => {
    // A path parameter longer than fastify's maxParamLength (its own 414 echoed the path).
    const long = await call(emu(), `/v1/tokens/tok_${'a'.repeat(300)}/`);
    assert.equal(long.status, 404);
    assert.equal(json<ErrorBody>(long).code, 'not_found');
    assert.match(long.headers.get('request-id') ?? '', /^req_/);
    assert.ok(!JSON.stringify(long.body).includes('aaaa'), 'the path is echoed');
    // A URL that does not decode.
    const bad = await call(emu(), '/v1/tokens/%E0%A4%A/');
    assert.equal(bad.status, 404);
    assert.match(bad.headers.get('request-id') ?? '', /^req_/);
    // A request line over Node's 16 KiB header limit never reaches fastify's router.
    const huge = await call(emu(), `/v1/tokens/?limit=${'9'.repeat(20_000)}`);
    assert.equal(huge.status, 400);
    assert.equal(json<ErrorBody>(huge).code, 'invalid_request');
    assert.match(huge.headers.get('request-id') ?? '', /^req_/);
    // Bytes that are not HTTP at all: answered by Node's parser, before fastify.
    const raw = await new Promise<string>((resolve, reject) => {
      const s = connect(Number(new URL(emu().url).port), '127.0.0.1', () => s.write('GARBAGE\r\n\r\n'));
      let got = '';
      s.on('data', (d: Buffer) => (got += d.toString()));
      s.on('close', () => resolve(got));
      s.on('error', reject);
    });
    assert.match(raw, /^HTTP\/1\.1 400 /);
    const body = JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)) as ErrorBody;
    assert.equal(body.code, 'invalid_request');
    assert.match(body.request_id, /^req_/);
  });

  test('Idempotency-Key: same body replays the same token, different body is 409', async () => {
    const key = randomUUID();
    const body = { name: 'Nightly', scopes: ['features', 'events'] };
    const headers = { 'idempotency-key': key };
    const first = await call(emu(), '/v1/tokens/', { method: 'POST', body, headers });
    const before = emu().state.tokenCount(emu().credential);
    const again = await call(emu(), '/v1/tokens/', {
      method: 'POST',
      body: { name: ' Nightly ', scopes: ['events', 'features'] },
      headers,
    });
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(again.body, first.body, 'same id, same value');
    assert.equal(emu().state.tokenCount(emu().credential), before);

    const conflict = await call(emu(), '/v1/tokens/', { method: 'POST', body: { name: 'Other' }, headers });
    assert.equal(conflict.status, 409);
    assert.equal(json<ErrorBody>(conflict).code, 'conflict');
    assert.equal(emu().state.tokenCount(emu().credential), before);

    const otherAccount = emu().state.createAccount('Second');
    const sameKeyElsewhere = await call(emu(), '/v1/tokens/', {
      method: 'POST',
      body,
      headers,
      auth: otherAccount.credential,
    });
    assert.notEqual(json<TokenBody>(sameKeyElsewhere).id, json<TokenBody>(first).id, 'keys are per account');
  });

  test('a replay returns the original response even after the token was deleted', async () => {
    const headers = { 'idempotency-key': randomUUID() };
    const first = json<TokenBody>(
      await call(emu(), '/v1/tokens/', { method: 'POST', body: { name: 'Gone' }, headers }),
    );
    await call(emu(), `/v1/tokens/${first.id}/`, { method: 'DELETE' });
    const replay = await call(emu(), '/v1/tokens/', { method: 'POST', body: { name: 'Gone' }, headers });
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.equal(json<TokenBody>(replay).id, first.id);
    assert.equal((await call(emu(), `/v1/tokens/${first.id}/`)).status, 404, 'the replay does not resurrect it');
  });

  test('a failed create is not remembered: the same key can be retried', async () => {
    const headers = { 'idempotency-key': randomUUID() };
    assert.equal((await call(emu(), '/v1/tokens/', { method: 'POST', body: { name: '' }, headers })).status, 422);
    assert.equal((await call(emu(), '/v1/tokens/', { method: 'POST', body: { name: 'ok' }, headers })).status, 201);
  });

  test('a bad Idempotency-Key is 400 naming the header', async () => {
    const r = await call(emu(), '/v1/tokens/', {
      method: 'POST',
      body: { name: 'x' },
      headers: { 'idempotency-key': 'k'.repeat(256) },
    });
    assert.equal(r.status, 400);
    assert.equal(json<ErrorBody>(r).field, 'Idempotency-Key');
  });

  test('pagination walks 10,000 bulk-seeded tokens without gaps or repeats', async () => {
    const { credential } = emu().state.createAccount('Big Org');
    emu().state.addTokens(credential, 10_000);
    assert.equal(emu().state.tokenCount(credential), 10_000);
    const seen = new Set<string>();
    let path: string | null = '/v1/tokens/?limit=500';
    let pages = 0;
    while (path) {
      const page: PageBody = json<PageBody>(await call(emu(), path, { auth: credential }));
      assert.equal(page.count, 10_000);
      for (const t of page.results) seen.add(t.id);
      path = page.next ? page.next.slice(emu().url.length) : null;
      pages++;
    }
    assert.equal(pages, 20);
    assert.equal(seen.size, 10_000);
  });
});
