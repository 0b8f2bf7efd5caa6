// The responses the client parses match docs/api/openapi.yaml (the emulator's validator),
// across every operation and the error statuses the client meets, faults included.
import assert from 'node:assert/strict';
import { verifyToken } from '../src';
import { Harness, caught, recorder } from './helpers';

suite('responses match the contract (integration)', () => {
  const h = new Harness();
  suiteSetup(() => h.start());
  suiteTeardown(() => h.stop());

  test('every operation, success and error statuses', async () => {
    const cred = h.account();
    h.emu.state.addTokens(cred, 620);
    const c = h.client(cred);
    await c.account();
    await c.scopes();
    await c.listAll();
    await c.listPage({ limit: 5, offset: 615 });
    const t = await c.create('Contract | Check', { scopes: ['events'], idempotencyKey: 'contract-key' });
    await c.create('Contract | Check', { scopes: ['events'], idempotencyKey: 'contract-key' }); // replay
    await caught(() => c.create('Other', { idempotencyKey: 'contract-key' })); // 409
    await caught(() => h.client(h.account()).create('x', { scopes: ['nope'] })); // 422
    await c.get(t.id);
    await c.rename(t.id, 'Renamed');
    await verifyToken(h.emu.url, t.value, { onResponse: h.observe });
    const limited = await c.create('Features', { scopes: ['features'] });
    await verifyToken(h.emu.url, limited.value, { onResponse: h.observe }); // 403
    await c.delete(t.id);
    await verifyToken(h.emu.url, t.value, { onResponse: h.observe }); // 401
    await caught(() => c.get(t.id)); // 404
    await caught(() => h.client('phqm_' + 'q'.repeat(43)).account()); // 401
    for (const status of [402, 429, 500, 503]) {
      h.emu.faults.inject({ route: 'GET /v1/tokens/{id}/', kind: 'status', status, retryAfter: 0, times: 1 });
      await caught(() => h.client(cred, { retry: recorder({ retries: 0 }).retry }).get(limited.id));
    }
    const statuses = new Set(h.responses.map((r) => r.status));
    for (const s of [200, 201, 401, 402, 403, 404, 409, 422, 429, 500, 503]) assert.ok(statuses.has(s), `saw ${s}`);
    assert.deepEqual(h.contractErrors(), []);
  });
});
