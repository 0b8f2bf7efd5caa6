// The one env-file write policy (src/envFile.ts) the CLI and the extension share, on real
// files: new files private, links written through, links to nothing and read-only files refused.
import assert from 'node:assert/strict';
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EnvFileRefused, planEnvFile, writeEnvFile } from '../src/envFile';

const dir = () => mkdtempSync(path.join(tmpdir(), 'phq-envfile-'));
const append = (line: string) => (text: string | undefined) => `${text ?? ''}${line}\n`;
const refusal = (fn: () => unknown, reason: string, message: RegExp) =>
  assert.throws(fn, (e: unknown) => e instanceof EnvFileRefused && e.reason === reason && message.test(e.message));

suite('env file write policy (planEnvFile, writeEnvFile)', () => {
  test('a new file is created with mode 600; nothing else is left in the folder', () => {
    const d = dir();
    const f = path.join(d, '.env');
    const w = writeEnvFile(f, append('A=1'));
    assert.equal(w.how, 'created');
    assert.equal(readFileSync(f, 'utf8'), 'A=1\n');
    if (process.platform !== 'win32') assert.equal(statSync(f).mode & 0o777, 0o600);
    assert.deepEqual(readdirSync(d), ['.env']);
  });

  test('an existing file readable by others becomes owner-only and says what it was', function () {
    if (process.platform === 'win32') this.skip();
    const f = path.join(dir(), '.env');
    writeFileSync(f, 'A=1\n');
    chmodSync(f, 0o644);
    const w = writeEnvFile(f, append('B=2'));
    assert.equal(w.tightenedFrom, 0o644);
    assert.equal(statSync(f).mode & 0o777, 0o600);
    assert.equal(readFileSync(f, 'utf8'), 'A=1\nB=2\n');
  });

  test('a symbolic link is written through: the link stays, its target gets the text (and the tightened mode)', function () {
    if (process.platform === 'win32') this.skip();
    const d = dir();
    mkdirSync(path.join(d, 'outside'));
    const real = path.join(d, 'outside', 't.env');
    writeFileSync(real, 'A=1\n');
    chmodSync(real, 0o644);
    mkdirSync(path.join(d, 'app'));
    const link = path.join(d, 'app', 'sl.env');
    symlinkSync('../outside/t.env', link);
    const plan = planEnvFile(link);
    assert.equal(plan.link, true);
    assert.equal(plan.target, realpathSync(real));
    const w = writeEnvFile(link, append('B=2'));
    assert.equal(w.link, true);
    assert.ok(lstatSync(link).isSymbolicLink());
    assert.equal(readFileSync(real, 'utf8'), 'A=1\nB=2\n');
    assert.equal(statSync(real).mode & 0o777, 0o600);
    assert.deepEqual(readdirSync(path.join(d, 'app')), ['sl.env'], 'no temporary file left beside the link');
  });

  test('a link to nothing, a folder and a read-only file are refused, each named, nothing written', function () {
    if (process.platform === 'win32') this.skip();
    const d = dir();
    symlinkSync('missing.env', path.join(d, 'dangling.env'));
    refusal(
      () => planEnvFile(path.join(d, 'dangling.env')),
      'dangling-link',
      /dangling\.env is a symbolic link to missing\.env, which does not exist/,
    );
    mkdirSync(path.join(d, 'folder.env'));
    refusal(
      () => writeEnvFile(path.join(d, 'folder.env'), append('A=1')),
      'not-a-file',
      /folder\.env is not a regular file/,
    );
    const ro = path.join(d, 'ro.env');
    writeFileSync(ro, 'A=1\n');
    chmodSync(ro, 0o400);
    // Refused even for root, who could write it: the owner made it read-only on purpose.
    refusal(() => writeEnvFile(ro, append('B=2')), 'read-only', /ro\.env is read-only \(mode 400\).*chmod u\+w/);
    assert.equal(readFileSync(ro, 'utf8'), 'A=1\n');
    // Through a link, the message names both.
    symlinkSync('ro.env', path.join(d, 'to-ro.env'));
    refusal(
      () => planEnvFile(path.join(d, 'to-ro.env')),
      'read-only',
      /to-ro\.env \(a link to .*ro\.env\) is read-only/,
    );
  });
});
