import assert from 'node:assert/strict';
import { fingerprint } from '@phq-tokens/detect';
import { BaselineMatcher, ConfigFileError, entryFor, formatBaseline, newSalt, parseBaseline } from '../src';

const VALUE = 'FAKEfakeFAKEfake0123456789abcdefABCDEFxyz12';
const token = { ruleId: 'phq/hardcoded-token', match: 'FAKE********12', data: { fingerprint: fingerprint(VALUE) } };
const placeholder = { ruleId: 'phq/placeholder', match: '$API_TOKEN', data: {} };

suite('baseline', () => {
  test('holds no value, no masked form and no plain fingerprint of a token', () => {
    const salt = newSalt();
    const text = formatBaseline({
      salt,
      entries: [entryFor(token, 'app.py', salt), entryFor(placeholder, 'app.py', salt)],
    });
    for (const needle of [VALUE, token.match, fingerprint(VALUE).slice(7), VALUE.slice(0, 8)])
      assert.equal(text.includes(needle), false, needle);
    assert.ok(text.includes('$API_TOKEN'));
  });

  test('matches by rule, path and text; a known token matches its hardcoded entry', () => {
    const salt = newSalt();
    const m = new BaselineMatcher(
      parseBaseline(formatBaseline({ salt, entries: [entryFor(token, 'app.py', salt)] }), 'b'),
    );
    assert.equal(m.has(token, 'app.py'), true);
    assert.equal(m.has({ ...token, ruleId: 'phq/known-token' }, 'app.py'), true);
    assert.equal(m.has(token, 'other.py'), false);
    assert.equal(m.has({ ...token, data: { fingerprint: fingerprint(VALUE + 'x') } }, 'app.py'), false);
    assert.equal(m.has(placeholder, 'app.py'), false);
  });

  test('unmatched entries are reported when in scope', () => {
    const salt = newSalt();
    const m = new BaselineMatcher({
      salt,
      entries: [entryFor(placeholder, 'a.py', salt), entryFor(placeholder, 'b.py', salt)],
    });
    m.has(placeholder, 'a.py');
    assert.deepEqual(
      m.unmatched(() => true).map((e) => e.path),
      ['b.py'],
    );
    assert.deepEqual(
      m.unmatched((e) => e.path !== 'b.py'),
      [],
    );
  });

  test('the written file is sorted and unique, so rewrites make small diffs', () => {
    const salt = newSalt();
    const e = [
      entryFor(placeholder, 'b.py', salt),
      entryFor(placeholder, 'a.py', salt),
      entryFor(placeholder, 'a.py', salt),
    ];
    assert.deepEqual(
      parseBaseline(formatBaseline({ salt, entries: e }), 'b').entries.map((x) => x.path),
      ['a.py', 'b.py'],
    );
  });

  test('a broken baseline names its line', () => {
    assert.throws(
      () => parseBaseline('{\n  "version": 1,\n  "salt": "nope",\n  "entries": []\n}', 'b.json'),
      (e: unknown) => e instanceof ConfigFileError && /^b\.json:3:11: "salt" must match pattern/.test(e.message),
    );
  });
});
