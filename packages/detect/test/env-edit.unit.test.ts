import assert from 'node:assert/strict';
import { envEdit, enclosingLiteral } from '../src/env-edit';

function apply(line: string, e: { start: number; end: number; newText: string }): string {
  return line.slice(0, e.start) + e.newText + line.slice(e.end);
}
function fix(line: string, placeholder: string, lang: string, ref: string): string {
  const start = line.indexOf(placeholder);
  return apply(line, envEdit(line, start, start + placeholder.length, lang, ref));
}

suite('envEdit: env reference in the file idiom', () => {
  test('python: a literal with a prefix is split and concatenated', () => {
    assert.equal(
      fix('h = {"Authorization": "Bearer $API_TOKEN"}', '$API_TOKEN', 'python', 'os.environ["PHQ_API_TOKEN"]'),
      'h = {"Authorization": "Bearer " + os.environ["PHQ_API_TOKEN"]}',
    );
  });
  test('python f-string keeps its prefix on the remaining piece', () => {
    assert.equal(
      fix("u = f'Bearer YOUR_API_TOKEN {x}'", 'YOUR_API_TOKEN', 'python', 'os.environ["T"]'),
      "u = f'Bearer ' + os.environ[\"T\"] + f' {x}'",
    );
  });
  test('a literal that is only the placeholder becomes the reference', () => {
    assert.equal(
      fix("token = 'YOUR_API_TOKEN'", 'YOUR_API_TOKEN', 'python', 'os.environ["T"]'),
      'token = os.environ["T"]',
    );
  });
  test('JS template literal interpolates', () => {
    assert.equal(
      fix('const h = `Bearer $API_TOKEN`;', '$API_TOKEN', 'typescript', 'process.env.PHQ_API_TOKEN'),
      'const h = `Bearer ${process.env.PHQ_API_TOKEN}`;',
    );
  });
  test('PHP concatenates with a dot', () => {
    assert.equal(fix('$h = "Bearer TOKEN";', 'TOKEN', 'php', "getenv('T')"), '$h = "Bearer " . getenv(\'T\');');
  });
  test('shell: in place; single quotes are closed around a double-quoted expansion', () => {
    assert.equal(
      fix('curl -H "Authorization: Bearer TOKEN"', 'TOKEN', 'shellscript', '$T'),
      'curl -H "Authorization: Bearer $T"',
    );
    assert.equal(
      fix("curl -H 'Authorization: Bearer TOKEN' x", 'TOKEN', 'shellscript', '$T'),
      `curl -H 'Authorization: Bearer '"$T"'' x`,
    );
  });
  test('outside a literal or in a text format, the placeholder is replaced in place', () => {
    assert.equal(
      fix('Authorization: Bearer {{TOKEN}}', '{{TOKEN}}', 'http', '{{PHQ_API_TOKEN}}'),
      'Authorization: Bearer {{PHQ_API_TOKEN}}',
    );
    assert.equal(fix('x = TOKEN', 'TOKEN', 'python', 'os.environ["T"]'), 'x = os.environ["T"]');
  });
  test('escaped quotes do not end a literal; identifiers are not string prefixes', () => {
    const line = 'a = "say \\"hi\\" $API_TOKEN"';
    const lit = enclosingLiteral(line, line.indexOf('$'), line.indexOf('$') + 10);
    assert.equal(lit?.open, 4);
    const l2 = 'call(abc"TOKEN")';
    assert.equal(enclosingLiteral(l2, 9, 14)?.from, 8);
  });
  test('an unterminated literal is left alone (plain replacement)', () => {
    assert.equal(fix('s = "Bearer TOKEN', 'TOKEN', 'python', 'R'), 's = "Bearer R');
  });
});
