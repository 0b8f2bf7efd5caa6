// Timeouts and AbortSignal cancellation, including during a backoff wait.
import assert from 'node:assert/strict';
import { PhqError, abortableSleep } from '../src';
import { Harness, caught, recorder } from './helpers';

suite('timeouts and cancellation (integration)', () => {
  const h = new Harness();
  suiteSetup(() => h.start());
  suiteTeardown(() => h.stop());
  teardown(() => h.emu.faults.clear());

  test('a slow answer past the per-call timeout is a timeout, after the retries', async () => {
    const rec = recorder();
    h.emu.faults.inject({ route: 'GET /v1/account/', kind: 'latency', delayMs: 2000 });
    const err = await caught(() => h.client(h.account(), { retry: rec.retry }).account({ timeoutMs: 100 }));
    assert.ok(err instanceof PhqError);
    assert.equal(err.kind, 'timeout');
    assert.equal(err.attempts, 4);
    assert.equal(rec.delays.length, 3);
  });

  test('aborting during a request is cancelled, and nothing is retried', async () => {
    const rec = recorder();
    h.emu.faults.inject({ route: 'GET /v1/tokens/', kind: 'latency', delayMs: 5000 });
    const ac = new AbortController();
    const p = h.client(h.account(), { retry: rec.retry }).listAll({ signal: ac.signal });
    setTimeout(() => ac.abort(), 100);
    const err = await caught(() => p);
    assert.ok(err instanceof PhqError && err.kind === 'cancelled');
    assert.deepEqual(rec.delays, []);
  });

  test('aborting during a backoff wait cancels the wait (real timer of 60 s)', async () => {
    const ac = new AbortController();
    h.emu.faults.inject({ route: 'GET /v1/account/', kind: 'status', status: 500 });
    const client = h.client(h.account(), {
      retry: {
        baseDelayMs: 60_000,
        jitterMs: 0,
        onRetry: () => setTimeout(() => ac.abort(), 20),
        sleep: abortableSleep,
      },
    });
    // Without cancellation this would wait a minute and outlive mocha's 30 s timeout.
    const err = await caught(() => client.account({ signal: ac.signal }));
    assert.ok(err instanceof PhqError && err.kind === 'cancelled');
    assert.equal(err.attempts, 1);
  });

  test('an already aborted signal sends nothing', async () => {
    const fault = h.emu.faults.inject({ route: '*', kind: 'status', status: 500 });
    const err = await caught(() => h.client(h.account()).account({ signal: AbortSignal.abort() }));
    assert.ok(err instanceof PhqError && err.kind === 'cancelled');
    assert.equal(h.emu.faults.list().find((f) => f.id === fault.id)?.hits, 0);
  });

  test('a refused connection is a network error with its cause code, retried', async () => {
    const rec = recorder();
    const c = h.client('phqm_unused', { baseUrl: 'http://127.0.0.1:1', retry: rec.retry });
    const err = await caught(() => c.account());
    assert.ok(err instanceof PhqError && err.kind === 'network');
    assert.equal(err.causeCode, 'ECONNREFUSED');
    assert.equal(err.attempts, 4);
  });
});
