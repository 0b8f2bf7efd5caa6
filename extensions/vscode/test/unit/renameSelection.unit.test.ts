import * as assert from 'node:assert/strict';
import { renameSelection } from '../../src/tree/renameSelection';

suite('rename selection', () => {
  test('selects only the token part of a legacy name, so the client prefix is kept', () => {
    const legacy = 'Analytics Pipeline | Nightly Export';
    const [start, end] = renameSelection(legacy);
    assert.equal(legacy.slice(start, end), 'Nightly Export');
    assert.equal(legacy.slice(0, start), 'Analytics Pipeline | ');
  });

  test('selects all of a plain name, and the token part when both parts are equal', () => {
    assert.deepEqual(renameSelection('Production Dashboard'), [0, 'Production Dashboard'.length]);
    assert.deepEqual(renameSelection('Same | Same'), [7, 11]);
  });
});
