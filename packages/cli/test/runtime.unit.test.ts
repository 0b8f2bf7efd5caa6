// The pure parts of the CLI runtime, in process: exit codes, messages, .gitignore entries
// (env-file edits are tested once, in packages/detect and packages/core).
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ignore from 'ignore';
import { PhqError, type PhqErrorKind } from '@phq-tokens/core';
import { describeError } from '../src/runtime/describe-error';
import { ExitCode, UsageError, exitCodeFor } from '../src/runtime/exit-codes';
import { ensureGitignored } from '../src/runtime/secret-files';
import { quotePath } from '../src/scan/quote-path';
import { tmp } from './helpers';

const expected: Record<PhqErrorKind, number> = {
  unauthorized: ExitCode.auth,
  forbidden: ExitCode.auth,
  'payment-required': ExitCode.failed,
  'not-found': ExitCode.notFound,
  validation: ExitCode.usage,
  conflict: ExitCode.failed,
  'rate-limited': ExitCode.unavailable,
  server: ExitCode.unavailable,
  network: ExitCode.unavailable,
  timeout: ExitCode.unavailable,
  cancelled: ExitCode.cancelled,
  'bad-response': ExitCode.failed,
};

suite('cli runtime (unit)', () => {
  test('every error kind has the documented exit code and its own message', () => {
    const messages = new Set<string>();
    for (const [kind, code] of Object.entries(expected) as [PhqErrorKind, number][]) {
      const e = new PhqError(kind, 'server text', { status: 500, attempts: 4, retryAfterMs: 2000, field: 'name' });
      assert.equal(exitCodeFor(e), code, kind);
      const m = describeError(e, 'http://127.0.0.1:9');
      assert.match(m, /^error: /);
      messages.add(m.split(':')[1]!);
    }
    assert.equal(messages.size, Object.keys(expected).length, 'each kind reads differently');
    assert.equal(exitCodeFor(new UsageError('x')), 2);
    assert.equal(exitCodeFor(new Error('EACCES')), 1);
  });

  test('an env file whose name has gitignore syntax gets an entry that matches it literally', () => {
    const dir = tmp();
    const name = '#secrets[1]!.env';
    writeFileSync(path.join(dir, name), '');
    const r = ensureGitignored(path.join(dir, name));
    assert.equal(r.changed, true);
    const rules = readFileSync(path.join(dir, '.gitignore'), 'utf8');
    assert.equal(ignore().add(rules).ignores(name), true, rules);
    assert.equal(ignore().add(rules).ignores('secrets1.env'), false);
    assert.equal(ensureGitignored(path.join(dir, name)).changed, false, 'idempotent');
  });
});

suite('quotePath (scan, human format)', () => {
  test('quotes names git would quote, with C and octal escapes; leaves the rest alone', () => {
    const cases: [string, string][] = [
      ['src/app.py', 'src/app.py'],
      ['docs/é.md', 'docs/é.md'],
      ['a b.py', 'a b.py'],
      ['a\nb', '"a\\nb"'],
      ['\x1b[31mred', '"\\033[31mred"'],
      ['tab\there', '"tab\\there"'],
      ['q"\\', '"q\\"\\\\"'],
      ['bidi\u202eyp.txt', '"bidi\\342\\200\\256yp.txt"'],
      ['del\x7f', '"del\\177"'],
    ];
    for (const [name, quoted] of cases) assert.equal(quotePath(name), quoted, JSON.stringify(name));
  });
});
