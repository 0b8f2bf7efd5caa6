import * as assert from 'node:assert/strict';
// The .env text edit is detect's setEnvVar, tested once in packages/detect.
import { addGitignoreEntry, gitignoreCovers } from '../../src/envFile';

suite('.gitignore helpers', () => {
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
