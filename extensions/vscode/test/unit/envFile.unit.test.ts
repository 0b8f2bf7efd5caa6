import * as assert from 'node:assert/strict';
import { addGitignoreEntry, gitignoreCovers, upsertEnvVar } from '../../src/envFile';

const fake = () => `FAKE${'FAKE'.repeat(5)}${Math.random().toString(36).slice(2, 10)}`;

suite('.env and .gitignore helpers', () => {
  test('adds a variable to an empty or existing file', () => {
    const v = fake();
    assert.equal(upsertEnvVar('', 'PHQ_API_TOKEN', v).text, `PHQ_API_TOKEN=${v}\n`);
    assert.equal(upsertEnvVar('A=1\n', 'PHQ_API_TOKEN', v).text, `A=1\nPHQ_API_TOKEN=${v}\n`);
    assert.equal(upsertEnvVar('A=1', 'PHQ_API_TOKEN', v).text, `A=1\nPHQ_API_TOKEN=${v}\n`);
  });

  test('replaces an existing assignment (also with export) and keeps CRLF', () => {
    const v = fake();
    const r = upsertEnvVar('A=1\r\nexport PHQ_API_TOKEN=old\r\nB=2\r\n', 'PHQ_API_TOKEN', v);
    assert.equal(r.replaced, true);
    assert.equal(r.text, `A=1\r\nPHQ_API_TOKEN=${v}\r\nB=2\r\n`);
  });

  test('does not touch a variable whose name only starts the same', () => {
    const r = upsertEnvVar('PHQ_API_TOKEN_OLD=x\n', 'PHQ_API_TOKEN', 'v');
    assert.equal(r.replaced, false);
    assert.equal(r.text, 'PHQ_API_TOKEN_OLD=x\nPHQ_API_TOKEN=v\n');
  });

  test('.gitignore coverage follows git rules', () => {
    assert.equal(gitignoreCovers('', '.env'), false);
    assert.equal(gitignoreCovers('.env\n', '.env'), true);
    assert.equal(gitignoreCovers('.env*\n', '.env'), true);
    assert.equal(gitignoreCovers('*.env\n', '.env'), true);
    assert.equal(gitignoreCovers('.env\n!.env\n', '.env'), false);
    assert.equal(gitignoreCovers('node_modules/\n', '.env'), false);
  });

  test('adding an entry makes the file cover .env', () => {
    for (const start of ['', 'node_modules/', 'node_modules/\n', 'dist\r\n']) {
      const out = addGitignoreEntry(start, '.env');
      assert.ok(out.startsWith(start));
      assert.equal(gitignoreCovers(out, '.env'), true, JSON.stringify(start));
    }
  });
});
