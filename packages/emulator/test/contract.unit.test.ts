// The contract document itself, and the validator other packages reuse: it must accept
// what the contract says and reject what it does not (a validator that cannot fail is no test).
import { Validator } from '@seriousme/openapi-schema-validator';
import assert from 'node:assert/strict';
import { API_FAMILIES } from '@phq-tokens/families';
import { assertMatchesContract, contractErrors, matchPath, openapiDocument } from '../test-support/contract';

const token = {
  id: 'tok_ABCDEFGHIJ0123456789',
  name: 'Analytics Pipeline | Nightly Export',
  scopes: ['events'],
  created_at: '2026-01-02T03:04:05.000Z',
  last_used_at: null,
};
const json = { 'content-type': 'application/json; charset=utf-8' };
const err = (code: string, extra: object = {}) => ({
  code,
  message: 'x',
  request_id: 'req_ABCDEFGHIJ012345',
  ...extra,
});

suite('contract: docs/api/openapi.yaml', () => {
  test('is a valid OpenAPI 3.1 document', async () => {
    const v = new Validator();
    const result = await v.validate(openapiDocument());
    assert.deepEqual(result, { valid: true });
    assert.equal(v.version, '3.1');
  });

  test('documents every public family and the management operations', () => {
    const paths = Object.keys(openapiDocument().paths as object);
    for (const p of ['/v1/account/', '/v1/tokens/', '/v1/tokens/{id}/', '/v1/tokens/scopes/', '/v1/events/']) {
      assert.ok(paths.includes(p), p);
    }
    // Every documented endpoint of every family, with and without its trailing slash.
    for (const family of API_FAMILIES)
      for (const e of family.endpoints) {
        const bare = e.path.replace(/\/$/, '');
        for (const p of [bare, `${bare}/`]) assert.ok(paths.includes(p), `${family.id}: ${p}`);
      }
  });

  test('matchPath prefers literal segments over parameters', () => {
    assert.equal(matchPath('/v1/tokens/scopes/'), '/v1/tokens/scopes/');
    assert.equal(matchPath('/v1/tokens/tok_x/'), '/v1/tokens/{id}/');
    assert.equal(matchPath('/v1/tokens'), undefined);
  });

  test('accepts a conforming token and a conforming error', () => {
    assertMatchesContract({ method: 'GET', url: '/v1/tokens/tok_x/', status: 200, headers: json, body: token });
    assertMatchesContract({
      method: 'GET',
      url: '/v1/events/',
      status: 403,
      headers: json,
      body: { error: 'Bearer token scope insufficient' },
    });
    assertMatchesContract({ method: 'GET', url: '/v1/tokens/', status: 401, headers: json, body: err('unauthorized') });
  });

  test("public families answer PredictHQ's error shape, management paths the contract's", () => {
    const public403 = { method: 'GET', url: '/v1/places', status: 403, headers: json };
    assert.notDeepEqual(contractErrors({ ...public403, body: err('forbidden', { missing_scope: 'places' }) }), []);
    assert.deepEqual(contractErrors({ ...public403, body: { error: 'Bearer token scope insufficient' } }), []);
    assert.notDeepEqual(
      contractErrors({ method: 'GET', url: '/v1/tokens/', status: 401, headers: json, body: { error: 'x' } }),
      [],
    );
  });

  test('rejects a token that carries its value, lacks a field or has a bad id', () => {
    const bad = [
      { ...token, token: 'a'.repeat(43) },
      { ...token, last_used_at: undefined },
      { ...token, id: 'tok_short' },
      { ...token, scopes: ['not-a-scope'] },
    ];
    for (const body of bad) {
      assert.notDeepEqual(
        contractErrors({ method: 'GET', url: '/v1/tokens/tok_x/', status: 200, headers: json, body }),
        [],
      );
    }
  });

  test('rejects undocumented statuses, missing Retry-After on 429, wrong error codes and bodies on 204', () => {
    const cases = [
      { method: 'GET', url: '/v1/tokens/', status: 418, headers: json, body: err('server_error') },
      { method: 'GET', url: '/v1/tokens/', status: 429, headers: json, body: err('rate_limited') },
      { method: 'GET', url: '/v1/tokens/', status: 500, headers: json, body: err('unavailable') },
      { method: 'GET', url: '/v1/events/', status: 403, headers: json, body: err('forbidden') },
      { method: 'POST', url: '/v1/tokens/', status: 422, headers: json, body: err('validation_error') },
      { method: 'DELETE', url: '/v1/tokens/tok_x/', status: 204, headers: {}, body: { ok: true } },
      { method: 'PUT', url: '/v1/tokens/', status: 200, headers: json, body: {} },
      { method: 'GET', url: '/v1/nowhere/', status: 200, headers: json, body: {} },
      { method: 'GET', url: '/v1/nowhere/', status: 404, headers: json, body: { code: 'not_found' } },
      { method: 'GET', url: '/v1/account/', status: 200, headers: { 'content-type': 'text/html' }, body: {} },
    ];
    for (const c of cases) assert.notDeepEqual(contractErrors(c), [], `${c.method} ${c.url} ${c.status}`);
    assert.deepEqual(
      contractErrors({ ...cases[1]!, headers: { ...json, 'retry-after': '2' } }),
      [],
      'with Retry-After the 429 conforms',
    );
  });
});
