import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RepoPolicy } from '../../src/repoPolicy';
import { DEFAULT_SETTINGS } from '../../src/settings';

suite('repository config merged into settings (repoPolicy)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'phq-policy-'));
  mkdirSync(path.join(dir, 'legacy'));
  writeFileSync(
    path.join(dir, '.phq-tokens.json'),
    JSON.stringify({
      extraPatterns: ['TEAM_KEY'],
      ignore: ['legacy/'],
      severity: { placeholder: 'info' },
      envVarName: 'FILE_VAR',
    }),
  );
  const settings = {
    ...DEFAULT_SETTINGS,
    extraPatterns: ['USER_KEY'],
    envVarName: 'USER_VAR',
    severity: { placeholder: 'hint' as const, 'hardcoded-token': 'warning' as const },
    severityByLanguage: { python: { placeholder: 'off' as const, endpoint: 'off' as const } },
  };
  const file = pathToFileURL(path.join(dir, 'app.py')).href;

  test('the file beats user settings; lists add up; a per-language key the file sets yields to it', () => {
    const merged = new RepoPolicy(() => undefined).apply(settings, file, true);
    assert.deepEqual(merged.extraPatterns, ['USER_KEY', 'TEAM_KEY']);
    assert.equal(merged.envVarName, 'FILE_VAR');
    assert.deepEqual(merged.severity, { placeholder: 'info', 'hardcoded-token': 'warning' });
    assert.deepEqual(merged.severityByLanguage, { python: { endpoint: 'off' } });
    assert.equal(merged.enable, true);
  });

  test('untrusted: the file patterns are not run, the user setting is', () => {
    assert.deepEqual(new RepoPolicy(() => undefined).apply(settings, file, false).extraPatterns, ['USER_KEY']);
  });

  test('ignored paths and the config file itself are disabled; other schemes are left alone', () => {
    const p = new RepoPolicy(() => undefined);
    assert.equal(p.apply(settings, pathToFileURL(path.join(dir, 'legacy', 'a.py')).href, true).enable, false);
    assert.equal(p.apply(settings, pathToFileURL(path.join(dir, '.phq-tokens.json')).href, true).enable, false);
    assert.equal(p.apply(settings, 'untitled:Untitled-1', true), settings);
  });

  test("a notebook cell gets its notebook's policy", () => {
    const cell = `vscode-notebook-cell:${pathToFileURL(path.join(dir, 'legacy', 'nb.ipynb')).pathname}#W0sZmlsZQ%3D%3D`;
    assert.equal(new RepoPolicy(() => undefined).apply(settings, cell, true).enable, false);
    const other = `vscode-notebook-cell:${pathToFileURL(path.join(dir, 'nb.ipynb')).pathname}#W0sZmlsZQ%3D%3D`;
    assert.equal(new RepoPolicy(() => undefined).apply(settings, other, true).envVarName, 'FILE_VAR');
  });
});
