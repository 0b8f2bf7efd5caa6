// BlockText must answer exactly like vscode-languageserver-textdocument, edit after edit.
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { BlockText } from '../../src/blockText';

function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 2 ** 32;
  };
}
const PIECES = [
  '\n',
  '\r\n',
  '\r',
  'a',
  'bc',
  ' Bearer $API_TOKEN ',
  '😀',
  '\ud800',
  'x'.repeat(5000),
  'line\n'.repeat(900),
];

suite('BlockText', () => {
  test('agrees with TextDocument on offsets, positions and text across 3000 random edits', () => {
    const rnd = rng(12345);
    const int = (n: number) => Math.floor(rnd() * n);
    let text = 'start\r\n' + 'hello world\n'.repeat(2000);
    const doc = TextDocument.create('file:///x', 'plaintext', 1, text);
    const bt = new BlockText(text);
    for (let i = 0; i < 3000; i++) {
      const pos = () => ({ line: int(doc.lineCount + 2) - 1, character: int(60) - 2 });
      let a = pos();
      let b = rnd() < 0.5 ? a : pos();
      if (a.line > b.line || (a.line === b.line && a.character > b.character)) [a, b] = [b, a];
      let ins = '';
      for (let k = int(4); k > 0; k--) ins += PIECES[int(PIECES.length)]!;
      if (doc.getText().length > 200_000) ins = '';
      const s = doc.offsetAt(a);
      const e = doc.offsetAt(b);
      assert.equal(bt.offsetAt(a), s);
      assert.equal(bt.offsetAt(b), e);
      TextDocument.update(doc, [{ range: { start: a, end: b }, text: ins }], i + 2);
      bt.replace(s, e, ins);
      text = doc.getText();
      assert.equal(bt.length, text.length);
      assert.equal(bt.lineCount, doc.lineCount);
      for (let k = 0; k < 5; k++) {
        const o = int(text.length + 3) - 1;
        assert.deepEqual(bt.positionAt(o), doc.positionAt(o), `positionAt(${o}) after edit ${i}`);
        const p = pos();
        assert.equal(bt.offsetAt(p), doc.offsetAt(p));
        const line = int(doc.lineCount);
        const lineEnd = doc.positionAt(doc.offsetAt({ line: line + 1, character: 0 }));
        const expectedLine = doc.getText({
          start: { line, character: 0 },
          end: line + 1 < doc.lineCount ? lineEnd : { line, character: 1e9 },
        });
        assert.equal(bt.lineText(line), expectedLine.replace(/(\r\n|\r|\n)$/, ''));
      }
    }
    assert.equal(bt.getText(), doc.getText());
  });
  test('an empty document and a document emptied by an edit', () => {
    const bt = new BlockText('');
    assert.equal(bt.lineCount, 1);
    assert.deepEqual(bt.positionAt(5), { line: 0, character: 0 });
    bt.replace(0, 0, 'a\nb');
    assert.deepEqual(bt.positionAt(3), { line: 1, character: 1 });
    bt.replace(0, 3, '');
    assert.equal(bt.getText(), '');
    assert.equal(bt.offsetAt({ line: 3, character: 3 }), 0);
  });
});
