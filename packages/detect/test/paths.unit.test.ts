import assert from 'node:assert/strict';
import { createPathFilter } from '../src';

suite('path ignore globs', () => {
  test('gitignore syntax against paths relative to the root', () => {
    const f = createPathFilter(['dist/', '*.min.js', '!keep.min.js', 'docs/**/*.md', '']);
    assert.equal(f.ignores('dist/app.js'), true);
    assert.equal(f.ignores('src/app.min.js'), true);
    assert.equal(f.ignores('src/keep.min.js'), false);
    assert.equal(f.ignores('docs/a/b.md'), true);
    assert.equal(f.ignores('src/app.js'), false);
    assert.equal(f.ignores('./dist/x.js'), true);
    assert.equal(f.ignores('dist\\x.js'), true);
    assert.equal(f.ignores('../outside.js'), false);
  });
});
