// Whether git would commit a file: a work tree found upwards, .gitignore files from the root
// down (negations, directory patterns, nested files), .git/info/exclude.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gitStatus } from '../../src/gitStatus';

suite('git status of a file (unit)', () => {
  test('ignored, committed, or outside any repository', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'phq-git-'));
    mkdirSync(path.join(root, '.git', 'info'), { recursive: true });
    writeFileSync(path.join(root, '.git', 'info', 'exclude'), 'scratch.py\n');
    writeFileSync(path.join(root, '.gitignore'), '.env\nsecrets/\n*.local.py\n!keep.local.py\n');
    mkdirSync(path.join(root, 'app', 'secrets'), { recursive: true });
    writeFileSync(path.join(root, 'app', '.gitignore'), 'generated.py\n');
    const at = (...p: string[]) => pathToFileURL(path.join(root, ...p)).href;
    assert.equal(gitStatus(at('.env')), 'ignored');
    assert.equal(gitStatus(at('app', 'main.py')), 'committed');
    assert.equal(gitStatus(at('app', 'secrets', 'token.py')), 'ignored');
    assert.equal(gitStatus(at('app', 'x.local.py')), 'ignored');
    assert.equal(gitStatus(at('app', 'keep.local.py')), 'committed');
    assert.equal(gitStatus(at('app', 'generated.py')), 'ignored');
    assert.equal(gitStatus(at('generated.py')), 'committed', 'a nested .gitignore applies below it only');
    assert.equal(gitStatus(at('scratch.py')), 'ignored');
    const outside = mkdtempSync(path.join(tmpdir(), 'phq-nogit-'));
    assert.equal(gitStatus(pathToFileURL(path.join(outside, 'a.py')).href), 'no-repository');
    assert.equal(gitStatus('untitled:Untitled-1'), 'no-repository');
  });
});
