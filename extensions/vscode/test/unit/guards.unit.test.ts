import * as assert from 'node:assert/strict';
import { isTreeNode } from '../../src/tree/nodes';
import { booleanProp, stringArrayProp, stringProp } from '../../src/util/guards';

suite('command argument guards', () => {
  test('read typed properties from unknown input', () => {
    assert.equal(stringProp({ tokenId: 'tok_x' }, 'tokenId'), 'tok_x');
    assert.equal(stringProp({ tokenId: 1 }, 'tokenId'), undefined);
    assert.equal(stringProp(undefined, 'tokenId'), undefined);
    assert.equal(stringProp(['tok_x'], '0'), undefined);
    assert.deepEqual(stringArrayProp({ scopes: ['events'] }, 'scopes'), ['events']);
    assert.equal(stringArrayProp({ scopes: ['events', 2] }, 'scopes'), undefined);
    assert.equal(booleanProp({ confirm: true }, 'confirm'), true);
    assert.equal(booleanProp({ confirm: 'yes' }, 'confirm'), undefined);
  });

  test('recognise tree nodes', () => {
    assert.equal(isTreeNode({ kind: 'account', sessionId: 's' }), true);
    assert.equal(isTreeNode({ kind: 'folder', sessionId: 's' }), false);
    assert.equal(isTreeNode({ kind: 'token' }), false);
    assert.equal(isTreeNode(null), false);
  });
});
