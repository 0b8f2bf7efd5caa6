// The public API families as PredictHQ's published specs describe them: documented paths
// with and without a trailing slash, documented methods, 401 / 403 / 402 with the documented
// `{"error": "..."}` bodies, required parameters refused after the scope check, last_used_at.
import { API_FAMILIES } from '@phq-tokens/families';
import assert from 'node:assert/strict';
import { call, json, useEmulator, type PageBody, type TokenBody } from './helpers';

interface EventBody {
  id: string;
  title: string;
  location: [number, number];
}
const errorOf = (r: { body: unknown }) => (r.body as { error: string }).error;

suite('public API families', () => {
  const emu = useEmulator();
  const create = (scopes?: string[]) =>
    emu().state.createToken(emu().credential, { name: 'probe', ...(scopes && { scopes }) });

  test('GET /v1/events/?limit=1 answers 200 with one event for a token with events', async () => {
    const t = create(['events']);
    const r = await call(emu(), '/v1/events/?limit=1', { auth: t.token });
    assert.equal(r.status, 200);
    const page = json<PageBody<EventBody>>(r);
    assert.equal(page.results.length, 1);
    assert.ok(page.count > 1);
    assert.equal(page.next, `${emu().url}/v1/events/?limit=1&offset=1`);
  });

  test("403 with PredictHQ's documented body for a token without the scope", async () => {
    const t = create(['features']);
    const r = await call(emu(), '/v1/events/?limit=1', { auth: t.token });
    assert.equal(r.status, 403);
    assert.deepEqual(r.body, { error: 'Bearer token scope insufficient' });
    const area = await call(emu(), '/v1/impact-area/', { auth: t.token });
    assert.deepEqual([area.status, area.body], [403, { error: 'Insufficient permissions' }]);
  });

  test('every documented endpoint, with and without its slash, is scope-enforced', async () => {
    for (const family of API_FAMILIES) {
      const own = create([family.id]);
      const other = create([family.id === 'events' ? 'features' : 'events']);
      for (const e of family.endpoints) {
        const bare = e.path.replace(/\/$/, '');
        for (const path of [bare, `${bare}/`]) {
          const body = e.method === 'POST' ? { location: { place_id: ['5128581'] } } : undefined;
          const query = e.required && e.method === 'GET' ? `?${e.required.params.map((p) => `${p}=1`).join('&')}` : '';
          const ok = await call(emu(), path + query, { auth: own.token, method: e.method, body });
          assert.equal(ok.status, 200, `${e.method} ${path}`);
          const denied = await call(emu(), path + query, { auth: other.token, method: e.method, body });
          assert.equal(denied.status, 403, `${e.method} ${path}`);
          assert.equal(errorOf(denied), family.forbiddenMessage);
        }
      }
    }
  });

  test('a method a family does not document is 405; an unknown public path is 404', async () => {
    const t = create();
    const post = await call(emu(), '/v1/events/', { auth: t.token, method: 'POST', body: {} });
    assert.equal(post.status, 405);
    assert.equal(post.headers.get('allow'), 'GET');
    const get = await call(emu(), '/v1/features/', { auth: t.token });
    assert.equal(get.status, 405);
    const nope = await call(emu(), '/v1/events/nope/', { auth: t.token });
    assert.deepEqual([nope.status, nope.body], [404, { error: 'Not found' }]);
  });

  test('required parameters are refused after the scope check (400 / 422)', async () => {
    const t = create();
    const surge = await call(emu(), '/v1/demand-surge/', { auth: t.token });
    assert.equal(surge.status, 422);
    assert.match(errorOf(surge), /min_surge_intensity/);
    const radius = await call(emu(), '/v1/suggested-radius/', { auth: t.token });
    assert.equal(radius.status, 400);
    const features = await call(emu(), '/v1/features/', { auth: t.token, method: 'POST', body: {} });
    assert.equal(features.status, 400);
    const without = create(['events']);
    const denied = await call(emu(), '/v1/demand-surge/', { auth: without.token });
    assert.equal(denied.status, 403, 'the scope check comes before validation');
  });

  test('401 "Authorization required" for an unknown token, a deleted token, a management credential, none', async () => {
    const t = create();
    await call(emu(), `/v1/tokens/${t.id}/`, { method: 'DELETE' });
    for (const auth of [t.token, 'A'.repeat(43), emu().credential, null]) {
      const r = await call(emu(), '/v1/events/', { auth });
      assert.deepEqual([r.status, r.body], [401, { error: 'Authorization required' }]);
    }
  });

  test('a successful call updates last_used_at; a denied one does not', async () => {
    const t = create(['events']);
    const f = create(['features']);
    await call(emu(), '/v1/events/', { auth: t.token });
    await call(emu(), '/v1/events/', { auth: f.token });
    const used = json<TokenBody>(await call(emu(), `/v1/tokens/${t.id}/`));
    const denied = json<TokenBody>(await call(emu(), `/v1/tokens/${f.id}/`));
    assert.ok(used.last_used_at !== null && used.last_used_at >= t.created_at);
    assert.equal(denied.last_used_at, null);
  });

  test('limit bounds apply to events too, in the public error shape', async () => {
    const t = create(['events']);
    const r = await call(emu(), '/v1/events/?limit=0', { auth: t.token });
    assert.equal(r.status, 400);
    assert.match(errorOf(r), /limit/);
  });
});

suite('public-only mode (like api.predicthq.com)', () => {
  const emu = useEmulator({ publicOnly: true });

  test('management endpoints are 404; seeded values work as their states say', async () => {
    // Outside our contract on purpose (api.predicthq.com has no management endpoints): plain fetch.
    for (const path of ['/v1/account/', '/v1/tokens/', '/v1/tokens/scopes/']) {
      const r = await fetch(`${emu().url}${path}`, { headers: { authorization: `Bearer ${emu().credential}` } });
      assert.equal(r.status, 404, path);
    }
    const byName = new Map(emu().publicTokens.map((t) => [t.name, t]));
    assert.equal(emu().publicTokens.length, 5);
    const events = async (name: string) =>
      (await call(emu(), '/v1/events/?limit=1', { auth: byName.get(name)!.value })).status;
    assert.equal(await events('Production'), 200);
    assert.equal(await events('Events Script'), 200);
    assert.equal(await events('Demand Forecasting | Model Training'), 403);
    assert.equal(await events('Old Laptop'), 401);
    assert.equal(await events('Lapsed Trial'), 402);
    const places = await call(emu(), '/v1/places?q=a&limit=1', { auth: byName.get('Lapsed Trial')!.value });
    assert.equal(places.status, 200, 'families that do not document 402 answer as usual');
  });

  test('a query over 16 KiB is refused in the public error shape, not the management one', async () => {
    // Node's HTTP parser refuses it before any route runs; outside the contract: plain fetch.
    const r = await fetch(`${emu().url}/v1/events/?q=${'a'.repeat(17 * 1024)}`, {
      headers: { authorization: `Bearer ${emu().publicTokens[0]!.value}` },
    });
    assert.equal(r.status, 400);
    const body = (await r.json()) as Record<string, unknown>;
    assert.deepEqual(Object.keys(body), ['error'], JSON.stringify(body));
    assert.equal(typeof body.error, 'string');
  });

  test('OPTIONS on a public path is 405 with Allow, in the public error shape', async () => {
    for (const path of ['/v1/events/', '/v1/events']) {
      const r = await fetch(`${emu().url}${path}`, { method: 'OPTIONS' });
      assert.equal(r.status, 405, path);
      assert.equal(r.headers.get('allow'), 'GET', path);
      const body = (await r.json()) as Record<string, unknown>;
      assert.deepEqual(Object.keys(body), ['error'], JSON.stringify(body));
    }
  });

  test('faults are injected with the public error shape', async () => {
    emu().faults.inject({ route: 'GET /v1/events/', kind: 'status', status: 503, times: 1 });
    const value = emu().publicTokens[0]!.value;
    const r = await call(emu(), '/v1/events/', { auth: value });
    assert.equal(r.status, 503);
    assert.equal(typeof errorOf(r), 'string');
  });
});
