// Retry behaviour over real HTTP: which failures are retried, the backoff schedule,
// Retry-After, and the idempotent create that survives a lost response.
import assert from 'node:assert/strict';
import { PhqError } from '../src';
import { Harness, caught, recorder } from './helpers';

suite('retries (integration)', () => {
  const h = new Harness();
  suiteSetup(() => h.start());
  suiteTeardown(() => h.stop());
  teardown(() => h.emu.faults.clear());

  test('500 twice then success: backoff 1 s then 2 s (zero jitter)', async () => {
    const rec = recorder();
    h.emu.faults.inject({ route: 'GET /v1/account/', kind: 'status', status: 500, times: 2 });
    const account = await h.client(h.account(), { retry: rec.retry }).account();
    assert.equal(account.name, 'Test Org');
    assert.deepEqual(rec.delays, [1000, 2000]);
    assert.deepEqual(h.emu.faults.list(), [], 'both injected failures were used');
  });

  test('jitter stays within +/- 500 ms of 1 s, 2 s, 4 s, then the error after 4 attempts', async () => {
    const rec = recorder({ random: Math.random });
    h.emu.faults.inject({ route: 'GET /v1/tokens/', kind: 'status', status: 503 });
    const err = await caught(() => h.client(h.account(), { retry: rec.retry }).listPage());
    assert.ok(err instanceof PhqError);
    assert.equal(err.kind, 'server');
    assert.equal(err.status, 503);
    assert.equal(err.attempts, 4);
    assert.equal(rec.delays.length, 3);
    [1000, 2000, 4000].forEach((base, i) => assert.ok(Math.abs(rec.delays[i]! - base) <= 500, String(rec.delays)));
  });

  test('backoff base and jitter are configurable', async () => {
    const rec = recorder({ baseDelayMs: 10, jitterMs: 0 });
    h.emu.faults.inject({ route: 'GET /v1/account/', kind: 'drop', times: 3 });
    await h.client(h.account(), { retry: rec.retry }).account();
    assert.deepEqual(rec.delays, [10, 20, 40]);
  });

  test('429 with Retry-After waits what the server says instead of the backoff', async () => {
    const rec = recorder();
    h.emu.faults.inject({ route: 'GET /v1/account/', kind: 'status', status: 429, retryAfter: 3, times: 1 });
    await h.client(h.account(), { retry: rec.retry }).account();
    assert.deepEqual(rec.delays, [3000]);
  });

  test('503 with Retry-After is honoured too', async () => {
    const rec = recorder();
    h.emu.faults.inject({ route: 'GET /v1/tokens/scopes/', kind: 'status', status: 503, retryAfter: 2, times: 2 });
    await h.client(h.account(), { retry: rec.retry }).scopes();
    assert.deepEqual(rec.delays, [2000, 2000]);
  });

  test('a Retry-After beyond the cap is not waited for: rate-limited with retryAfterMs', async () => {
    const rec = recorder({ maxRetryAfterMs: 5000 });
    h.emu.faults.inject({ route: 'GET /v1/account/', kind: 'status', status: 429, retryAfter: 120 });
    const err = await caught(() => h.client(h.account(), { retry: rec.retry }).account());
    assert.ok(err instanceof PhqError);
    assert.equal(err.kind, 'rate-limited');
    assert.equal(err.retryAfterMs, 120_000);
    assert.equal(err.attempts, 1);
    assert.deepEqual(rec.delays, []);
  });

  for (const status of [400, 401, 402, 403, 404, 409, 422]) {
    test(`${status} is never retried`, async () => {
      const rec = recorder();
      const fault = h.emu.faults.inject({ route: 'GET /v1/account/', kind: 'status', status });
      const err = await caught(() => h.client(h.account(), { retry: rec.retry }).account());
      assert.ok(err instanceof PhqError);
      assert.equal(err.status, status);
      assert.equal(err.attempts, 1);
      assert.deepEqual(rec.delays, []);
      assert.equal(h.emu.faults.list().find((f) => f.id === fault.id)?.hits, 1);
    });
  }

  test('a malformed body is a bad-response and is not retried', async () => {
    const rec = recorder();
    h.emu.faults.inject({ route: 'GET /v1/tokens/', kind: 'malformed' });
    const err = await caught(() => h.client(h.account(), { retry: rec.retry }).listPage());
    assert.ok(err instanceof PhqError && err.kind === 'bad-response' && err.attempts === 1);
  });

  test('a create retried after an injected timeout leaves exactly one token', async () => {
    const cred = h.account();
    const rec = recorder();
    // The server creates the token, then its answer is late: the client times out and retries.
    h.emu.faults.inject({ route: 'POST /v1/tokens/', kind: 'latency', delayMs: 1500, when: 'after', times: 1 });
    const created = await h.client(cred, { retry: rec.retry, timeoutMs: 300 }).create('Timeout survivor');
    assert.equal(rec.delays.length, 1);
    assert.equal(created.replayed, true);
    assert.equal(h.emu.state.tokenCount(cred), 1);
    const all = await h.client(cred).listAll();
    assert.deepEqual(
      all.map((t) => t.id),
      [created.id],
    );
  });

  test('a create whose connection drops after the server acted also leaves one token', async () => {
    const cred = h.account();
    h.emu.faults.inject({ route: 'POST /v1/tokens/', kind: 'drop', when: 'after', times: 1 });
    const created = await h.client(cred).create('Drop survivor');
    assert.equal(created.replayed, true);
    assert.equal(h.emu.state.tokenCount(cred), 1);
  });

  test('a create failing with 500 before the server acted is retried and makes one token', async () => {
    const cred = h.account();
    h.emu.faults.inject({ route: 'POST /v1/tokens/', kind: 'status', status: 500, times: 2 });
    const created = await h.client(cred).create('500 survivor');
    assert.equal(created.replayed, false);
    assert.equal(h.emu.state.tokenCount(cred), 1);
  });

  test('a truncated 201 is retried with the same Idempotency-Key: the replay brings the value, one token', async () => {
    const cred = h.account();
    h.emu.faults.inject({ route: 'POST /v1/tokens/', kind: 'malformed', when: 'after', times: 1 });
    const created = await h.client(cred).create('Truncated survivor');
    assert.equal(created.replayed, true);
    assert.match(created.value, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(h.emu.state.tokenCount(cred), 1);
  });

  test('when the retry is unreadable too, the error names the token that may exist', async () => {
    const cred = h.account();
    h.emu.faults.inject({ route: 'POST /v1/tokens/', kind: 'malformed', when: 'after', times: 2 });
    const e = await h
      .client(cred)
      .create('Maybe created')
      .then(
        () => assert.fail('the create succeeded'),
        (x: unknown) => x,
      );
    assert.ok(e instanceof PhqError);
    assert.equal(e.kind, 'bad-response');
    assert.equal(e.possiblyCreated, 'Maybe created');
    assert.equal(e.attempts, 2);
    assert.equal(h.emu.state.tokenCount(cred), 1, 'the first attempt did create it');
  });

  test('a delete whose answer was lost counts as done on the retry', async () => {
    const cred = h.account();
    const c = h.client(cred);
    const t = await c.create('Delete me');
    h.emu.faults.inject({ route: 'DELETE /v1/tokens/{id}/', kind: 'drop', when: 'after', times: 1 });
    await c.delete(t.id);
    assert.equal(h.emu.state.tokenCount(cred), 0);
  });
});
