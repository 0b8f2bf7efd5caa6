// One definition of a line break for every front end, LSP's: "\n", "\r\n" and a lone "\r".
import assert from 'node:assert/strict';
import { DocumentScanner, scan } from '../src';

/** Line and UTF-16 column of `offset`, counting breaks as LSP does (independent of the engine). */
function lspPosition(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      start = i + 1;
    }
  }
  return { line, character: offset - start };
}

suite('line breaks', () => {
  const texts = [
    'a = 1\rb = 2\rh = {"Authorization": "Bearer $API_TOKEN"}\r',
    'a = 1\r\nb = 2\rc = 3\nh = "Bearer {TOKEN}"\r\r\nx = "<api_token>"',
    '\r\r\r# phq-ignore-next-line\rh = "Bearer $API_TOKEN"\rk = "Bearer $API_TOKEN"',
  ];
  for (const [i, text] of texts.entries()) {
    test(`a lone \\r is a line break (${i + 1})`, () => {
      const f = scan(text, { languageId: 'python' });
      assert.ok(f.length > 0);
      for (const x of f) assert.deepEqual(x.range.start, lspPosition(text, x.offset));
      assert.deepEqual(new DocumentScanner(text, { languageId: 'python' }).findings(), f);
    });
  }

  test('edits that join or split \\r\\n pairs keep DocumentScanner equal to scan', () => {
    const ds = new DocumentScanner('a = 1\r\nh = "Bearer $API_TOKEN"\rk = "Bearer {TOKEN}"\n', {
      languageId: 'python',
    });
    ds.applyEdit(6, 7, ''); // "\r\n" -> "\r"
    assert.deepEqual(ds.findings(), scan(ds.text, { languageId: 'python' }));
    ds.applyEdit(5, 5, 'x'); // "1\r" -> "1x\r"
    assert.deepEqual(ds.findings(), scan(ds.text, { languageId: 'python' }));
    ds.applyEdit(ds.text.indexOf('\rk') + 1, ds.text.indexOf('\rk') + 1, '\n'); // "\r" -> "\r\n"
    assert.deepEqual(ds.findings(), scan(ds.text, { languageId: 'python' }));
    assert.equal(ds.findings()[1]!.range.start.line, 2);
  });
});
