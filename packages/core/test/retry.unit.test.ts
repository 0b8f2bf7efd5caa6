import assert from 'node:assert/strict';
import { PhqError, abortableSleep, parseRetryAfter, redact, retryDelay, retryPolicy } from '../src';

suite('retry policy (unit)', () => {
  const server = new PhqError('server', 'boom', { status: 500 });

  test('backoff doubles from the base and stays within the jitter', () => {
    const low = retryPolicy({ random: () => 0 });
    const high = retryPolicy({ random: () => 0.999999 });
    assert.deepEqual(
      [0, 1, 2].map((n) => retryDelay(low, n, server)),
      [500, 1500, 3500],
    );
    assert.deepEqual(
      [0, 1, 2].map((n) => retryDelay(high, n, server)),
      [1500, 2500, 4500],
    );
  });

  test('at most 3 retries by default', () => {
    assert.equal(retryDelay(retryPolicy(), 3, server), null);
  });

  test('Retry-After replaces backoff, and one beyond the cap is not waited for', () => {
    const limited = new PhqError('rate-limited', 'slow down', { status: 429, retryAfterMs: 7000 });
    assert.equal(retryDelay(retryPolicy(), 0, limited), 7000);
    assert.equal(retryDelay(retryPolicy({ maxRetryAfterMs: 5000 }), 0, limited), null);
  });

  test('non-transient errors are never retried', () => {
    for (const kind of ['unauthorized', 'forbidden', 'not-found', 'validation', 'conflict', 'bad-response'] as const) {
      assert.equal(retryDelay(retryPolicy(), 0, new PhqError(kind, 'x')), null, kind);
    }
  });

  test('Retry-After parses seconds and HTTP dates', () => {
    assert.equal(parseRetryAfter('3'), 3000);
    assert.equal(parseRetryAfter(new Date(10_000).toUTCString(), 4_000), 6000);
    assert.equal(parseRetryAfter('soon'), undefined);
    assert.equal(parseRetryAfter(undefined), undefined);
  });

  test('abortableSleep rejects as soon as the signal aborts', async () => {
    const ac = new AbortController();
    const p = abortableSleep(60_000, ac.signal);
    ac.abort();
    await assert.rejects(p);
  });

  test('redact removes known secrets and token-shaped values', () => {
    const secret = 'phqm_' + 'S3cr3t'.repeat(7) + 'x';
    const tokenShaped = 'Q'.repeat(21) + '-' + 'w'.repeat(21);
    const out = redact(`cred ${secret} and value ${tokenShaped}.`, [secret]);
    assert.ok(!out.includes(secret) && !out.includes(tokenShaped), out);
    assert.equal(redact('name: must not be empty', []), 'name: must not be empty');
  });
});
