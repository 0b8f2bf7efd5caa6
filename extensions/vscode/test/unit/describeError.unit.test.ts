import * as assert from 'node:assert/strict';
import { PhqError } from '@phq-tokens/core';
import { CancelledError, describeError } from '../../src/errors/describe';

suite('error messages and actions', () => {
  test('401 offers Sign In', () => {
    const v = describeError(new PhqError('unauthorized', 'x', { status: 401 }), 'load the tokens');
    assert.match(v.message, /^Could not load the tokens: .*Sign in again\./);
    assert.deepEqual(v.actions, ['Sign In', 'Show Logs']);
  });

  test('403 names the missing scope when the server names it', () => {
    const v = describeError(new PhqError('forbidden', 'x', { status: 403, missingScope: 'events' }), 'verify');
    assert.match(v.message, /lacks the "events" scope/);
    assert.match(describeError(new PhqError('forbidden', 'Nope.', { status: 403 }), 'x').message, /403 Forbidden/);
  });

  test('429 says rate limited, with the wait, and offers Retry', () => {
    const v = describeError(new PhqError('rate-limited', 'x', { status: 429, retryAfterMs: 2500 }), 'create the token');
    assert.match(
      v.message,
      /rate limiting.*Try again after \d\d?:\d\d:\d\d/,
      'a time, not "in 3 s" (stale once shown)',
    );
    assert.doesNotMatch(v.message, /in \d+ s/);
    assert.deepEqual(v.actions, ['Retry', 'Show Logs']);
  });

  test('a create that may have made a token anyway names it, says how to find and delete it, and offers no Retry', () => {
    for (const kind of ['bad-response', 'server', 'conflict'] as const) {
      const v = describeError(new PhqError(kind, 'x', { possiblyCreated: 'CI | Nightly' }), 'create the token');
      assert.match(v.message, /A token named "CI \| Nightly" may have been created anyway/, kind);
      assert.match(v.message, /refresh the API Tokens view.*delete it/, kind);
      assert.ok(!v.actions.includes('Retry'), kind);
      assert.ok(v.actions.includes('Show Logs'), kind);
    }
  });

  test('network, timeout and 5xx offer Retry', () => {
    for (const kind of ['network', 'timeout', 'server'] as const)
      assert.deepEqual(describeError(new PhqError(kind, 'x'), 'y').actions, ['Retry', 'Show Logs'], kind);
  });

  test('network failures name the host and say why (a refused connection, a lookup that failed)', () => {
    const refused = describeError(
      new PhqError('network', 'x', { host: 'api.predicthq.com', causeCode: 'ECONNREFUSED' }),
      'add the token',
    );
    assert.equal(
      refused.message,
      'Could not add the token: the PredictHQ API at api.predicthq.com could not be reached (connection refused).',
    );
    const dns = describeError(new PhqError('network', 'x', { host: 'api.predicthq.com', causeCode: 'ENOTFOUND' }), 'y');
    assert.match(dns.message, /at api\.predicthq\.com could not be reached \(host not found\)/);
    const late = describeError(new PhqError('timeout', 'x', { host: '127.0.0.1:9' }), 'y');
    assert.match(late.message, /at 127\.0\.0\.1:9 could not be reached \(timed out\)/);
  });

  test('validation shows the message; other errors get Show Logs', () => {
    const v = describeError(
      new PhqError('validation', 'A token name cannot be empty.', { field: 'name' }),
      'create the token',
    );
    assert.equal(v.message, 'Could not create the token: A token name cannot be empty.');
    assert.deepEqual(describeError(new Error('boom'), 'x').actions, ['Show Logs']);
    assert.match(describeError('odd', 'x').message, /odd/);
  });

  test('cancellation is silent', () => {
    assert.equal(describeError(new CancelledError(), 'x').silent, true);
    assert.equal(describeError(new PhqError('cancelled', 'x'), 'x').silent, true);
  });
});
