import * as assert from 'node:assert/strict';
import { changedWindow } from '../src/changedWindow';

/** Applies one change to a string (old offsets). */
const apply = (text: string, c: { rangeOffset: number; rangeLength: number; text: string }) =>
  text.slice(0, c.rangeOffset) + c.text + text.slice(c.rangeOffset + c.rangeLength);

suite('where a value can have come in', () => {
  const value = 'V'.repeat(43);

  test('an insertion: the window holds the inserted value', () => {
    const old = 'a'.repeat(1000) + 'Bearer $API_TOKEN' + 'b'.repeat(1000);
    const c = { rangeOffset: 1007, rangeLength: 10, text: value };
    const next = apply(old, c);
    const [lo, hi] = changedWindow({ contentChanges: [c] }, next.length, 43);
    assert.ok(next.slice(lo, hi).includes(value));
    assert.ok(hi - lo < 300, 'small window, not the whole file');
  });

  test('a value completed by its last typed character, or joined by a deletion', () => {
    const old = 'x'.repeat(500) + value.slice(0, 42) + 'y'.repeat(500);
    const typed = { rangeOffset: 542, rangeLength: 0, text: 'V' };
    const next = apply(old, typed);
    let [lo, hi] = changedWindow({ contentChanges: [typed] }, next.length, 43);
    assert.ok(next.slice(lo, hi).includes(value));
    const split = 'x'.repeat(500) + value.slice(0, 20) + 'ZZZ' + value.slice(20) + 'y'.repeat(500);
    const del = { rangeOffset: 520, rangeLength: 3, text: '' };
    const joined = apply(split, del);
    [lo, hi] = changedWindow({ contentChanges: [del] }, joined.length, 43);
    assert.ok(joined.slice(lo, hi).includes(value));
  });

  test('several changes (multi-cursor) are all covered; an empty event covers nothing', () => {
    const changes = [
      { rangeOffset: 900, rangeLength: 0, text: value },
      { rangeOffset: 100, rangeLength: 5, text: '' },
    ];
    const old = 'q'.repeat(2000);
    const next = apply(apply(old, changes[0]!), changes[1]!); // descending offsets, as VS Code sends them
    const [lo, hi] = changedWindow({ contentChanges: changes }, next.length, 43);
    assert.ok(next.slice(lo, hi).includes(value));
    assert.deepEqual(changedWindow({ contentChanges: [] }, 10, 43), [0, 0]);
  });
});
