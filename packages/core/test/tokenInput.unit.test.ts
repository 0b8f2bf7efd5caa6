// Pasted token values: what is trimmed, what is refused, and that no message repeats the value.
import assert from 'node:assert/strict';
import { cleanTokenInput } from '../src';

const FAKE = 'FAKEfakeFAKEfakeFAKEfakeFAKEfakeFAKEfake123';

suite('cleanTokenInput (unit)', () => {
  test('trims whitespace, one pair of quotes and a copied "Bearer " prefix', () => {
    for (const raw of [
      FAKE,
      `  ${FAKE}\n`,
      `"${FAKE}"`,
      `'${FAKE}'`,
      `\u201c${FAKE}\u201d`,
      `Bearer ${FAKE}`,
      `Authorization: Bearer ${FAKE}`,
      ` "Bearer ${FAKE}" `,
    ])
      assert.deepEqual(cleanTokenInput(raw), { ok: true, value: FAKE }, JSON.stringify(raw));
  });

  test('refuses empty, multi-line, spaced, over-long and non-ASCII input without echoing it', () => {
    const cases: [string, RegExp][] = [
      ['', /empty/],
      ['   \t ', /empty/],
      ['""', /empty/],
      [`${FAKE}\n${FAKE}`, /several lines/],
      [`${FAKE}\r${FAKE}`, /several lines/],
      [`${FAKE} ${FAKE}`, /spaces/],
      ['x'.repeat(10 * 1024), /too long/],
      [`${FAKE}é`, /characters a token never has/],
      [`phqm_${FAKE}`, /management credential/],
    ];
    for (const [raw, why] of cases) {
      const r = cleanTokenInput(raw);
      assert.equal(r.ok, false, JSON.stringify(raw.slice(0, 20)));
      if (!r.ok) {
        assert.match(r.message, why);
        assert.ok(!r.message.includes(FAKE), 'the message never repeats the value');
      }
    }
  });
});
