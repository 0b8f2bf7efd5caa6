// Every error class a UI acts on, provoked over real HTTP, and none of them carries a
// secret: neither the management credential nor a token value, in message, stack or JSON.
import assert from 'node:assert/strict';
import { PhqError, verifyToken, type PhqErrorKind } from '../src';
import { Harness, caught, recorder } from './helpers';

suite('error classes and secrets (integration)', () => {
  const h = new Harness();
  let credential: string;
  let tokenValue: string;
  let tokenId: string;
  const seen = new Set<PhqErrorKind>();

  suiteSetup(async () => {
    await h.start();
    credential = h.account();
    const created = await h.client(credential).create('Leak canary');
    tokenValue = created.value;
    tokenId = created.id;
  });
  suiteTeardown(async () => {
    // The suite is only complete if it provoked every kind.
    const all: PhqErrorKind[] = [
      'unauthorized',
      'payment-required',
      'forbidden',
      'not-found',
      'validation',
      'conflict',
      'rate-limited',
      'server',
      'network',
      'timeout',
      'cancelled',
      'bad-response',
    ];
    await h.stop();
    assert.deepEqual(
      all.filter((k) => !seen.has(k)),
      [],
      'error kinds not provoked',
    );
  });
  teardown(() => h.emu.faults.clear());

  function assertNoSecret(err: unknown, kind: PhqErrorKind): PhqError {
    assert.ok(err instanceof PhqError, String(err));
    assert.equal(err.kind, kind);
    seen.add(kind);
    const surfaces = [err.message, err.stack ?? '', JSON.stringify(err), String(err), JSON.stringify(err.toJSON())];
    for (const secret of [credential, tokenValue]) {
      for (const s of surfaces) assert.ok(!s.includes(secret), `${kind}: a secret leaked into ${s.slice(0, 80)}`);
    }
    return err;
  }

  const fast = () => recorder({ baseDelayMs: 1, jitterMs: 0 }).retry;

  test('unauthorized: a token value used as the management credential', async () => {
    // The worst case: the secret is the credential itself.
    const err = await caught(() => h.client(tokenValue).listPage());
    assert.equal(assertNoSecret(err, 'unauthorized').status, 401);
  });

  test('unauthorized: an unknown management credential', async () => {
    const err = await caught(() => h.client('phqm_' + 'x'.repeat(43)).account());
    assertNoSecret(err, 'unauthorized');
  });

  const injected: [number, PhqErrorKind][] = [
    [402, 'payment-required'],
    [403, 'forbidden'],
    [429, 'rate-limited'],
    [500, 'server'],
    [503, 'server'],
  ];
  for (const [status, kind] of injected) {
    test(`${status} is ${kind}, with the request id`, async () => {
      h.emu.faults.inject({ route: '*', kind: 'status', status, retryAfter: 0 });
      const err = assertNoSecret(await caught(() => h.client(credential, { retry: fast() }).get(tokenId)), kind);
      assert.equal(err.status, status);
      assert.match(err.requestId ?? '', /^req_/);
      if (status === 429) assert.equal(err.retryAfterMs, 0);
    });
  }

  test('403 on a public family names the missing scope', async () => {
    const limited = await h.client(credential).create('No events', { scopes: ['features'] });
    const r = await verifyToken(h.emu.url, limited.value);
    assert.deepEqual(r, { status: 'missing-scope', scope: 'events' });
  });

  test('not-found: an id of another account', async () => {
    const other = await h.client(h.account('Other Org')).create('Not yours');
    assertNoSecret(await caught(() => h.client(credential).get(other.id)), 'not-found');
  });

  test('validation: server 422 names the field', async () => {
    const err = await caught(() => h.client(credential).create('x', { scopes: [tokenValue] }));
    assert.equal(assertNoSecret(err, 'validation').field, 'scopes');
  });

  test('validation: a local check does not echo a secret put in a name', async () => {
    const err = await caught(() => h.client(credential).rename(tokenId, tokenValue.repeat(3)));
    assert.equal(assertNoSecret(err, 'validation').field, 'name');
  });

  test('conflict: an idempotency key reused with another body', async () => {
    const c = h.client(credential);
    await c.create('First', { idempotencyKey: 'conflict-key' });
    assertNoSecret(await caught(() => c.create('Second', { idempotencyKey: 'conflict-key' })), 'conflict');
  });

  test('network: a dropped connection', async () => {
    h.emu.faults.inject({ route: '*', kind: 'drop' });
    const err = assertNoSecret(await caught(() => h.client(credential, { retry: fast() }).account()), 'network');
    assert.equal(err.attempts, 4);
  });

  test('timeout: an answer slower than the timeout', async () => {
    h.emu.faults.inject({ route: '*', kind: 'latency', delayMs: 1000 });
    assertNoSecret(await caught(() => h.client(credential, { retry: fast(), timeoutMs: 50 }).account()), 'timeout');
  });

  test('cancelled: an aborted call', async () => {
    const ac = new AbortController();
    h.emu.faults.inject({ route: '*', kind: 'latency', delayMs: 2000 });
    const p = h.client(credential).account({ signal: ac.signal });
    setTimeout(() => ac.abort(), 50);
    assertNoSecret(await caught(() => p), 'cancelled');
  });

  test('bad-response: a truncated body, on success and on an error status', async () => {
    h.emu.faults.inject({ route: 'GET /v1/account/', kind: 'malformed', times: 1 });
    assertNoSecret(await caught(() => h.client(credential).account()), 'bad-response');
    // A 5xx whose body is not JSON is still a server error, not a parse failure.
    h.emu.faults.inject({ route: 'GET /v1/account/', kind: 'malformed', status: 500 });
    assertNoSecret(await caught(() => h.client(credential, { retry: fast() }).account()), 'server');
  });

  test('verify errors do not carry the token value either', async () => {
    h.emu.faults.inject({ route: 'GET /v1/events/', kind: 'status', status: 500 });
    const r = await verifyToken(h.emu.url, tokenValue, { retry: fast() });
    assert.equal(r.status, 'error');
    assert.ok(!JSON.stringify(r).includes(tokenValue));
  });
});
