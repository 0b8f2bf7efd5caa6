import assert from 'node:assert/strict';
import { completionSite } from '../../src/completionContext';
import { finding } from '../support/fixtures';

function site(line: string, cursorMarker = '|', isDotenv = false, findings: ReturnType<typeof finding>[] = []) {
  const character = line.indexOf(cursorMarker);
  const text = line.replace(cursorMarker, '');
  const s = completionSite(text, character, 0, findings, isDotenv);
  return s && text.slice(s.start, s.end);
}

suite('completion sites', () => {
  test('inside a placeholder: its whole range', () => {
    const text = 'h = "Bearer $API_TOKEN"';
    const f = finding('placeholder', text, '$API_TOKEN');
    const s = completionSite(text, text.indexOf('API'), 0, [f], false);
    assert.equal(s?.placeholder, f);
    assert.equal(text.slice(s!.start, s!.end), '$API_TOKEN');
  });
  test('after Bearer, as a token/api-key value, in .env', () => {
    assert.equal(site('h = "Bearer |"'), '');
    assert.equal(site('h = "Bearer ab|c"'), 'abc');
    assert.equal(site('api_key = "|'), '');
    assert.equal(site('PHQ_TOKEN: |'), '');
    assert.equal(site('const accessToken = "x|'), 'x');
    assert.equal(site('PHQ_API_TOKEN=|', '|', true), '');
    assert.equal(site('export FOO="a|', '|', true), 'a');
  });
  test('elsewhere: nothing', () => {
    assert.equal(site('print("hello |")'), undefined);
    assert.equal(site('FOO=|'), undefined);
    assert.equal(site('x = 1 + |'), undefined);
  });
});
