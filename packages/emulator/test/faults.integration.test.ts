// Fault injection, programmatic and over /_emulator/faults/, and what a client then sees.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { call, json, useEmulator, type ErrorBody, type PageBody, type TokenBody } from './helpers';

/** A raw fetch without contract checks: faults deliberately break the contract's transport. */
async function raw(url: string, init: RequestInit = {}) {
  const res = await fetch(url, init);
  return { status: res.status, headers: res.headers, text: await res.text() };
}

suite('fault injection', () => {
  const emu = useEmulator();
  const auth = () => ({ authorization: `Bearer ${emu().credential}` });

  test('status 429 carries Retry-After (default 1, or as given) and the error body', async () => {
    emu().faults.inject({ route: 'GET /v1/tokens/', kind: 'status', status: 429, times: 1 });
    const r = await call(emu(), '/v1/tokens/');
    assert.equal(r.status, 429);
    assert.equal(r.headers.get('retry-after'), '1');
    assert.equal(json<ErrorBody>(r).code, 'rate_limited');
    assert.equal((await call(emu(), '/v1/tokens/')).status, 200, 'times: 1 is used up');

    emu().faults.inject({ route: 'GET /v1/tokens/', kind: 'status', status: 429, retryAfter: 7, times: 1 });
    assert.equal((await call(emu(), '/v1/tokens/')).headers.get('retry-after'), '7');
  });

  test('every error status the contract lists can be injected and conforms', async () => {
    for (const [status, code] of [
      [402, 'payment_required'],
      [500, 'server_error'],
      [503, 'unavailable'],
    ] as const) {
      emu().faults.inject({ route: 'GET /v1/account/', kind: 'status', status, times: 1 });
      const r = await call(emu(), '/v1/account/');
      assert.equal(r.status, status);
      assert.equal(json<ErrorBody>(r).code, code);
    }
    emu().faults.inject({ route: 'GET /v1/events/', kind: 'status', status: 503, retryAfter: 30, times: 1 });
    const r = await call(emu(), '/v1/events/', { auth: 'whatever' });
    assert.equal(r.headers.get('retry-after'), '30');
  });

  test('a rule for a template matches concrete ids; other routes are untouched', async () => {
    const { results } = json<PageBody>(await call(emu(), '/v1/tokens/?limit=1'));
    emu().faults.inject({ route: 'GET /v1/tokens/{id}/', kind: 'status', status: 500 });
    assert.equal((await call(emu(), `/v1/tokens/${results[0]!.id}/`)).status, 500);
    assert.equal((await call(emu(), `/v1/tokens/${results[0]!.id}/`)).status, 500, 'until cleared');
    assert.equal((await call(emu(), '/v1/tokens/')).status, 200);
    emu().faults.clear();
    assert.equal((await call(emu(), `/v1/tokens/${results[0]!.id}/`)).status, 200);
  });

  test('drop destroys the connection without a response', async () => {
    emu().faults.inject({ route: 'GET /v1/account/', kind: 'drop', times: 1 });
    await assert.rejects(fetch(`${emu().url}/v1/account/`, { headers: auth() }), TypeError);
    assert.equal((await call(emu(), '/v1/account/')).status, 200);
  });

  test('malformed answers a truncated JSON body that no parser accepts', async () => {
    emu().faults.inject({ route: 'GET /v1/tokens/', kind: 'malformed', times: 1 });
    const before = await raw(`${emu().url}/v1/tokens/`, { headers: auth() });
    assert.equal(before.status, 200);
    assert.match(before.headers.get('content-type')!, /application\/json/);
    assert.throws(() => JSON.parse(before.text), SyntaxError);

    emu().faults.inject({ route: 'GET /v1/account/', kind: 'malformed', when: 'after', status: 500, times: 1 });
    const after = await raw(`${emu().url}/v1/account/`, { headers: auth() });
    assert.equal(after.status, 500);
    assert.ok(after.text.startsWith('{"id":"acc_'), 'the real body, cut short');
    assert.throws(() => JSON.parse(after.text), SyntaxError);
  });

  test('latency holds the response: a client timeout fires first, the request still completes', async () => {
    emu().faults.inject({ route: 'POST /v1/tokens/', kind: 'latency', delayMs: 60_000, times: 1 });
    const before = emu().state.tokenCount(emu().credential);
    await assert.rejects(
      fetch(`${emu().url}/v1/tokens/`, {
        method: 'POST',
        headers: { ...auth(), 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'slow' }),
        signal: AbortSignal.timeout(200),
      }),
      (e: Error) => e.name === 'TimeoutError',
    );
    assert.deepEqual(emu().faults.list(), [], 'the one-shot rule was consumed');
    emu().faults.inject({ route: '*', kind: 'latency', delayMs: 20, times: 1 });
    assert.equal((await call(emu(), '/v1/tokens/')).status, 200, 'a short delay still answers normally');
    assert.equal(emu().state.tokenCount(emu().credential), before, 'a "before" delay has not created anything yet');
  });

  test('a create whose reply is lost ("after" drop) and is retried with its key leaves exactly one token', async () => {
    const before = emu().state.tokenCount(emu().credential);
    emu().faults.inject({ route: 'POST /v1/tokens/', kind: 'drop', when: 'after', times: 1 });
    const headers = { 'idempotency-key': randomUUID() };
    const body = { name: 'Exactly once', scopes: ['events'] };
    await assert.rejects(
      fetch(`${emu().url}/v1/tokens/`, {
        method: 'POST',
        headers: { ...auth(), ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    );
    assert.equal(emu().state.tokenCount(emu().credential), before + 1, 'the server did the work');
    const retry = await call(emu(), '/v1/tokens/', { method: 'POST', body, headers });
    assert.equal(retry.status, 201);
    assert.equal(retry.headers.get('idempotent-replayed'), 'true');
    assert.equal(emu().state.tokenCount(emu().credential), before + 1);
    const t = json<TokenBody>(retry);
    assert.equal((await call(emu(), '/v1/events/', { auth: t.token })).status, 200, 'the replayed value works');
  });

  test('an "after" status fault changes state but answers the error', async () => {
    const before = emu().state.tokenCount(emu().credential);
    emu().faults.inject({ route: 'POST /v1/tokens/', kind: 'status', status: 503, when: 'after', times: 1 });
    const r = await call(emu(), '/v1/tokens/', { method: 'POST', body: { name: 'half' } });
    assert.equal(r.status, 503);
    assert.equal(emu().state.tokenCount(emu().credential), before + 1);
  });

  test('invalid specs are rejected naming the field', () => {
    assert.throws(() => emu().faults.inject({ route: '*', kind: 'status' }), /status/);
    assert.throws(() => emu().faults.inject({ route: '*', kind: 'latency' }), /delay_ms/);
    assert.throws(() => emu().faults.inject({ route: '', kind: 'drop' }), /route/);
    assert.throws(() => emu().faults.inject({ route: '*', kind: 'drop', times: 0 }), /times/);
  });

  suite('HTTP control API', () => {
    test('POST, GET, DELETE one, DELETE all', async () => {
      const added = await call(emu(), '/_emulator/faults/', {
        method: 'POST',
        auth: null,
        body: { route: 'GET /v1/tokens/', kind: 'status', status: 503, retry_after: 5, times: 2 },
      });
      assert.equal(added.status, 201);
      const fault = json<{ id: string; times_left: number; retry_after: number }>(added);
      assert.deepEqual([fault.times_left, fault.retry_after], [2, 5]);
      const r = await call(emu(), '/v1/tokens/');
      assert.equal(r.status, 503);
      assert.equal(r.headers.get('retry-after'), '5');

      const list = json<{ count: number; results: { id: string; hits: number; times_left: number }[] }>(
        await call(emu(), '/_emulator/faults/', { auth: null }),
      );
      assert.equal(list.count, 1);
      assert.deepEqual([list.results[0]!.hits, list.results[0]!.times_left], [1, 1]);

      assert.equal((await call(emu(), `/_emulator/faults/${fault.id}/`, { method: 'DELETE', auth: null })).status, 204);
      assert.equal((await call(emu(), `/_emulator/faults/${fault.id}/`, { method: 'DELETE', auth: null })).status, 404);
      assert.equal((await call(emu(), '/v1/tokens/')).status, 200);

      await call(emu(), '/_emulator/faults/', {
        method: 'POST',
        auth: null,
        body: { route: '*', kind: 'drop', delayMs: 1 },
      }).then((x) => assert.equal(x.status, 422));
      await call(emu(), '/_emulator/faults/', {
        method: 'POST',
        auth: null,
        body: { route: '*', kind: 'status', status: 500 },
      });
      assert.equal((await call(emu(), '/v1/account/')).status, 500);
      assert.equal(
        (await call(emu(), '/_emulator/faults/', { auth: null })).status,
        200,
        '"*" never hits the control API',
      );
      assert.equal((await call(emu(), '/_emulator/faults/', { method: 'DELETE', auth: null })).status, 204);
      assert.equal((await call(emu(), '/v1/account/')).status, 200);
    });

    test('camelCase aliases are accepted; invalid specs are 422 with the field', async () => {
      const ok = await call(emu(), '/_emulator/faults/', {
        method: 'POST',
        auth: null,
        body: { route: 'GET /v1/account/', kind: 'latency', delayMs: 1 },
      });
      assert.equal(json<{ delay_ms: number }>(ok).delay_ms, 1);
      for (const [body, field] of [
        [{ route: '*', kind: 'explode' }, 'kind'],
        [{ route: '*', kind: 'status', status: 200 }, 'status'],
        [{ route: '*', kind: 'drop', when: 'during' }, 'when'],
        [{ route: '*', kind: 'drop', colour: 1 }, 'colour'],
      ] as const) {
        const r = await call(emu(), '/_emulator/faults/', { method: 'POST', auth: null, body });
        assert.equal(r.status, 422);
        assert.equal(json<ErrorBody>(r).field, field);
      }
    });

    test('POST /_emulator/reset/ restores the seed, keeps the credential and clears faults', async () => {
      await call(emu(), '/v1/tokens/', { method: 'POST', body: { name: 'temporary' } });
      emu().faults.inject({ route: 'GET /v1/tokens/', kind: 'status', status: 500 });
      const seeded = 8;
      assert.equal((await call(emu(), '/_emulator/reset/', { method: 'POST', auth: null })).status, 204);
      const page = json<PageBody>(await call(emu(), '/v1/tokens/'));
      assert.equal(page.count, seeded);
      assert.ok(!page.results.some((t) => t.name === 'temporary'));
      assert.deepEqual(emu().faults.list(), []);
    });
  });
});
