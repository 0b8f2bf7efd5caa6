// Positions of an unopened file's findings without a line table: the same answers as the
// document's BlockText, for offsets asked in order, out of order, at line ends and past the end.
import assert from 'node:assert/strict';
import { BlockText } from '../../src/blockText';
import { positionsFor } from '../../src/sparsePositions';

suite('sparse positions (unit)', () => {
  test('equal to BlockText for every kind of offset', () => {
    let seed = 7;
    const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (const nl of ['\n', '\r\n', '\r']) {
      const lines = Array.from({ length: 300 }, (_, i) => 'x'.repeat(rnd(40)) + (i % 7 === 0 ? '' : `line ${i}`));
      const text = lines.join(nl);
      const offsets = Array.from({ length: 200 }, () => rnd(text.length + 5));
      const sorted = [...offsets].sort((a, b) => a - b);
      const expected = new BlockText(text);
      for (const order of [sorted, offsets, [0, text.length, 3, text.length + 10]]) {
        const got = positionsFor(text);
        for (const o of order) assert.deepEqual(got.positionAt(o), expected.positionAt(o), `offset ${o}`);
      }
    }
  });
});
