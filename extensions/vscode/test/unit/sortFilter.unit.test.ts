import * as assert from 'node:assert/strict';
import type { TokenMeta } from '@phq-tokens/core';
import { filterTokens, sortTokens } from '../../src/tree/sortFilter';
import { scopesSummary } from '../../src/tree/labels';

const t = (
  id: string,
  name: string,
  scopes: string[],
  createdAt: string,
  lastUsedAt: string | null = null,
): TokenMeta => ({
  id,
  name,
  scopes,
  createdAt,
  lastUsedAt,
});

const tokens = [
  t(
    'tok_a',
    'Analytics Pipeline | Nightly Export',
    ['events', 'features'],
    '2024-01-01T00:00:00Z',
    '2026-01-02T00:00:00Z',
  ),
  t('tok_b', 'Production Dashboard', ['events'], '2025-06-01T00:00:00Z', '2026-01-05T00:00:00Z'),
  t('tok_c', 'api client | alpha', ['places'], '2023-01-01T00:00:00Z'),
  t('tok_d', 'token 10', [], '2025-01-01T00:00:00Z'),
  t('tok_e', 'token 9', [], '2025-01-02T00:00:00Z'),
];

suite('tree sorting and filtering', () => {
  test('name order uses the token part of legacy names, case-insensitively and numerically', () => {
    assert.deepEqual(
      sortTokens(tokens, 'name').map((x) => x.id),
      ['tok_c', 'tok_a', 'tok_b', 'tok_e', 'tok_d'],
    );
  });

  test('created order is newest first; last-used puts never-used last', () => {
    assert.deepEqual(
      sortTokens(tokens, 'created').map((x) => x.id),
      ['tok_b', 'tok_e', 'tok_d', 'tok_a', 'tok_c'],
    );
    const used = sortTokens(tokens, 'lastUsed').map((x) => x.id);
    assert.deepEqual(used.slice(0, 2), ['tok_b', 'tok_a']);
  });

  test('filter words must all match name, client, id or scopes', () => {
    const none = () => false;
    assert.deepEqual(
      filterTokens(tokens, { text: 'NIGHTLY' }, none).map((x) => x.id),
      ['tok_a'],
    );
    assert.deepEqual(
      filterTokens(tokens, { text: 'analytics events' }, none).map((x) => x.id),
      ['tok_a'],
    );
    assert.deepEqual(
      filterTokens(tokens, { text: 'places' }, none).map((x) => x.id),
      ['tok_c'],
    );
    assert.deepEqual(
      filterTokens(tokens, { text: 'tok_d' }, none).map((x) => x.id),
      ['tok_d'],
    );
    assert.equal(filterTokens(tokens, { text: '  ' }, none).length, tokens.length);
    assert.equal(filterTokens(tokens, undefined, none).length, tokens.length);
  });

  test('stored-only filter', () => {
    assert.deepEqual(
      filterTokens(tokens, { text: '', storedOnly: true }, (id) => id === 'tok_b').map((x) => x.id),
      ['tok_b'],
    );
  });

  test('sorting does not mutate its input and handles 10,000 tokens', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      t(`tok_${i}`, `Client ${i % 7} | Token ${i}`, ['events'], new Date(i * 1000).toISOString()),
    );
    const copy = [...many];
    const sorted = sortTokens(many, 'name');
    assert.deepEqual(many, copy);
    assert.equal(sorted.length, 10_000);
    assert.equal(sorted[0]!.name, 'Client 0 | Token 0');
    assert.equal(filterTokens(many, { text: 'token 9999' }, () => false).length, 1);
  });

  test('scope summary', () => {
    const catalog = ['events', 'features'].map((id) => ({ id, label: id, description: '', pathPrefixes: [] }));
    assert.equal(scopesSummary(['events', 'features'], catalog), 'all scopes');
    assert.equal(scopesSummary([], catalog), 'no scopes');
    assert.equal(scopesSummary(['events'], catalog), 'events');
    assert.equal(scopesSummary(['events', 'places'], undefined), 'events, places');
    assert.equal(scopesSummary(['a', 'b', 'c', 'd', 'e'], undefined), '5 scopes');
    const eleven = 'abcdefghijk'.split('').map((id) => ({ id, label: id, description: '', pathPrefixes: [] }));
    assert.equal(scopesSummary(['a', 'b', 'c'], eleven), '3 of 11 scopes');
  });
});
