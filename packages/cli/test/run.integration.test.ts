// `phq-tokens run`: the token reaches the command's environment (and works against the
// emulator's API), from --stdin, --env-file or the OS keyring; the command's exit code and
// signals pass through (SIGINT sent to phq-tokens alone reaches the command; a command killed
// by a signal is 128 + its number); nothing prints the value.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { CliHarness, cliJs, run, tmp, type RunResult } from './helpers';

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

/** The CLI with a command that says "ready" once it can take a signal; `onReady` gets the CLI's pid. */
function runUntilReady(
  args: string[],
  env: Record<string, string>,
  input: string,
  onReady: (pid: number) => void,
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cliJs, args, { env, cwd: tmp() });
    let stdout = '';
    let stderr = '';
    let sent = false;
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (!sent && stdout.includes('ready')) {
        sent = true;
        onReady(child.pid!);
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    child.stdin.end(input);
  });
}

suite('phq-tokens run (e2e)', () => {
  const h = new CliHarness();
  let token: string;
  suiteSetup(async () => {
    await h.start();
    token = h.emu.state.createToken(h.account(), { name: 'Run', scopes: ['events'] }).token;
  });
  suiteTeardown(() => h.stop());

  const env = (extra: Record<string, string | undefined> = {}) =>
    h.env('', { PHQ_MANAGEMENT_TOKEN: undefined, ...extra });
  const noValue = (r: RunResult) =>
    assert.ok(!r.stdout.includes(token) && !r.stderr.includes(token), 'the value is never printed');
  const lengthOf = (v: string) => ['sh', '-c', `printf %s "\${#${v}}"`];

  test('--stdin: the command gets PHQ_API_TOKEN and calls the API with it (verify against the emulator)', async () => {
    const r = await run(['run', '--stdin', '--', cliJs, 'verify'], { env: env(), input: `${token}\n` });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^valid/);
    noValue(r);
  });

  test('--env-var names the variable; the default one is not set', async () => {
    const r = await run(
      [
        'run',
        '--stdin',
        '--env-var',
        'MY_TOKEN',
        '--',
        'sh',
        '-c',
        'printf "%s %s" "${#MY_TOKEN}" "${#PHQ_API_TOKEN}"',
      ],
      {
        env: env(),
        input: token,
      },
    );
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, `${token.length} 0`);
  });

  test('--env-file reads the variable from the file; a file without it is a usage error', async () => {
    const dir = tmp();
    const file = path.join(dir, '.env');
    writeFileSync(file, `# local\nDEBUG=1\nexport PHQ_API_TOKEN="${token}"\n`, { mode: 0o600 });
    const r = await run(['run', '--env-file', file, '--', ...lengthOf('PHQ_API_TOKEN')], { env: env() });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, String(token.length));
    writeFileSync(file, 'DEBUG=1\n');
    const missing = await run(['run', '--env-file', file, '--', 'true'], { env: env() });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /does not set PHQ_API_TOKEN/);
  });

  test("the command's exit code is phq-tokens' exit code", async () => {
    const r = await run(['run', '--stdin', '--', 'sh', '-c', 'exit 42'], { env: env(), input: token });
    assert.equal(r.code, 42);
    const ok = await run(['run', '--stdin', '--', 'true'], { env: env(), input: token });
    assert.equal(ok.code, 0);
  });

  test('a command ended by a signal: 128 + its number (SIGTERM: 143)', async () => {
    const r = await run(['run', '--stdin', '--', 'sh', '-c', 'kill -TERM $$'], { env: env(), input: token });
    assert.equal(r.code, 143);
  });

  test('Ctrl+C: SIGINT sent to phq-tokens reaches the command, which decides how to end', async () => {
    const script =
      "process.on('SIGINT', () => { console.log('got SIGINT'); process.exit(3); }); console.log('ready'); setInterval(() => {}, 1000);";
    const r = await runUntilReady(['run', '--stdin', '--', process.execPath, '-e', script], env(), token, (pid) =>
      process.kill(pid, 'SIGINT'),
    );
    assert.match(r.stdout, /got SIGINT/);
    assert.equal(r.code, 3, r.stderr);
  });

  test('Ctrl+C on a command that does not catch it: exit 130; SIGTERM: 143', async () => {
    const script = "console.log('ready'); setInterval(() => {}, 1000);";
    const int = await runUntilReady(['run', '--stdin', '--', process.execPath, '-e', script], env(), token, (pid) =>
      process.kill(pid, 'SIGINT'),
    );
    assert.equal(int.code, 130);
    const term = await runUntilReady(['run', '--stdin', '--', process.execPath, '-e', script], env(), token, (pid) =>
      process.kill(pid, 'SIGTERM'),
    );
    assert.equal(term.code, 143);
  });

  test('usage: no source, two sources, no command (exit 2); a missing command (exit 127)', async () => {
    const none = await run(['run', '--', 'true'], { env: env() });
    assert.equal(none.code, 2);
    assert.match(none.stderr, /No token source/);
    const two = await run(['run', '--stdin', '--keyring', '--', 'true'], { env: env(), input: token });
    assert.equal(two.code, 2);
    const noCmd = await run(['run', '--stdin'], { env: env(), input: token });
    assert.equal(noCmd.code, 2);
    const missing = await run(['run', '--stdin', '--', 'phq-no-such-command'], { env: env(), input: token });
    assert.equal(missing.code, 127);
    assert.match(missing.stderr, /phq-no-such-command: command not found/);
  });

  test('the OS keyring: where none is reachable, a clear error (exit 5); otherwise a round trip', async () => {
    // No D-Bus session here: the Secret Service is out of reach (the kernel keyring may or may not be).
    const e = env({ DBUS_SESSION_BUS_ADDRESS: undefined });
    const store = await run(['keyring', 'store', 'phq-test-no-dbus', '--stdin'], { env: e, input: token });
    if (store.code !== 0) {
      assert.equal(store.code, 5, store.stderr);
      assert.match(store.stderr, /OS keyring is not available here .*use --stdin or --env-file/);
      return;
    }
    const r = await run(['run', '--keyring', 'phq-test-no-dbus', '--', ...lengthOf('PHQ_API_TOKEN')], { env: e });
    assert.equal(r.stdout, String(token.length));
    assert.equal((await run(['keyring', 'delete', 'phq-test-no-dbus'], { env: e })).code, 0);
  });

  test('the OS keyring (GNOME Keyring in a D-Bus session): store, run --keyring, delete', async function () {
    if (!has('dbus-run-session') || !has('gnome-keyring-daemon')) this.skip();
    const home = tmp('phq-keyring-home-');
    const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
    // A throwaway keyring (its own HOME), unlocked with a throwaway password, in a private D-Bus session.
    const script = [
      // In the foreground, in the background of this shell: stopped at the end, nothing left running.
      'mkdir -m 700 -p "$XDG_RUNTIME_DIR" && printf pw > "$HOME/pw"',
      'gnome-keyring-daemon --foreground --unlock --components=secrets < "$HOME/pw" >/dev/null 2>&1 & KEYRING=$!',
      'for i in 1 2 3 4 5 6 7 8 9 10; do [ -S "$XDG_RUNTIME_DIR/keyring/control" ] && break; sleep 0.5; done',
      `printf %s "$TOKEN_FOR_TEST" | ${q(cliJs)} keyring store ci --stdin; echo "store=$?"`,
      `${q(cliJs)} run --keyring ci -- sh -c 'printf "len=%s\\n" "\${#PHQ_API_TOKEN}"'; echo "run=$?"`,
      `${q(cliJs)} run --keyring ci -- ${q(cliJs)} verify; echo "verify=$?"`,
      `${q(cliJs)} keyring delete ci; echo "delete=$?"`,
      `${q(cliJs)} run --keyring ci -- true; echo "after=$?"`,
      'kill $KEYRING; wait',
    ].join('\n');
    // Asynchronously: the emulator answering `verify` runs in this process.
    const r = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn('dbus-run-session', ['--', 'sh', '-c', script], {
        env: {
          ...env(),
          HOME: home,
          XDG_DATA_HOME: path.join(home, '.local', 'share'),
          XDG_RUNTIME_DIR: path.join(home, 'run'),
          TOKEN_FOR_TEST: token,
        },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('error', reject);
      child.on('close', () => resolve({ stdout, stderr }));
    });
    const out = r.stdout;
    assert.match(out, /store=0/, r.stderr);
    assert.match(out, new RegExp(`len=${token.length}\\nrun=0`));
    assert.match(out, /valid[^\n]*\nverify=0/);
    assert.match(out, /delete=0/);
    assert.match(out, /after=4/);
    assert.match(r.stderr, /has no token "ci"/);
    assert.ok(!out.includes(token) && !r.stderr.includes(token));
  });
});
