// Tokens on this machine as the rest of the extension and the language server see them.
import * as assert from 'node:assert/strict';
import { grantedOf, serverFields, toTokenMeta, unknownOf, type LocalToken } from '../../src/tokens/localTokens';

const base: LocalToken = {
  id: 'tok_AAAAAAAAAAAAAAAAAAAA',
  name: 'Notebook | Events',
  addedAt: '2026-11-01T10:00:00.000Z',
  fingerprint: 'sha256:00',
  probe: {
    checkedAt: '2026-11-02T10:00:00.000Z',
    subscriptionExpired: false,
    families: [
      { scope: 'events', state: 'granted', status: 200, inferred: false },
      { scope: 'features', state: 'missing', status: 403, inferred: false },
      { scope: 'places', state: 'unknown', status: 503, inferred: false },
      { scope: 'demand-surge', state: 'granted', status: 422, inferred: true },
    ],
  },
};

suite('tokens on this machine (unit)', () => {
  test('granted scopes are the token scopes; unknown ones are kept apart; missing ones dropped', () => {
    assert.deepEqual(grantedOf(base), ['events', 'demand-surge']);
    assert.deepEqual(unknownOf(base), ['places']);
    assert.deepEqual(toTokenMeta(base), {
      id: base.id,
      name: base.name,
      scopes: ['events', 'demand-surge'],
      createdAt: base.addedAt,
      lastUsedAt: null,
    });
  });

  test('the server learns unknown scopes and the revoked mark, nothing else', () => {
    assert.deepEqual(serverFields(base), { unknownScopes: ['places'] });
    assert.deepEqual(serverFields({ ...base, revokedAt: '2026-11-03T00:00:00.000Z' }), {
      unknownScopes: ['places'],
      revoked: true,
    });
    const settled = { ...base, probe: { ...base.probe, families: base.probe.families.slice(0, 2) } };
    assert.deepEqual(serverFields(settled), {});
    assert.deepEqual(serverFields(undefined), {});
  });
});
