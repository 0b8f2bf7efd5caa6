import assert from 'node:assert/strict';
import { PhqError } from '../src';
import { parseCreatedToken, parsePage, parseToken, parseWireError } from '../src/wire';

suite('wire parsing (unit)', () => {
  const wireToken = {
    id: 'tok_' + 'a'.repeat(20),
    name: 'Client | Token',
    scopes: ['events'],
    created_at: '2026-01-01T00:00:00Z',
    last_used_at: null,
  };

  test('snake_case becomes camelCase', () => {
    assert.deepEqual(parseToken(wireToken), {
      id: wireToken.id,
      name: 'Client | Token',
      scopes: ['events'],
      createdAt: '2026-01-01T00:00:00Z',
      lastUsedAt: null,
    });
  });

  test('bad shapes are bad-response errors', () => {
    const bads: unknown[] = [null, [], 'x', { ...wireToken, scopes: 'events' }, { ...wireToken, created_at: 1 }];
    for (const b of bads) {
      assert.throws(
        () => parseToken(b),
        (e: unknown) => e instanceof PhqError && e.kind === 'bad-response',
      );
    }
    assert.throws(() => parseCreatedToken(wireToken), PhqError);
    assert.throws(() => parsePage({ count: -1, results: [] }, parseToken, 'list'), PhqError);
  });

  test('error bodies are read leniently', () => {
    assert.deepEqual(
      parseWireError({ code: 'forbidden', message: 'm', missing_scope: 'events', request_id: 'req_1' }),
      {
        code: 'forbidden',
        message: 'm',
        field: undefined,
        missingScope: 'events',
        requestId: 'req_1',
      },
    );
    assert.deepEqual(parseWireError('<html>'), {});
  });
});
