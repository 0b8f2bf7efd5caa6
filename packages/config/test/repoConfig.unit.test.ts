import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RULES } from '@phq-tokens/detect';
import schema from '../schema/phq-tokens.schema.json';
import { ConfigFileError, findRepoConfig, ignoredByConfig, parseRepoConfig } from '../src';

const F = '/repo/.phq-tokens.json';

function problems(text: string): string {
  try {
    parseRepoConfig(text, F);
  } catch (e) {
    assert.ok(e instanceof ConfigFileError, String(e));
    return e.message;
  }
  assert.fail('expected a ConfigFileError');
}

suite('repository config file', () => {
  test('a valid file', () => {
    const c = parseRepoConfig(
      JSON.stringify({
        $schema: './x.json',
        extraPatterns: ['\\bMY_PHQ_KEY\\b'],
        ignore: ['legacy/'],
        severity: { 'phq/placeholder-in-docs': 'off', 'hardcoded-token': 'warning' },
        envVarName: 'PREDICTHQ_TOKEN',
        failOn: 'warning',
        baseline: 'ci/baseline.json',
      }),
      F,
    );
    assert.equal(c.envVarName, 'PREDICTHQ_TOKEN');
    assert.equal(c.baselineFile, '/repo/ci/baseline.json');
    assert.equal(ignoredByConfig(c, '/repo/legacy/a.py'), true);
    assert.equal(ignoredByConfig(c, '/repo/src/a.py'), false);
    assert.equal('$schema' in c, false);
  });

  test('a JSON syntax error names its line and column', () => {
    assert.equal(
      problems('{\n  "failOn": "error",\n  "envVarName": "X"\n  "ignore": []\n}'),
      `${F}:4:3: not valid JSON: CommaExpected`,
    );
  });

  test('an empty file is an error, not an empty policy', () => {
    assert.match(problems(''), /:1:1: not valid JSON/);
  });

  test('comments are not JSON', () => {
    assert.match(problems('{\n  // no\n  "failOn": "error"\n}'), /:2:3: not valid JSON: InvalidCommentToken/);
  });

  test('a wrong value names the line of the value', () => {
    assert.equal(
      problems('{\n  "envVarName": "X",\n  "failOn": "sometimes"\n}'),
      `${F}:3:13: "failOn" must be one of "error", "warning", "info", "hint", "none"`,
    );
  });

  test('an unknown key names the line of the key', () => {
    assert.equal(problems('{\n  "ignore": [],\n\n  "patterns": ["x"]\n}'), `${F}:4:3: unknown key "patterns"`);
  });

  test('an unknown severity key and a wrong severity are both named', () => {
    const m = problems('{\n  "severity": {\n    "phq/placeholdr": "off",\n    "placeholder": "loud"\n  }\n}');
    assert.match(m, /:3:5: unknown key "phq\/placeholdr" in "severity"/);
    assert.match(m, /:4:20: "severity\.placeholder" must be one of/);
  });

  test('a pattern that is not a usable regular expression names its line', () => {
    assert.match(
      problems('{\n  "extraPatterns": [\n    "ok",\n    "(unclosed"\n  ]\n}'),
      /:4:5: "extraPatterns\.1" is not usable: /,
    );
    assert.match(problems('{"extraPatterns": ["a*"]}'), /matches the empty string/);
  });

  test('the schema knows every rule id and kind of the engine', () => {
    const names = new Set((schema.properties.severity.propertyNames as { enum: string[] }).enum);
    for (const r of RULES) {
      assert.ok(names.has(r.id), `${r.id} missing from the schema`);
      assert.ok(names.has(r.kind), `${r.kind} missing from the schema`);
    }
  });

  test('found by walking up; the nearest wins', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'phq-config-'));
    mkdirSync(path.join(root, 'a', 'b'), { recursive: true });
    assert.equal(findRepoConfig(path.join(root, 'a', 'b')), undefined);
    writeFileSync(path.join(root, '.phq-tokens.json'), '{}');
    assert.equal(findRepoConfig(path.join(root, 'a', 'b')), path.join(root, '.phq-tokens.json'));
    writeFileSync(path.join(root, 'a', '.phq-tokens.json'), '{}');
    assert.equal(findRepoConfig(path.join(root, 'a', 'b')), path.join(root, 'a', '.phq-tokens.json'));
  });
});
