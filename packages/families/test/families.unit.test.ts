// The one list of API families: consistent with itself, so every reader can trust it.
import assert from 'node:assert/strict';
import { API_FAMILIES, SCOPE_IDS, familyPrefixes, isScopeId } from '../src';

suite('API families (unit)', () => {
  test('eleven families with unique ids, each probe on one of its own documented endpoints', () => {
    assert.equal(API_FAMILIES.length, 11);
    assert.equal(new Set(SCOPE_IDS).size, 11);
    for (const f of API_FAMILIES) {
      assert.ok(
        f.endpoints.some((e) => e.method === f.probe.method && e.path === f.probe.path),
        `${f.id}: the probe uses a documented endpoint`,
      );
      for (const e of f.endpoints) assert.ok(e.path.startsWith(f.pathPrefixes[0]!), `${f.id}: ${e.path}`);
      assert.ok(f.probe.why.length > 20, `${f.id}: the probe says why it is safe`);
      assert.equal(f.probe.inferred, f.endpoints.find((e) => e.path === f.probe.path)?.required !== undefined);
    }
  });

  test('catalog prefixes end in a slash; isScopeId accepts ids only', () => {
    assert.deepEqual(familyPrefixes(API_FAMILIES[0]!), ['/v1/events/']);
    assert.ok(isScopeId('saved-locations'));
    assert.ok(!isScopeId('Events'));
    assert.ok(!isScopeId(undefined));
  });
});
