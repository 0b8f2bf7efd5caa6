// Pure pieces: name/scope/page validation, pagination links and fault-rule matching.
import assert from 'node:assert/strict';
import { ApiError } from '../src/errors';
import { Faults } from '../src/faults';
import { paginate } from '../src/pagination';
import { checkIdempotencyKey, checkName, checkPageParams, checkScopes } from '../src/validate';

const fieldOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof ApiError);
    return [e.status, e.extra.field];
  }
  assert.fail('expected an ApiError');
};

suite('validation rules', () => {
  test('names: trimmed, legacy form accepted with exactly one "|" and text on both sides', () => {
    assert.equal(checkName('  Analytics Pipeline | Nightly Export '), 'Analytics Pipeline | Nightly Export');
    assert.equal(checkName('x'.repeat(100)), 'x'.repeat(100));
    for (const bad of ['', ' ', 'x'.repeat(101), 'a\nb', 'a\u0085b', '|b', 'a|', 'a|b|c', 7, null]) {
      assert.deepEqual(
        fieldOf(() => checkName(bad)),
        [422, 'name'],
        JSON.stringify(bad),
      );
    }
  });

  test('error messages never echo the value sent', () => {
    const secret = 'S3cr3t-VALUE-that-must-not-leak';
    for (const fn of [() => checkName(`${secret}\n`), () => checkScopes([secret])]) {
      try {
        fn();
        assert.fail('should throw');
      } catch (e) {
        assert.ok(!(e as Error).message.includes(secret));
      }
    }
  });

  test('scopes: omitted means all; empty, unknown or duplicate is 422', () => {
    assert.equal(checkScopes(undefined).length, 11);
    assert.deepEqual(checkScopes(['features']), ['features']);
    for (const bad of [[], ['events', 'events'], ['Events'], 'events', [1]]) {
      assert.deepEqual(
        fieldOf(() => checkScopes(bad)),
        [422, 'scopes'],
      );
    }
  });

  test('page params: defaults, bounds, integers only', () => {
    assert.deepEqual(checkPageParams({}), { limit: 50, offset: 0 });
    assert.deepEqual(checkPageParams({ limit: '500', offset: '10' }), { limit: 500, offset: 10 });
    for (const q of [{ limit: '0' }, { limit: '501' }, { limit: '1e2' }, { limit: ['1', '2'] }]) {
      assert.deepEqual(
        fieldOf(() => checkPageParams(q)),
        [400, 'limit'],
      );
    }
    assert.deepEqual(
      fieldOf(() => checkPageParams({ offset: '-3' })),
      [400, 'offset'],
    );
  });

  test('idempotency keys: 1..255 printable ASCII', () => {
    assert.equal(checkIdempotencyKey(undefined), undefined);
    assert.equal(checkIdempotencyKey('3f0c1b9e-7a51-4c39-9a5c-2f8f0a4b6d21'), '3f0c1b9e-7a51-4c39-9a5c-2f8f0a4b6d21');
    for (const bad of ['', 'k'.repeat(256), 'caf\u00e9', ['a', 'b']]) {
      assert.deepEqual(
        fieldOf(() => checkIdempotencyKey(bad)),
        [400, 'Idempotency-Key'],
      );
    }
  });
});

suite('pagination links', () => {
  const items = Array.from({ length: 7 }, (_, i) => i);
  const base = 'http://h/v1/tokens/';
  test('first, middle, last and past-the-end pages', () => {
    assert.deepEqual(paginate(items, { limit: 3, offset: 0 }, base), {
      count: 7,
      next: `${base}?limit=3&offset=3`,
      previous: null,
      results: [0, 1, 2],
    });
    assert.equal(paginate(items, { limit: 3, offset: 3 }, base).previous, `${base}?limit=3&offset=0`);
    assert.equal(paginate(items, { limit: 3, offset: 6 }, base).next, null);
    assert.equal(paginate(items, { limit: 3, offset: 1 }, base).previous, `${base}?limit=3&offset=0`);
    const past = paginate(items, { limit: 3, offset: 20 }, base);
    assert.deepEqual([past.results, past.next, past.previous], [[], null, `${base}?limit=3&offset=4`]);
  });
});

suite('fault rule matching', () => {
  test('templates, concrete paths, method-less paths and "*"; times are used up in order', () => {
    const f = new Faults();
    f.inject({ route: 'get /v1/tokens/{id}/', kind: 'drop', times: 1 });
    f.inject({ route: '/v1/account/', kind: 'status', status: 500 });
    assert.equal(f.take('GET', '/v1/tokens/:id/', '/v1/tokens/tok_1/')?.kind, 'drop');
    assert.equal(f.take('GET', '/v1/tokens/:id/', '/v1/tokens/tok_1/'), undefined, 'used up');
    assert.equal(f.take('DELETE', '/v1/account/', '/v1/account/')?.status, 500);
    assert.equal(f.take('GET', '/v1/tokens/', '/v1/tokens/'), undefined);
    f.inject({ route: '*', kind: 'latency', delayMs: 1 });
    assert.equal(f.take('GET', '/v1/tokens/', '/v1/tokens/')?.kind, 'latency');
    assert.equal(f.list().find((r) => r.route === '*')?.hits, 1);
  });

  test('429 always carries a Retry-After; other statuses only when asked', () => {
    const f = new Faults();
    assert.equal(f.inject({ route: '*', kind: 'status', status: 429 }).retryAfter, 1);
    assert.equal(f.inject({ route: '*', kind: 'status', status: 500 }).retryAfter, undefined);
    assert.equal(f.inject({ route: '*', kind: 'status', status: 503, retryAfter: 9 }).retryAfter, 9);
  });
});
