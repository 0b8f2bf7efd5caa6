// create --out-file / --env-file: private files, in-place updates, .gitignore coverage.
import assert from 'node:assert/strict';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { CliHarness, run, tmp } from './helpers';

const VALUE = /[A-Za-z0-9_-]{43}/;

suite('phq-tokens create into files (e2e)', () => {
  const h = new CliHarness();
  suiteSetup(() => h.start());
  suiteTeardown(() => h.stop());

  test('--out-file writes the value to a new 0600 file and prints nothing on stdout', async () => {
    const cwd = tmp();
    const r = await run(['create', '--name', 'To file', '--out-file', 'token.txt'], { env: h.env(h.account()), cwd });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    const file = path.join(cwd, 'token.txt');
    assert.match(readFileSync(file, 'utf8'), new RegExp(`^${VALUE.source}\\n$`));
    assert.equal(statSync(file).mode & 0o777, 0o600);
  });

  test('--out-file refuses an existing file before creating anything', async () => {
    const cwd = tmp();
    writeFileSync(path.join(cwd, 'token.txt'), 'precious\n');
    const cred = h.account();
    const r = await run(['create', '--name', 'x', '--out-file', 'token.txt'], { env: h.env(cred), cwd });
    assert.equal(r.code, 2);
    assert.equal(readFileSync(path.join(cwd, 'token.txt'), 'utf8'), 'precious\n');
    assert.equal(h.emu.state.tokenCount(cred), 0);
  });

  test('--env-file creates .env (0600) and a .gitignore that covers it', async () => {
    const cwd = tmp();
    const r = await run(['create', '--name', 'To env', '--env-file', '.env'], { env: h.env(h.account()), cwd });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    const env = readFileSync(path.join(cwd, '.env'), 'utf8');
    assert.match(env, new RegExp(`^PHQ_API_TOKEN=${VALUE.source}\\n$`));
    assert.equal(statSync(path.join(cwd, '.env')).mode & 0o777, 0o600);
    assert.equal(readFileSync(path.join(cwd, '.gitignore'), 'utf8'), '/.env\n');
    assert.match(r.stderr, /Added \.env to .*\.gitignore/);
  });

  test('an existing variable is updated in place, other lines and the mode kept, .gitignore not duplicated', async () => {
    const cwd = tmp();
    const envFile = path.join(cwd, 'app.env');
    writeFileSync(envFile, '# app settings\nDEBUG=1\nexport MY_TOKEN=old-value\nPORT=8080\n', { mode: 0o600 });
    chmodSync(envFile, 0o600); // owner-only: kept as it is
    writeFileSync(path.join(cwd, '.gitignore'), 'node_modules/\n*.env\n');
    const r = await run(['create', '--name', 'Rotate', '--env-file', 'app.env', '--env-var', 'MY_TOKEN'], {
      env: h.env(h.account()),
      cwd,
    });
    assert.equal(r.code, 0, r.stderr);
    const lines = readFileSync(envFile, 'utf8').split('\n');
    assert.equal(lines.length, 5);
    assert.deepEqual([lines[0], lines[1], lines[3], lines[4]], ['# app settings', 'DEBUG=1', 'PORT=8080', '']);
    assert.match(lines[2]!, new RegExp(`^export MY_TOKEN=${VALUE.source}$`));
    assert.equal(statSync(envFile).mode & 0o777, 0o600);
    assert.equal(readFileSync(path.join(cwd, '.gitignore'), 'utf8'), 'node_modules/\n*.env\n');
    assert.match(r.stderr, /already covered/);
    assert.doesNotMatch(r.stderr, /readable by other users/);
  });

  for (const mode of [0o644, 0o640, 0o666]) {
    test(`an existing env file readable by others (mode ${mode.toString(8)}) becomes owner-only, and the user is told`, async function () {
      if (process.platform === 'win32') this.skip();
      const cwd = tmp();
      const envFile = path.join(cwd, '.env');
      writeFileSync(envFile, 'DEBUG=1\n');
      chmodSync(envFile, mode);
      const r = await run(['create', '--name', 'Shared', '--env-file', '.env'], { env: h.env(h.account()), cwd });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(statSync(envFile).mode & 0o777, 0o600);
      assert.match(r.stderr, new RegExp(`warning: \\.env was readable by other users \\(mode ${mode.toString(8)}\\)`));
      assert.match(r.stderr, new RegExp(`chmod ${mode.toString(8)} \\.env`));
      assert.match(readFileSync(envFile, 'utf8'), /^DEBUG=1\nPHQ_API_TOKEN=/);
    });
  }

  test('a read-only (0400) env file is refused before creating anything, naming the file', async () => {
    const cwd = tmp();
    const envFile = path.join(cwd, 'app.env');
    writeFileSync(envFile, 'PHQ_API_TOKEN=old-value\n');
    chmodSync(envFile, 0o400); // someone made it read-only on purpose (even root must not rewrite it)
    const cred = h.account();
    const r = await run(['create', '--name', 'RO', '--env-file', 'app.env'], { env: h.env(cred), cwd });
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /app\.env is read-only \(mode 400\)/);
    assert.match(r.stderr, /Nothing was changed/);
    assert.equal(h.emu.state.tokenCount(cred), 0);
    assert.equal(readFileSync(envFile, 'utf8'), 'PHQ_API_TOKEN=old-value\n');
    assert.equal(statSync(envFile).mode & 0o777, 0o400);
  });

  test('an env file that is a symbolic link is written through: the link stays, the real file gets the value', async function () {
    if (process.platform === 'win32') this.skip();
    const base = tmp();
    const cwd = path.join(base, 'app');
    mkdirSync(cwd);
    mkdirSync(path.join(base, 'outside'));
    const real = path.join(base, 'outside', 't.env');
    writeFileSync(real, 'A=1\nPHQ_API_TOKEN=old-value\n');
    chmodSync(real, 0o644);
    symlinkSync('../outside/t.env', path.join(cwd, 'sl.env'));
    const r = await run(['create', '--name', 'Linked', '--env-file', 'sl.env'], { env: h.env(h.account()), cwd });
    assert.equal(r.code, 0, r.stderr);
    assert.ok(lstatSync(path.join(cwd, 'sl.env')).isSymbolicLink(), 'the link is still a link');
    assert.equal(readlinkSync(path.join(cwd, 'sl.env')), '../outside/t.env');
    assert.match(readFileSync(real, 'utf8'), new RegExp(`^A=1\nPHQ_API_TOKEN=${VALUE.source}\n$`));
    // The warning's "now owner-only" is true of the file that holds the token.
    assert.equal(statSync(real).mode & 0o777, 0o600);
    assert.match(r.stderr, /sl\.env was readable by other users \(mode 644\)/);
    assert.match(r.stderr, /a symbolic link: written through to .*outside\/t\.env/);
    // A link to nothing is refused before anything is created.
    symlinkSync('../outside/missing.env', path.join(cwd, 'dangling.env'));
    const cred = h.account();
    const d = await run(['create', '--name', 'Dangling', '--env-file', 'dangling.env'], { env: h.env(cred), cwd });
    assert.equal(d.code, 1, d.stderr);
    assert.match(d.stderr, /dangling\.env is a symbolic link to \.\.\/outside\/missing\.env, which does not exist/);
    assert.equal(h.emu.state.tokenCount(cred), 0);
  });

  test('a missing variable is appended to an existing env file', async () => {
    const cwd = tmp();
    writeFileSync(path.join(cwd, '.env'), 'A=1');
    await run(['create', '--name', 'Append', '--env-file', '.env'], { env: h.env(h.account()), cwd });
    const lines = readFileSync(path.join(cwd, '.env'), 'utf8').split('\n');
    assert.equal(lines[0], 'A=1');
    assert.match(lines[1]!, /^PHQ_API_TOKEN=/);
  });

  test('in a repository, a root .gitignore that covers a nested env file is respected', async () => {
    const repo = tmp();
    mkdirSync(path.join(repo, '.git'));
    mkdirSync(path.join(repo, 'services', 'api'), { recursive: true });
    writeFileSync(path.join(repo, '.gitignore'), '.env\n');
    const cwd = path.join(repo, 'services', 'api');
    const r = await run(['create', '--name', 'Nested', '--env-file', '.env'], { env: h.env(h.account()), cwd });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(existsSync(path.join(cwd, '.gitignore')), false);
  });

  test('a negation in a nearer .gitignore is honoured (the file gets its own entry)', async () => {
    const repo = tmp();
    mkdirSync(path.join(repo, '.git'));
    mkdirSync(path.join(repo, 'sub'));
    writeFileSync(path.join(repo, '.gitignore'), '.env\n');
    writeFileSync(path.join(repo, 'sub', '.gitignore'), '!.env\n');
    const cwd = path.join(repo, 'sub');
    await run(['create', '--name', 'Negated', '--env-file', '.env'], { env: h.env(h.account()), cwd });
    assert.equal(readFileSync(path.join(cwd, '.gitignore'), 'utf8'), '!.env\n/.env\n');
  });

  test('a missing folder is a usage error before creating anything', async () => {
    const cred = h.account();
    const r = await run(['create', '--name', 'x', '--env-file', 'no/such/dir/.env'], { env: h.env(cred) });
    assert.equal(r.code, 2);
    assert.equal(h.emu.state.tokenCount(cred), 0);
  });
});
