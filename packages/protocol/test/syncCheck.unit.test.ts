import * as assert from 'node:assert/strict';
import { changeCarriesValue, redactValues, syncedMatches, valueStandIn, type KnownValue } from '../src/index';

interface Change {
  rangeOffset: number;
  rangeLength: number;
  text: string;
}
/** Applies changes in order, each against the text the previous ones left (as LSP does). */
const apply = (text: string, changes: readonly Change[]) =>
  changes.reduce((t, c) => t.slice(0, c.rangeOffset) + c.text + t.slice(c.rangeOffset + c.rangeLength), text);

/** The client's rule (extensions/vscode/src/lsp/redactingSync.ts) on plain strings: what the server then holds. */
function sync(server: string, changes: Change[], text: string, values: KnownValue[]): string {
  const e = { contentChanges: changes };
  if (!changeCarriesValue(e, text, values)) {
    const passed = apply(server, changes);
    if (syncedMatches(e, passed, text, values)) return passed;
  }
  return redactValues(text, values);
}

/** mulberry32: a failing seed replays exactly. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

suite('the server copy stays the editor text, redacted', () => {
  // Obviously fake, token-shaped (43 base64url characters), sharing an "SS" with the placeholder.
  const value = 'FAKEtokenSSxqwertyzzFAKEFAKEFAKE12345abcdef';
  const values = [{ tokenId: 'tok_1', value }];

  test('an undo that keeps characters of the value is not passed through as it is', () => {
    const before = 'h = "Bearer $ACCESS_TOKEN"';
    const at = before.indexOf('$');
    const withValue = before.slice(0, at) + value + before.slice(at + 13);
    const server = redactValues(withValue, values);
    // The undo as a character-level diff: "$ACCE" and "_TOKEN" rewritten, the value's "SS" kept.
    const ss = value.indexOf('SS');
    const undo: Change[] = [
      { rangeOffset: at + ss + 2, rangeLength: value.length - ss - 2, text: '_TOKEN' },
      { rangeOffset: at, rangeLength: ss, text: '$ACCE' },
    ];
    const text = apply(withValue, undo);
    assert.equal(text, before);
    assert.equal(changeCarriesValue({ contentChanges: undo }, text, values), false, 'no value comes in');
    const passed = apply(server, undo);
    assert.notEqual(passed, before, 'passed through, the server would hold stand-in characters');
    assert.equal(syncedMatches({ contentChanges: undo }, passed, text, values), false);
    assert.equal(sync(server, undo, text, values), before);
  });

  test('typing away from a value passes through', () => {
    const text = `x = "${value}"\n` + 'y'.repeat(500);
    const server = redactValues(text, values);
    const c: Change[] = [{ rangeOffset: 400, rangeLength: 0, text: 'z' }];
    const next = apply(text, c);
    assert.equal(syncedMatches({ contentChanges: c }, apply(server, c), next, values), true);
  });

  test('random edits, multi-change events and undos: after each, the server holds the text redacted', () => {
    const standIn = valueStandIn('tok_1', value.length);
    const pieces = ['"Bearer $ACCESS_TOKEN"', 'S', 'SS', '\n', 'x', value, standIn, '$API_TOKEN'];
    for (let seed = 1; seed <= 200; seed++) {
      const rnd = prng(seed);
      const int = (n: number) => Math.floor(rnd() * n);
      let text = 'const r = fetch(url, { headers: { Authorization: "Bearer $ACCESS_TOKEN" } });\n';
      let server = redactValues(text, values);
      const undo: Change[][] = [];
      for (let step = 0; step < 60; step++) {
        let changes: Change[];
        if (rnd() < 0.25 && undo.length) {
          changes = undo.pop()!;
        } else {
          // One to three changes at distinct places, sent bottom to top as VS Code does.
          const n = 1 + int(3);
          const points = Array.from({ length: 2 * n }, () => int(text.length + 1)).sort((a, b) => b - a);
          changes = [];
          for (let k = 0; k < n; k++) {
            const end = points[2 * k]!;
            const start = rnd() < 0.5 ? end : points[2 * k + 1]!;
            let insert = rnd() < 0.3 ? '' : pieces[int(pieces.length)]!;
            if (rnd() < 0.2) insert = value.slice(int(43), 43 - int(20));
            changes.push({ rangeOffset: start, rangeLength: end - start, text: insert });
          }
          // The inverse, for a later undo: top to bottom against the text after the changes.
          let shift = 0;
          const inverse: Change[] = [];
          for (const c of [...changes].reverse()) {
            inverse.push({
              rangeOffset: c.rangeOffset + shift,
              rangeLength: c.text.length,
              text: text.slice(c.rangeOffset, c.rangeOffset + c.rangeLength),
            });
            shift += c.text.length - c.rangeLength;
          }
          undo.push(inverse.reverse());
        }
        text = apply(text, changes);
        server = sync(server, changes, text, values);
        assert.equal(server, redactValues(text, values), `seed ${seed}, step ${step}`);
      }
    }
  });
});
