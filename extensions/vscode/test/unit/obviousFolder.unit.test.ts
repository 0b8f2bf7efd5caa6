import * as assert from 'node:assert/strict';
import { obviousFolder } from '../../src/tokens/obviousFolder';

suite('which folder a .env goes to (unit)', () => {
  test("the active editor's folder, else the only folder; several and no editor in one: ask", () => {
    assert.equal(obviousFolder(['alpha', 'beta'], 'beta'), 'beta');
    assert.equal(obviousFolder(['alpha'], undefined), 'alpha');
    assert.equal(obviousFolder(['alpha', 'beta'], undefined), 'ask', 'not silently the first folder');
    assert.equal(obviousFolder([], undefined), undefined);
  });
});
