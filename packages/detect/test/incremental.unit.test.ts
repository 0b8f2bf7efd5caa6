// The incremental scanner must equal a fresh scan after every edit, and a scan that skips
// lines must equal one that lexes every line. Random documents are built from fragments
// that open and close every multi-line construct, so edits keep changing lexer states.
import assert from 'node:assert/strict';
import { DocumentScanner, scan } from '../src';
import { scanWith } from '../src/scan';
import { fakeToken } from './helpers';

function prng(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) / 4294967296) * n;
  };
}

const T = fakeToken();
const FRAGMENTS = [
  'const a = "Bearer $API_TOKEN";\n',
  '`x ${',
  '}`\n',
  '/*',
  '*/',
  '\n',
  "'",
  '"',
  `token = "${T}"\n`,
  '# phq-ignore-next-line\n',
  '// phq-ignore\n',
  'x = "/v1/events/"\n',
  '{API_TOKEN}',
  '"""',
  "'''",
  'f"',
  '```python\n',
  '```\n',
  '<<EOF\n',
  'EOF\n',
  '  run: |\n',
  'key: $API_TOKEN\n',
  'é🎉',
  '\r\n',
  // A value on the line below, a file named in prose before an untagged fence, a value followed to its sink.
  'PHQ_TOKEN = os.environ.get("PHQ_TOKEN") or \\\n',
  'phqKey: process.env.PHQ_KEY ||\n',
  `  "${T}"\n`,
  'Create `.env`:\n',
  'PHQ_API_TOKEN=changeme\n',
  `const k = "${T}";\n`,
  'h = `Bearer ${k}` // predicthq\n',
];
const LANGS = [
  'javascript',
  'python',
  'shellscript',
  'markdown',
  'yaml',
  'go',
  'csharp',
  'rust',
  'ruby',
  'json',
  'dotenv',
];

function randomText(rnd: (n: number) => number, pieces: number): string {
  let text = '';
  for (let i = 0; i < pieces; i++) text += FRAGMENTS[Math.floor(rnd(FRAGMENTS.length))];
  return text;
}

suite('DocumentScanner', () => {
  for (const languageId of LANGS) {
    test(`${languageId}: equals a fresh scan after each of 150 random edits`, () => {
      const rnd = prng(languageId.length * 7919);
      const ds = new DocumentScanner(randomText(rnd, 2500), { languageId });
      assert.deepEqual(ds.findings(), scan(ds.text, { languageId }));
      for (let e = 0; e < 150; e++) {
        const len = ds.text.length;
        const start = Math.floor(rnd(len + 1));
        const end = Math.min(len, start + Math.floor(rnd(e % 10 === 0 ? 3000 : 25)));
        const insert = rnd(3) < 2 ? randomText(rnd, 1 + Math.floor(rnd(e % 15 === 0 ? 200 : 3))) : '';
        ds.applyEdit(start, end, insert);
        assert.deepEqual(ds.findings(), scan(ds.text, { languageId }), `edit ${e} at ${start}-${end}`);
      }
    });
  }

  test('text, setOptions, and edits at the very start and end', () => {
    const ds = new DocumentScanner('a = "Bearer $API_TOKEN"\n', { languageId: 'python' });
    assert.equal(ds.findings().length, 1);
    ds.applyEdit(0, 0, '# phq-ignore-next-line\n');
    assert.equal(ds.findings().length, 0);
    ds.applyEdit(ds.text.length, ds.text.length, 'b = "Bearer {api_token}"');
    assert.equal(ds.text, '# phq-ignore-next-line\na = "Bearer $API_TOKEN"\nb = "Bearer {api_token}"');
    assert.deepEqual(
      ds.findings().map((f) => f.range.start.line),
      [2],
    );
    ds.setOptions({ languageId: 'python', severities: { placeholder: 'off' } });
    assert.deepEqual(ds.findings(), []);
    ds.applyEdit(0, ds.text.length, '');
    assert.equal(ds.text, '');
    assert.deepEqual(ds.findings(), []);
  });

  test('a large document: one-character edits shift later findings', () => {
    const line = 'const h = { Authorization: "Bearer $API_TOKEN" };\n'.padEnd(60, ' ');
    const text = `${'x = 1;\n'.repeat(2000)}${line.repeat(200)}`;
    const ds = new DocumentScanner(text, { languageId: 'javascript' });
    ds.applyEdit(10, 10, '\n`');
    assert.deepEqual(ds.findings(), scan(ds.text, { languageId: 'javascript' }));
    ds.applyEdit(11, 12, '');
    assert.deepEqual(ds.findings(), scan(text.slice(0, 10) + '\n' + text.slice(10), { languageId: 'javascript' }));
  });
});

suite('skipping lines is exact', () => {
  for (const languageId of LANGS) {
    test(`${languageId}: same findings as lexing every line`, () => {
      const rnd = prng(languageId.length * 104729);
      for (let i = 0; i < 20; i++) {
        const text = randomText(rnd, 400);
        assert.deepEqual(scanWith(text, { languageId }, false), scanWith(text, { languageId }, true));
      }
    });
  }
});
