// The public API families: scope enforcement, 401s, last_used_at, event bodies.
import assert from 'node:assert/strict';
import { SCOPES } from '../src/index';
import { call, json, useEmulator, type ErrorBody, type PageBody, type TokenBody } from './helpers';

interface EventBody {
  id: string;
  title: string;
  location: [number, number];
}

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

  test('403 forbidden with missing_scope for a token without events', async () => {
    const t = create(['features']);
    const r = await call(emu(), '/v1/events/?limit=1', { auth: t.token });
    assert.equal(r.status, 403);
    assert.deepEqual([json<ErrorBody>(r).code, json<ErrorBody>(r).missing_scope], ['forbidden', 'events']);
    assert.equal(json<ErrorBody>(r).request_id, r.headers.get('request-id'));
  });

  test('every family is scope-enforced the same way', async () => {
    for (const scope of SCOPES) {
      const own = create([scope.id]);
      const other = create([scope.id === 'events' ? 'features' : 'events']);
      const ok = await call(emu(), scope.path_prefixes[0]!, { auth: own.token });
      assert.equal(ok.status, 200, scope.id);
      const denied = await call(emu(), scope.path_prefixes[0]!, { auth: other.token });
      assert.equal(denied.status, 403, scope.id);
      assert.equal(json<ErrorBody>(denied).missing_scope, scope.id);
    }
  });

  test('401 for an unknown token, a deleted token and a management credential', async () => {
    const t = create();
    await call(emu(), `/v1/tokens/${t.id}/`, { method: 'DELETE' });
    for (const auth of [t.token, 'A'.repeat(43), emu().credential, null]) {
      const r = await call(emu(), '/v1/events/', { auth });
      assert.equal(r.status, 401);
      assert.equal(json<ErrorBody>(r).code, 'unauthorized');
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

  test('limit bounds apply to events too', async () => {
    const t = create(['events']);
    const r = await call(emu(), '/v1/events/?limit=0', { auth: t.token });
    assert.equal(r.status, 400);
    assert.equal(json<ErrorBody>(r).field, 'limit');
  });
});
