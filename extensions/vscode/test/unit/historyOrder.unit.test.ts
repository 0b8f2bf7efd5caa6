import * as assert from 'node:assert/strict';
import { orderFindings } from '../../src/history/order';

suite('Scan Git History order (unit)', () => {
  test('tokens before placeholders; a token removed but still in history first', () => {
    const found = [
      { id: 'p1', kind: 'placeholder', inHead: true },
      { id: 'p2', kind: 'placeholder', inHead: true },
      { id: 'e1', kind: 'endpoint', inHead: true },
      { id: 'h-head', kind: 'hardcoded-token', inHead: true },
      { id: 'p3', kind: 'placeholder', inHead: false },
      { id: 'h-gone', kind: 'hardcoded-token', inHead: false },
      { id: 'k-gone', kind: 'known-token', inHead: false },
    ];
    assert.deepEqual(
      orderFindings(found).map((f) => f.id),
      ['h-gone', 'k-gone', 'h-head', 'e1', 'p1', 'p2', 'p3'],
    );
  });
});
