// The one answer to "would git commit this file?" and the listing built on it, on real
// folders in a temporary directory (a `.git` folder is enough for git's rules to apply).
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeBytes, globMatcher, IgnoreRules, listFiles, readTextFile, wouldList } from '../src';

suite('files: would git commit this file, and the listing', () => {
  let dir: string;
  const put = (rel: string, text = 'x\n') => {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  };
  const at = (rel: string) => path.join(dir, rel);

  setup(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'phq-files-'));
  });
  teardown(() => rmSync(dir, { recursive: true, force: true }));

  test('outside a repository: no-repository, but .gitignore beside the file still counts as ignored', () => {
    put('.gitignore', '.env\n');
    put('.env');
    put('a.py');
    const r = new IgnoreRules();
    assert.equal(r.status(at('.env')), 'no-repository');
    assert.equal(r.ignored(at('.env')), true);
    assert.equal(r.ignored(at('a.py')), false);
  });

  test("git's rules: nested .gitignore, negation, info/exclude, an ignored folder keeps its files ignored", () => {
    mkdirSync(at('.git/info'), { recursive: true });
    put('.git/info/exclude', 'secret.txt\n');
    put('.gitignore', '*.log\nbuild/\n');
    put('sub/.gitignore', '!keep.log\n');
    for (const f of ['a.log', 'sub/keep.log', 'sub/b.log', 'build/x.py', 'secret.txt', 'src/ok.py']) put(f);
    put('build/.gitignore', '!x.py\n');
    const r = new IgnoreRules();
    assert.equal(r.status(at('a.log')), 'ignored');
    assert.equal(r.status(at('sub/keep.log')), 'committed');
    assert.equal(r.status(at('sub/b.log')), 'ignored');
    assert.equal(r.status(at('build/x.py')), 'ignored');
    assert.equal(r.status(at('secret.txt')), 'ignored');
    assert.equal(r.status(at('src/ok.py')), 'committed');
  });

  test('rules are cached per folder until invalidated', () => {
    mkdirSync(at('.git'));
    put('.env');
    const r = new IgnoreRules();
    assert.equal(r.status(at('.env')), 'committed');
    put('.gitignore', '.env\n');
    assert.equal(r.status(at('.env')), 'committed', 'cached');
    r.invalidate(at('.gitignore'));
    assert.equal(r.status(at('.env')), 'ignored');
    rmSync(at('.git'), { recursive: true });
    r.invalidate(at('.git'));
    assert.equal(r.status(at('.env')), 'no-repository');
  });

  test('maxAgeMs: without a watcher, rules are read again after a while', async () => {
    mkdirSync(at('.git'));
    put('.env');
    const r = new IgnoreRules({ maxAgeMs: 1 });
    assert.equal(r.status(at('.env')), 'committed');
    put('.gitignore', '.env\n');
    await new Promise((res) => setTimeout(res, 5));
    assert.equal(r.status(at('.env')), 'ignored');
  });

  test('listFiles: .gitignore, excludes, .git, symlinks; wouldList agrees', async () => {
    mkdirSync(at('.git'));
    put('.git/config');
    put('.gitignore', 'out/\n*.tmp\n');
    for (const f of ['a.py', 'b.tmp', 'out/c.py', 'node_modules/d/e.js', 'src/f.ts', 'src/g.min.js', 'n.ipynb']) put(f);
    symlinkSync(at('a.py'), at('link.py'));
    const exclude = globMatcher(['**/node_modules/**', '**/*.min.js']);
    const rules = new IgnoreRules();
    const listed = (await listFiles(dir, { rules, exclude })).sort();
    assert.deepEqual(listed, ['.gitignore', 'a.py', 'n.ipynb', 'src/f.ts']);
    for (const f of ['a.py', 'src/f.ts']) assert.equal(wouldList(dir, f, { rules, exclude }), true, f);
    for (const f of ['b.tmp', 'out/c.py', 'node_modules/d/e.js', 'src/g.min.js', '.git/config'])
      assert.equal(wouldList(dir, f, { rules, exclude }), false, f);
  });

  test('readTextFile and decodeBytes: text, binary, too large, gone', () => {
    put('t.txt', 'héllo');
    writeFileSync(at('b.bin'), Buffer.from([1, 0, 2]));
    put('big.txt', 'y'.repeat(2000));
    assert.deepEqual(readTextFile(at('t.txt'), 1000), { text: 'héllo' });
    assert.deepEqual(readTextFile(at('b.bin'), 1000), { skipped: 'binary' });
    assert.deepEqual(readTextFile(at('big.txt'), 1000), { skipped: 'too-large' });
    assert.deepEqual(readTextFile(at('gone.txt'), 1000), { skipped: 'unreadable' });
    assert.deepEqual(decodeBytes(Buffer.from([0xef, 0xbb, 0xbf, 0x61])), { text: 'a' });
  });
});
