// verifyToken against the public GET /v1/events/?limit=1 of the emulator.
import assert from 'node:assert/strict';
import { PhqError, verifyToken } from '../src';
import { Harness, caught, recorder } from './helpers';

suite('verifyToken (integration)', () => {
  const h = new Harness();
  suiteSetup(() => h.start());
  suiteTeardown(() => h.stop());
  teardown(() => h.emu.faults.clear());

  test('a token with the events scope is valid, and the call marks it used', async () => {
    const c = h.client(h.account());
    const t = await c.create('Events reader', { scopes: ['events'] });
    assert.deepEqual(await verifyToken(h.emu.url, `${t.value}\n`), { status: 'valid' });
    assert.notEqual((await c.get(t.id)).lastUsedAt, null);
  });

  test('a token without events is missing-scope "events"', async () => {
    const t = await h.client(h.account()).create('Features only', { scopes: ['features'] });
    assert.deepEqual(await verifyToken(h.emu.url, t.value), { status: 'missing-scope', scope: 'events' });
  });

  test('a deleted token, an unknown value and a management credential are invalid', async () => {
    const cred = h.account();
    const c = h.client(cred);
    const t = await c.create('Short lived');
    await c.delete(t.id);
    assert.deepEqual(await verifyToken(h.emu.url, t.value), { status: 'invalid' });
    assert.deepEqual(await verifyToken(h.emu.url, 'A'.repeat(43)), { status: 'invalid' });
    assert.deepEqual(await verifyToken(h.emu.url, cred), { status: 'invalid' });
  });

  test('a value that cannot be sent is invalid without a request', async () => {
    const fault = h.emu.faults.inject({ route: '*', kind: 'status', status: 500 });
    assert.deepEqual(await verifyToken(h.emu.url, 'has space'), { status: 'invalid' });
    assert.deepEqual(await verifyToken(h.emu.url, ''), { status: 'invalid' });
    assert.equal(h.emu.faults.list().find((f) => f.id === fault.id)?.hits, 0);
  });

  test('other failures are errors with their kind, after retries', async () => {
    const t = await h.client(h.account()).create('Any');
    const rec = recorder();
    h.emu.faults.inject({ route: 'GET /v1/events/', kind: 'status', status: 402 });
    const r = await verifyToken(h.emu.url, t.value, { retry: rec.retry });
    assert.equal(r.status, 'error');
    assert.equal(r.status === 'error' && r.kind, 'payment-required');
    h.emu.faults.clear();
    h.emu.faults.inject({ route: 'GET /v1/events/', kind: 'status', status: 503, times: 1 });
    assert.deepEqual(await verifyToken(h.emu.url, t.value, { retry: rec.retry }), { status: 'valid' });
    assert.deepEqual(rec.delays, [1000]);
  });

  test('cancellation throws rather than returning a result', async () => {
    const t = await h.client(h.account()).create('Any');
    h.emu.faults.inject({ route: 'GET /v1/events/', kind: 'latency', delayMs: 2000 });
    const err = await caught(() => verifyToken(h.emu.url, t.value, { signal: AbortSignal.timeout(50) }));
    assert.ok(err instanceof PhqError && err.kind === 'cancelled');
  });
});
