// The one-pass test that lets Scan Workspace skip redaction for texts that cannot hold a piece
// of a stored value: it may say "maybe" wrongly, never "no" wrongly. Values are generated here.
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { PARTIAL_MIN, redactValues } from '@phq-tokens/protocol';
import { valueFilter } from '../../src/lsp/valueFilter';

suite('value filter before redaction', () => {
  const values = Array.from({ length: 4 }, (_, i) => ({
    tokenId: `t${i}`,
    value: randomBytes(32).toString('base64url'),
  }));

  test('no value stored: no filter (nothing to redact)', () => {
    assert.equal(valueFilter([]), undefined);
  });

  test('every piece of PARTIAL_MIN or more characters, anywhere, is a "maybe"', () => {
    const may = valueFilter(values)!;
    const filler = 'const x = 1; // some code around it\n'.repeat(20);
    for (const { value } of values)
      for (let j = 0; j + PARTIAL_MIN <= value.length; j += 3)
        for (const len of [PARTIAL_MIN, PARTIAL_MIN + 4, value.length - j]) {
          const piece = value.slice(j, j + len);
          for (const at of [0, 7, filler.length]) {
            const text = filler.slice(0, at) + piece + filler.slice(at);
            assert.equal(may(text), true, `piece at ${j}, ${len} long, placed at ${at}`);
          }
        }
  });

  test('a "no" is always right: redaction would not change the text', () => {
    const may = valueFilter(values)!;
    let no = 0;
    for (let i = 0; i < 300; i++) {
      const text = randomBytes(200 + i).toString('base64url') + '\n' + 'def f(x):\n    return x\n'.repeat(i % 5);
      if (!may(text)) {
        no++;
        assert.equal(redactValues(text, values), text);
      }
    }
    assert.ok(no > 250, `${no} of 300 random texts passed over`);
    assert.equal(may('short'), false);
  });

  test('a value shorter than PARTIAL_MIN: every text goes to redaction', () => {
    const may = valueFilter([{ tokenId: 'x', value: 'abc' }])!;
    assert.equal(may('nothing like it'), true);
  });
});
