import assert from 'node:assert/strict';
import {
  PhqError,
  formatTokenName,
  parseTokenName,
  validateScopes,
  validateTokenId,
  validateTokenName,
  type ScopeInfo,
} from '../src';

const catalog: ScopeInfo[] = ['events', 'features', 'places'].map((id) => ({
  id,
  label: id,
  description: '',
  pathPrefixes: [`/v1/${id}/`],
}));

function validationField(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof PhqError);
    assert.equal(e.kind, 'validation');
    return e.field;
  }
  assert.fail('expected a validation error');
}

suite('token names (unit)', () => {
  test('legacy names split into client and token, trimmed', () => {
    assert.deepEqual(parseTokenName('Analytics Pipeline | Nightly Export'), {
      client: 'Analytics Pipeline',
      token: 'Nightly Export',
    });
    assert.deepEqual(parseTokenName('a|b'), { client: 'a', token: 'b' });
  });

  test('names without exactly one usable | are plain names', () => {
    assert.deepEqual(parseTokenName(' CI deploy '), { client: null, token: 'CI deploy' });
    assert.deepEqual(parseTokenName('a | '), { client: null, token: 'a |' });
    assert.deepEqual(parseTokenName('a | b | c'), { client: null, token: 'a | b | c' });
  });

  test('format is the inverse of parse', () => {
    for (const name of ['Analytics Pipeline | Nightly Export', 'CI deploy']) {
      assert.equal(formatTokenName(parseTokenName(name)), name);
    }
    assert.equal(formatTokenName({ client: ' Web ', token: ' Prod ' }), 'Web | Prod');
  });

  test('validateTokenName trims and accepts 1..100 characters and legacy names', () => {
    assert.equal(validateTokenName('  ok  '), 'ok');
    assert.equal(validateTokenName('x'.repeat(100)), 'x'.repeat(100));
    assert.equal(validateTokenName('Client | Token'), 'Client | Token');
  });

  test('validateTokenName refuses empty, too long, control characters and bad legacy forms', () => {
    for (const bad of ['', '   ', 'x'.repeat(101), 'a\nb', 'tab\there', 'a |', '| b', 'a | b | c', 42]) {
      assert.equal(
        validationField(() => validateTokenName(bad)),
        'name',
        JSON.stringify(bad),
      );
    }
  });

  test('validateScopes keeps catalog order, removes duplicates, refuses unknown and empty', () => {
    assert.deepEqual(validateScopes(['places', 'events', 'places'], catalog), ['events', 'places']);
    assert.equal(
      validationField(() => validateScopes(['nope'], catalog)),
      'scopes',
    );
    assert.equal(
      validationField(() => validateScopes([], catalog)),
      'scopes',
    );
  });

  test('an unknown scope that is not scope-shaped is not echoed', () => {
    const pasted = 'A'.repeat(20) + '_b-c' + 'z'.repeat(19);
    try {
      validateScopes([pasted], catalog);
      assert.fail('expected an error');
    } catch (e) {
      assert.ok(e instanceof PhqError);
      assert.ok(!e.message.includes(pasted.slice(0, 10)));
    }
  });

  test('validateTokenId checks the tok_ + 20 base62 format', () => {
    assert.equal(validateTokenId('tok_' + 'aB3'.repeat(6) + 'xy'), 'tok_' + 'aB3'.repeat(6) + 'xy');
    for (const bad of ['tok_short', '../v1/account', 'tok_' + 'a'.repeat(21), 'TOK_' + 'a'.repeat(20)]) {
      assert.equal(
        validationField(() => validateTokenId(bad)),
        'id',
      );
    }
  });
});
