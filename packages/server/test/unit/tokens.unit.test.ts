import assert from 'node:assert/strict';
import { displayName } from '../../src/names';
import { preferredToken, rankTokens, tokenState } from '../../src/tokens';
import { token, tokensParams } from '../support/fixtures';

suite('tokens: ranking and names', () => {
  const narrow = token('a', 'Events only', ['events'], { lastUsedAt: '2026-05-01T00:00:00Z' });
  const wide = token('b', 'Everything', ['events', 'features', 'places']);
  const both = token('c', 'Events and features', ['events', 'features']);
  const gone = token('d', 'Lost value', ['events', 'features'], { valueAvailable: false });

  test('preferred = covers the file, then least privilege; tokens without a value are never preferred', () => {
    const s = tokenState(tokensParams([wide, gone, narrow, both]));
    assert.equal(preferredToken(s, new Set(['events']))?.id, 'a');
    assert.equal(preferredToken(s, new Set(['events', 'features']))?.id, 'c');
    assert.deepEqual(
      rankTokens(s, new Set(['features'])).map((t) => t.id),
      ['c', 'b', 'a'],
    );
    assert.equal(preferredToken(tokenState(tokensParams([narrow])), new Set(['places'])), undefined);
  });
  test('the chosen token wins among covering tokens', () => {
    const s = tokenState(tokensParams([narrow, wide], true, 'b'));
    assert.equal(preferredToken(s, new Set(['events']))?.id, 'b');
  });
  test('only known fields are kept (an extra field such as a value is dropped)', () => {
    const t = { ...narrow, value: 'should-not-be-kept' };
    const s = tokenState(tokensParams([t]));
    assert.ok(!('value' in s.tokens[0]!));
  });
  test('legacy "Client | Token" names', () => {
    assert.deepEqual(displayName('Acme | Prod'), { client: 'Acme', token: 'Prod' });
    assert.deepEqual(displayName('Prod'), { client: null, token: 'Prod' });
    assert.deepEqual(displayName('a | b | c'), { client: null, token: 'a | b | c' });
  });
});
